// First secretaries' monthly reports (第一书记, migration 021) as storage over a transaction
// (tx.h): the first_secretary postings of five-level support (support_assignments) a report is
// owed by, and the reports filed. Values arrive checked by core/first_secretary_reports.h; a
// report's photos are kept by storage/evidence_store.h (kReportPhotos). Every write appends its
// audit entry in the same transaction, entity "fs_report:ID". SQL shared by SQLite and PostgreSQL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "storage/store.h"
#include "storage/support_records.h"
#include "storage/tx.h"

namespace grassroots::storage {

// A first_secretary holder of a village in a year, with the village's name.
struct PostingRow {
  AssignmentRow assignment;
  std::string org_name;
};

struct ReportRow {
  std::int64_t id = 0;
  std::string org_code;
  int year = 0, month = 0;
  std::string kind;  // a core::ReportKind name
  std::string user_name, person, text;
  std::string submitted_at;  // UTC, core::FormatUtc
  std::int64_t photos = 0;
};

class FirstSecretaryRecords {
 public:
  explicit FirstSecretaryRecords(Tx& tx) : tx_(&tx) {}

  // The first_secretary holders posted on some day of calendar `year` by their start date and
  // end (whatever the assignment's selection year), the ended ones too, of the organizations
  // the filter admits (scope, unit, type; paging ignored), by code, start date and id.
  core::Result<std::vector<PostingRow>> Postings(int year, OrgFilter filter);
  // Those whose account is `user_name`, wherever they are.
  core::Result<std::vector<PostingRow>> PostingsOf(const std::string& user_name, int year);

  // The reports of `year` filed for the organizations the filter admits, by code, month, kind.
  core::Result<std::vector<ReportRow>> Reports(int year, OrgFilter filter);
  core::Result<std::vector<ReportRow>> ReportsAt(const std::string& code, int year);
  core::Result<std::optional<ReportRow>> Report(std::int64_t id);
  core::Result<std::optional<ReportRow>> Find(const std::string& code, int year, int month,
                                              const std::string& kind);

  // Files `report` (its id and photos ignored); answers the new id. The caller has checked
  // that none is filed for its village, month and kind.
  core::Result<std::int64_t> Add(const ReportRow& report);

 private:
  Tx* tx_;
};

}  // namespace grassroots::storage
