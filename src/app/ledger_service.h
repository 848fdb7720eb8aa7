// The rectification ledger (台账, issue 12) as use cases for the HTTP API and the CLI: a page of
// a year's items with their overdue days, and the whole ledger as a table file (.xlsx or CSV)
// with Chinese headers. Scope is the caller's filter (http::ApplyScope): the county (admin,
// auditor), a direct organization's subtree (its unit_admin) or the organizations of a
// secretary, first secretary or leader. "Overdue" selects exactly the items whose
// core::OverdueDays at `now` is above 0 (core::OverdueCut).
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/error.h"
#include "core/rectification_item.h"
#include "export/table_writer.h"
#include "storage/ledger_records.h"
#include "storage/store.h"

namespace grassroots::app {

struct LedgerQuery {
  int year = 0;
  storage::OrgFilter org;  // unit, type, q, scope; offset and limit of a page
  std::optional<core::ItemState> state;
  std::string org_code;  // one organization, or '' for all
  bool overdue = false;  // only the items overdue at `now`
};

struct LedgerLine {
  storage::LedgerRow row;
  int overdue_days = 0;  // core::OverdueDays at `now`
};

// kInvalid naming "limit" or "offset" for a bad page.
core::Result<storage::Page<LedgerLine>> ListLedger(storage::Store& store, const LedgerQuery& query,
                                                   core::UnixSeconds now);

// "2016年整改台账": the sheet's name and the file name's stem.
std::string LedgerTitle(int year);

// Writes every line of `query` (its paging ignored) to `out`, in the list's order, a row at a
// time; deadlines as dates, counts as numbers.
core::Status ExportLedger(storage::Store& store, const LedgerQuery& query, core::UnixSeconds now,
                          exporting::TableWriter& out);

}  // namespace grassroots::app
