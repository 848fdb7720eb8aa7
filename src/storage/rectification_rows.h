// Plans, problems and items written straight into the tables of migration 012, for the tests
// and the benchmark of what reads them (the ledger): their own storage is another subject's.
// Test and benchmark use only; nothing is audited.
#pragma once

#include <cstdint>
#include <string>

#include "storage/database.h"

namespace grassroots::storage::test {

struct ItemRow {
  std::string org_code;
  int year = 2016;
  std::string dimension = "team";  // its problem's; '' for an item without one
  std::string measure = "整改措施";
  std::string responsible = "负责人";
  std::string support_role;
  std::string deadline = "2017-06-30";
  std::string state = "open";  // a core::ItemState name
};

// The plan of (code, year), made on first use; answers its id, or -1 when the insert failed.
inline std::int64_t PlanOf(Database& db, const std::string& code, int year) {
  const auto find = [&]() -> std::int64_t {
    auto stmt = db.Prepare("SELECT id FROM rectification_plans WHERE org_code = ? AND year = ?");
    if (!stmt.ok()) return -1;
    stmt.value().BindText(1, code).BindInt(2, year);
    auto row = stmt.value().Step();
    return row.ok() && row.value() ? stmt.value().Int(0) : -1;
  };
  if (std::int64_t id = find(); id > 0) return id;
  auto insert = db.Prepare(
      "INSERT INTO rectification_plans (year, org_code, created_at, created_by)"
      " VALUES (?, ?, '2017-01-01T00:00:00Z', 'test')");
  if (!insert.ok()) return -1;
  insert.value().BindInt(1, year).BindText(2, code);
  if (!insert.value().Run().ok()) return -1;
  return find();
}

// Inserts an item (and its problem, when it has a dimension); answers the item's id or -1.
inline std::int64_t InsertItem(Database& db, const ItemRow& item) {
  const std::int64_t plan = PlanOf(db, item.org_code, item.year);
  if (plan < 0) return -1;
  std::int64_t problem = 0;
  if (!item.dimension.empty()) {
    auto insert = db.Prepare(
        "INSERT INTO rectification_problems (plan_id, dimension, description) VALUES (?, ?, ?)"
        " RETURNING id");
    if (!insert.ok()) return -1;
    insert.value().BindInt(1, plan).BindText(2, item.dimension).BindText(3, "问题");
    auto row = insert.value().Step();
    if (!row.ok() || !row.value()) return -1;
    problem = insert.value().Int(0);
    insert.value().Reset();
  }
  auto insert = db.Prepare(
      "INSERT INTO rectification_items (plan_id, problem_id, year, org_code, measure,"
      " responsible, support_role, deadline, state, created_at, updated_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '2017-01-01T00:00:00Z', '2017-01-01T00:00:00Z')"
      " RETURNING id");
  if (!insert.ok()) return -1;
  Statement& s = insert.value();
  s.BindInt(1, plan);
  if (problem > 0) {
    s.BindInt(2, problem);
  } else {
    s.BindNull(2);
  }
  s.BindInt(3, item.year)
      .BindText(4, item.org_code)
      .BindText(5, item.measure)
      .BindText(6, item.responsible)
      .BindText(7, item.support_role)
      .BindText(8, item.deadline)
      .BindText(9, item.state);
  auto row = s.Step();
  if (!row.ok() || !row.value()) return -1;
  const std::int64_t id = s.Int(0);
  s.Reset();
  return id;
}

}  // namespace grassroots::storage::test
