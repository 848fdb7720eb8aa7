#include "storage/ledger_records.h"

#include <limits>

#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

LedgerRow ReadLedgerRow(const Statement& s) {
  LedgerRow row;
  row.item_id = s.Int(0);
  row.plan_id = s.Int(1);
  row.org_code = TextOrEmpty(s, 2);
  row.org_name = TextOrEmpty(s, 3);
  row.unit = TextOrEmpty(s, 4);
  row.type = TextOrEmpty(s, 5);
  row.dimension = TextOrEmpty(s, 6);
  row.measure = TextOrEmpty(s, 7);
  row.responsible = TextOrEmpty(s, 8);
  row.support_role = TextOrEmpty(s, 9);
  row.deadline = TextOrEmpty(s, 10);
  row.state = TextOrEmpty(s, 11);
  row.evidence_count = s.Int(12);
  return row;
}

// Which table a query walks first. The items in ledger order (the index rectification_items_ledger)
// give the first page of a filter that keeps many of them (the province, a type, a state) after
// reading little more than the page; a filter on the organizations' side that keeps few (a unit,
// the caller's subtree or organizations) is read from the organizations it names, then their
// items, then sorted: SQLite would otherwise walk the items in order through every other unit
// first. A count always starts from the organizations when it filters on them (an index of
// organizations, then each one's items), else it counts the items alone. CROSS JOIN fixes the
// order on SQLite; PostgreSQL plans either form itself.
enum class Drive { kItems, kOrganizations, kItemsAlone };

constexpr std::string_view kProblemJoin =
    " LEFT JOIN rectification_problems p ON p.id = i.problem_id";

bool FiltersOrganizations(const OrgFilter& f) {
  return !f.unit.empty() || !f.type.empty() || !f.parent.empty() || f.direct || f.ended ||
         !f.query.empty() || f.restrict_to_scope;
}

// The query of `filter`, walked as `drive` says. Evidence is counted from rectification_evidence
// (its own migration) when the database has it. A count leaves the problems out: joined, SQLite
// would look each item's problem up only to count it.
FilteredQuery LedgerQuery(const LedgerFilter& filter, Drive drive, bool has_evidence,
                          bool counting = false) {
  const std::string_view problems = counting ? std::string_view() : kProblemJoin;
  FilteredQuery query;
  query.where = "i.year = ?";
  query.params = {std::int64_t{filter.year}};
  switch (drive) {
    case Drive::kItems:
      query.from = "rectification_items i JOIN organizations o ON o.code = i.org_code";
      query.from += problems;
      break;
    case Drive::kOrganizations:
      query.from = "organizations o CROSS JOIN rectification_items i";
      query.from += problems;
      query.where = "i.org_code = o.code AND " + query.where;
      break;
    case Drive::kItemsAlone:  // counting, no organization filter
      query.from = "rectification_items i JOIN organizations o ON o.code = i.org_code";
      query.lone_from = "rectification_items i";
      break;
  }
  query.columns =
      "i.id, i.plan_id, i.org_code, o.name, o.unit_code, o.type, p.dimension, i.measure,"
      " i.responsible, i.support_role, i.deadline, i.state, ";
  query.columns +=
      has_evidence ? "(SELECT COUNT(*) FROM rectification_evidence e WHERE e.item_id = i.id)" : "0";
  if (!filter.state.empty()) {
    query.where += " AND i.state = ?";
    query.params.emplace_back(filter.state);
  }
  if (!filter.org_code.empty()) {
    query.where += " AND i.org_code = ?";
    query.params.emplace_back(filter.org_code);
  }
  if (!filter.overdue_before.empty()) {
    query.where += " AND i.state <> 'closed' AND i.deadline < ?";
    query.params.emplace_back(filter.overdue_before);
  }
  // The same order either way (i.org_code = o.code); named by the walk's outer table so that
  // SQLite reads a unit's organizations in code order (organizations_unit_code) and stops after
  // the page instead of sorting the unit's items.
  query.order = drive == Drive::kOrganizations ? "o.code, i.id" : "i.org_code, i.id";
  return query;
}

// The page's walk: from the organizations when they are few.
Drive PageDrive(const OrgFilter& f) {
  const bool few = !f.unit.empty() || !f.parent.empty() || f.restrict_to_scope;
  return few ? Drive::kOrganizations : Drive::kItems;
}

Drive CountDrive(const OrgFilter& f) {
  return FiltersOrganizations(f) ? Drive::kOrganizations : Drive::kItemsAlone;
}

core::Result<bool> HasEvidence(Database& db) { return db.TableExists("rectification_evidence"); }

}  // namespace

core::Result<Page<LedgerRow>> LedgerRecords::List(const LedgerFilter& filter) {
  if (core::Status s = CheckPaging(filter.org.offset, filter.org.limit); !s.ok()) return s.error();
  Database& db = tx_->db();
  core::Result<bool> evidence = HasEvidence(db);
  if (!evidence.ok()) return evidence.error();
  const BuiltQuery count = BuildFiltered(
      LedgerQuery(filter, CountDrive(filter.org), evidence.value()), filter.org, false);
  core::Result<std::int64_t> total = QueryCount(db, count.sql, count.params);
  if (!total.ok()) return total.error();
  const BuiltQuery rows =
      BuildFiltered(LedgerQuery(filter, PageDrive(filter.org), evidence.value()), filter.org, true);
  core::Result<std::vector<LedgerRow>> items =
      QueryAll<LedgerRow>(db, rows.sql, rows.params, ReadLedgerRow);
  if (!items.ok()) return items.error();
  return Page<LedgerRow>{std::move(items).value(), total.value()};
}

core::Status LedgerRecords::ForEach(LedgerFilter filter,
                                    const std::function<core::Status(const LedgerRow&)>& visit) {
  core::Result<bool> evidence = HasEvidence(tx_->db());
  if (!evidence.ok()) return evidence.error();
  // One query stepped through: paging by OFFSET would read the skipped rows again per page.
  filter.org.offset = 0;
  filter.org.limit = std::numeric_limits<std::int64_t>::max();
  const BuiltQuery rows =
      BuildFiltered(LedgerQuery(filter, PageDrive(filter.org), evidence.value()), filter.org, true);
  core::Result<Statement> stmt = tx_->db().Prepare(rows.sql);
  if (!stmt.ok()) return stmt.error();
  BindAll(stmt.value(), rows.params, 1);
  for (;;) {
    core::Result<bool> row = stmt.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return core::Status::Ok();
    if (core::Status s = visit(ReadLedgerRow(stmt.value())); !s.ok()) return s;
  }
}

}  // namespace grassroots::storage
