#include "storage/ledger_records.h"

#include <limits>

#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

std::string Text(const Statement& s, int column) {
  return s.IsNull(column) ? std::string() : std::string(s.Text(column));
}

LedgerRow ReadRow(const Statement& s) {
  LedgerRow row;
  row.item_id = s.Int(0);
  row.plan_id = s.Int(1);
  row.org_code = Text(s, 2);
  row.org_name = Text(s, 3);
  row.unit = Text(s, 4);
  row.type = Text(s, 5);
  row.dimension = Text(s, 6);
  row.measure = Text(s, 7);
  row.responsible = Text(s, 8);
  row.support_role = Text(s, 9);
  row.deadline = Text(s, 10);
  row.state = Text(s, 11);
  row.evidence_count = s.Int(12);
  return row;
}

// The query of `filter`. Evidence is counted from rectification_evidence (its own migration)
// when the database has it.
core::Result<FilteredQuery> LedgerQuery(Database& db, const LedgerFilter& filter) {
  core::Result<bool> has_evidence = db.TableExists("rectification_evidence");
  if (!has_evidence.ok()) return has_evidence.error();
  FilteredQuery query;
  query.from =
      "rectification_items i JOIN organizations o ON o.code = i.org_code"
      " LEFT JOIN rectification_problems p ON p.id = i.problem_id";
  query.lone_from = "rectification_items i";
  query.lone_count_only = true;
  query.columns =
      "i.id, i.plan_id, i.org_code, o.name, o.unit_code, o.type, p.dimension, i.measure,"
      " i.responsible, i.support_role, i.deadline, i.state, ";
  query.columns += has_evidence.value()
                       ? "(SELECT COUNT(*) FROM rectification_evidence e WHERE e.item_id = i.id)"
                       : "0";
  query.where = "i.year = ?";
  query.params = {std::int64_t{filter.year}};
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
  query.order = "i.org_code, i.id";
  return query;
}

}  // namespace

core::Result<Page<LedgerRow>> LedgerRecords::List(const LedgerFilter& filter) {
  core::Result<FilteredQuery> query = LedgerQuery(tx_->db(), filter);
  if (!query.ok()) return query.error();
  return ListPage<LedgerRow>(tx_->db(), query.value(), filter.org, ReadRow);
}

core::Status LedgerRecords::ForEach(LedgerFilter filter,
                                    const std::function<core::Status(const LedgerRow&)>& visit) {
  core::Result<FilteredQuery> query = LedgerQuery(tx_->db(), filter);
  if (!query.ok()) return query.error();
  // One query stepped through: paging by OFFSET would read the skipped rows again per page.
  filter.org.offset = 0;
  filter.org.limit = std::numeric_limits<std::int64_t>::max();
  const BuiltQuery rows = BuildFiltered(query.value(), filter.org, true);
  core::Result<Statement> stmt = tx_->db().Prepare(rows.sql);
  if (!stmt.ok()) return stmt.error();
  BindAll(stmt.value(), rows.params, 1);
  for (;;) {
    core::Result<bool> row = stmt.value().Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return core::Status::Ok();
    if (core::Status s = visit(ReadRow(stmt.value())); !s.ok()) return s;
  }
}

}  // namespace grassroots::storage
