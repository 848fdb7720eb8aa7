// The lists a user sees, exported whole as tables (.xlsx or CSV through an
// exporting::TableWriter): organizations, a year's scores, a year's stored assessment and the
// audit log. Each is its list route without paging: the caller passes the same filter the list
// takes, scope applied (http::ApplyScope), and the rows come in the list's order. Rows are read
// from the store a page at a time and handed to the writer at once, so an export holds one page
// in memory, not the list. Headers are Chinese; the organization and score exports have the
// columns of their import formats (core/file_columns.h) and read back as imports.
#pragma once

#include <string_view>

#include "core/error.h"
#include "export/table_writer.h"
#include "storage/store.h"

namespace grassroots::app {

// kLedger: the rectification ledger, written by app/ledger_service.h.
enum class ExportList {
  kOrganizations,
  kScores,
  kAssessment,
  kAudit,
  kLedger,
  kPartyLife,         // 三会一课 (app/party_life_service.h)
  kStandardBranches,  // 标准化党支部 (app/standards_service.h)
};

// "organizations", "scores", "assessment", "audit", "ledger" and back.
std::string_view ToString(ExportList list);
std::optional<ExportList> ParseExportList(std::string_view text);

// The sheet name and the file name's stem, in Chinese ("组织", "2016年评分", "2016年评定结果",
// "审计日志"); `year` for scores and the assessment.
std::string ExportTitle(ExportList list, int year);

// The filter's offset and limit are ignored. Errors are the store's.
core::Status ExportOrganizations(storage::Store& store, storage::OrgFilter filter,
                                 exporting::TableWriter& out);
core::Status ExportScores(storage::Store& store, int year, storage::OrgFilter filter,
                          exporting::TableWriter& out);
// A year that was never assessed exports its header only; the caller answers 404 first.
core::Status ExportAssessment(storage::Store& store, int year, storage::OrgFilter filter,
                              exporting::TableWriter& out);
// Newest entry first, as the audit page lists it; times in the county's zone (UTC+8).
core::Status ExportAudit(storage::Store& store, exporting::TableWriter& out);

}  // namespace grassroots::app
