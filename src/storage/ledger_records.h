// The rectification ledger (台账, issue 12) as storage over a transaction (tx.h): a year's items
// with their organization, problem dimension and evidence count, filtered and paged in the
// order org_code, item id (the index rectification_items_ledger), for the county, a direct
// organization's subtree or one organization by the filter's scope. Reads only. SQL shared by
// SQLite and PostgreSQL.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/error.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::storage {

struct LedgerFilter {
  int year = 0;
  OrgFilter org;         // unit, type, q and the caller's scope; offset and limit of a page
  std::string state;     // a core::ItemState name, or '' for every state
  std::string org_code;  // one organization, or '' for all
  // Only items not closed whose deadline is before this day (core::OverdueCut), or '' for all.
  std::string overdue_before;
};

struct LedgerRow {
  std::int64_t item_id = 0, plan_id = 0;
  std::string org_code, org_name, unit, type;  // type: the API name, "village"
  std::string dimension;                       // of the item's problem, '' when none
  std::string measure, responsible, support_role, deadline, state;
  std::int64_t evidence_count = 0;
};

class LedgerRecords {
 public:
  explicit LedgerRecords(Tx& tx) : tx_(&tx) {}

  // One page (filter.org.offset, .limit: 1..1000) and the count of every match.
  core::Result<Page<LedgerRow>> List(const LedgerFilter& filter);
  // Every match, in order, handed to `visit` one row at a time as it is read (the filter's
  // paging ignored), so an export holds no list; stops at the first error `visit` answers.
  core::Status ForEach(LedgerFilter filter,
                       const std::function<core::Status(const LedgerRow&)>& visit);

 private:
  Tx* tx_;
};

}  // namespace grassroots::storage
