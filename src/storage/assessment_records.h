// Stored assessments (tables assessments, assessment_results, assessment_quotas) as storage over
// a transaction (tx.h): the runs of each year, their rows, their quota groups, and the record of
// a run with the inputs it was computed from, read back as the engine would read them again.
// A run (app::RunAssessment) reads its inputs in one snapshot, computes outside any transaction,
// and stores with Save in one write transaction, under Store::LockYear. SQL shared by SQLite and
// PostgreSQL: the runs and Save in assessment_records.cc, the rows and quotas as lists read them
// in assessment_reads.cc, the record with its inputs in stored_assessment_read.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/assessment.h"
#include "core/error.h"
#include "core/org_table.h"
#include "core/policy.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::storage {

class AssessmentRecords {
 public:
  explicit AssessmentRecords(Tx& tx) : tx_(&tx) {}

  // --- The runs (assessment_records.cc). ---

  // Every stored year's run, by year.
  core::Result<std::vector<AssessmentInfo>> List();
  // The run of `year`, or nullopt when it was never assessed.
  core::Result<std::optional<AssessmentInfo>> Info(int year);
  // The stored selection of `year` aligned with `orgs` (sorted by code, as loaded; 1 =
  // selected), or nullopt when that year was never assessed.
  core::Result<std::optional<std::vector<std::uint8_t>>> Selection(int year,
                                                                   const core::OrgTable& orgs);

  // Keeps the policy (PolicyRecords::Keep) and replaces input.year's run with `result` and the
  // inputs it was computed from (the organizations, their scores, committee grades and reasons,
  // hand decisions and previous selections), with its audit entry ("assessment.run", or
  // "assessment.rerun" with the header before) whose head the run records; answers the stored
  // header. Rows go 1,024 to an INSERT (by COPY on PostgreSQL, the quota groups too); a replaced
  // year rewrites only the rows that differ (assessment_rows.h); the table's statistics are
  // refreshed when a year is added. Only in a write transaction; on an error the caller's
  // transaction is rolled back: nothing is written.
  core::Result<AssessmentInfo> Save(const core::Policy& policy, const std::string& policy_version,
                                    const core::AssessmentInput& input,
                                    const core::AssessmentResult& result);

  // --- The rows and quotas as lists read them (assessment_reads.cc). ---

  // A page of year's stored rows (filtered like the organization list; offset/limit apply),
  // each with its organization's name and current hand decision, by code or `filter.ranked`.
  core::Result<Page<AssessmentRow>> Rows(int year, const OrgFilter& filter);
  // Every row of year's stored run, ordered by code; empty when it was never assessed.
  core::Result<std::vector<SummaryRow>> SummaryRows(int year);
  // Year's quota groups, ordered by unit then type.
  core::Result<std::vector<StoredQuota>> Quotas(int year);
  // The stored quota arithmetic of one (unit, type) group of `year`, or nullopt.
  core::Result<std::optional<StoredQuota>> QuotaGroup(int year, const std::string& unit,
                                                      const std::string& type);

  // --- The record with its inputs (stored_assessment_read.cc). ---

  // One organization's stored row of `year` with its inputs; nullopt when the year was not
  // assessed or the organization was not in it.
  core::Result<std::optional<StoredResultRecord>> Record(int year, const std::string& code);
  // The whole of year's stored run with its inputs and policy text, read straight into the
  // engine's columns; nullopt when the year was never assessed.
  core::Result<std::optional<StoredAssessment>> Stored(int year);

 private:
  Tx* tx_;
};

}  // namespace grassroots::storage
