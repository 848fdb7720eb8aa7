#include "storage/rectification_records.h"

#include <algorithm>

#include "core/clock.h"
#include "storage/audit_chain.h"
#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

constexpr std::string_view kItemColumns =
    "SELECT i.id, i.plan_id, i.problem_id, i.year, i.org_code, o.name, i.measure, i.responsible,"
    " i.responsible_user, i.support_role, i.deadline, i.state, i.submitted_by, u.name,"
    " i.closed_on, (SELECT COUNT(*) FROM rectification_evidence e WHERE e.item_id = i.id)"
    " FROM rectification_items i JOIN organizations o ON o.code = i.org_code"
    " LEFT JOIN users u ON u.id = i.submitted_by";

ItemRecord ReadRectificationItem(const Statement& s) {
  ItemRecord item;
  item.id = s.Int(0);
  item.plan_id = s.Int(1);
  if (!s.IsNull(2)) item.problem_id = s.Int(2);
  item.year = static_cast<int>(s.Int(3));
  item.org_code = s.Text(4);
  item.org_name = s.Text(5);
  item.measure = s.Text(6);
  item.responsible = s.Text(7);
  item.responsible_user = s.Text(8);
  item.support_role = s.Text(9);
  item.deadline = s.Text(10);
  item.state = s.Text(11);
  item.submitted_by = s.Int(12);
  item.submitted_by_name = s.Text(13);
  item.closed_on = s.Text(14);
  item.evidence_count = s.Int(15);
  return item;
}

std::string Marks(std::size_t n) {
  std::string marks;
  for (std::size_t i = 0; i < n; ++i) marks += i == 0 ? "?" : ", ?";
  return marks;
}

std::string Now(Tx& tx) { return core::FormatUtc(tx.db().clock().Now()); }

std::string OrNull(const std::string& text) { return text.empty() ? "null" : JsonQuote(text); }

core::Result<std::int64_t> InsertReturningId(Tx& tx, std::string_view sql,
                                             const std::vector<SqlParam>& params) {
  if (core::Status s = tx.RequireWritable(); !s.ok()) return s.error();
  core::Result<std::optional<std::int64_t>> id =
      QueryOne<std::int64_t>(tx.db(), sql, params, [](const Statement& s) { return s.Int(0); });
  if (!id.ok()) return id.error();
  if (!id.value()) return core::Error::Internal("an insert answered no id");
  return *id.value();
}

}  // namespace

std::string PlanJson(const PlanRecord& plan) {
  return JsonObject({{"id", std::to_string(plan.id)},
                     {"year", std::to_string(plan.year)},
                     {"org", JsonQuote(plan.org_code)},
                     {"outcome", OrNull(plan.outcome)},
                     {"outcome_reason", JsonQuote(plan.outcome_reason)}});
}

std::string ItemJson(const ItemRecord& item) {
  return JsonObject({{"id", std::to_string(item.id)},
                     {"plan", std::to_string(item.plan_id)},
                     {"problem", item.problem_id ? std::to_string(*item.problem_id) : "null"},
                     {"org", JsonQuote(item.org_code)},
                     {"measure", JsonQuote(item.measure)},
                     {"responsible", JsonQuote(item.responsible)},
                     {"responsible_user", OrNull(item.responsible_user)},
                     {"support_role", JsonQuote(item.support_role)},
                     {"deadline", JsonQuote(item.deadline)},
                     {"state", JsonQuote(item.state)},
                     {"closed_on", OrNull(item.closed_on)}});
}

core::Result<bool> RectificationRecords::Assessed(int year) {
  core::Result<std::int64_t> n =
      QueryCount(tx_.db(), "SELECT COUNT(*) FROM assessments WHERE year = ?", {std::int64_t{year}});
  if (!n.ok()) return n.error();
  return n.value() > 0;
}

core::Result<std::vector<SelectedWithoutPlan>> RectificationRecords::SelectedWithoutPlans(
    int year) {
  return QueryAll<SelectedWithoutPlan>(
      tx_.db(),
      "SELECT r.org_code, COALESCE(r.team, s.team), COALESCE(r.leader, s.leader),"
      " COALESCE(r.venue, s.venue), COALESCE(r.routine, s.routine),"
      " COALESCE(r.service, s.service), COALESCE(r.members, s.members)"
      " FROM assessment_results r"
      " LEFT JOIN scores s ON s.org_code = r.org_code AND s.year = r.year"
      " WHERE r.year = ? AND r.selected = 1 AND NOT EXISTS (SELECT 1 FROM rectification_plans p"
      " WHERE p.year = r.year AND p.org_code = r.org_code) ORDER BY r.org_code",
      {std::int64_t{year}}, [](const Statement& s) {
        SelectedWithoutPlan row;
        row.org_code = s.Text(0);
        if (!s.IsNull(1)) {
          std::array<double, 6> dims{};
          for (int d = 0; d < 6; ++d) dims[static_cast<std::size_t>(d)] = s.Double(1 + d);
          row.dimensions = dims;
        }
        return row;
      });
}

core::Result<std::int64_t> RectificationRecords::CountPlans(int year) {
  return QueryCount(tx_.db(), "SELECT COUNT(*) FROM rectification_plans WHERE year = ?",
                    {std::int64_t{year}});
}

core::Result<std::vector<ProblemRecord>> RectificationRecords::Problems(std::int64_t plan_id) {
  return QueryAll<ProblemRecord>(
      tx_.db(),
      "SELECT id, plan_id, dimension, description, proposed FROM rectification_problems"
      " WHERE plan_id = ? ORDER BY id",
      {plan_id}, [](const Statement& s) {
        return ProblemRecord{s.Int(0), s.Int(1), std::string(s.Text(2)), std::string(s.Text(3)),
                             s.Int(4) != 0};
      });
}

core::Result<std::vector<ItemRecord>> RectificationRecords::ItemsOfPlans(
    const std::vector<std::int64_t>& plan_ids) {
  std::vector<ItemRecord> items;
  for (std::size_t at = 0; at < plan_ids.size(); at += kParamsPerQuery) {
    const std::size_t n = std::min(kParamsPerQuery, plan_ids.size() - at);
    std::vector<SqlParam> params(plan_ids.begin() + static_cast<std::ptrdiff_t>(at),
                                 plan_ids.begin() + static_cast<std::ptrdiff_t>(at + n));
    core::Result<std::vector<ItemRecord>> chunk =
        QueryAll<ItemRecord>(tx_.db(),
                             std::string(kItemColumns) + " WHERE i.plan_id IN (" + Marks(n) +
                                 ") ORDER BY i.plan_id, i.id",
                             params, ReadRectificationItem);
    if (!chunk.ok()) return chunk.error();
    for (ItemRecord& item : chunk.value()) items.push_back(std::move(item));
  }
  return items;
}

core::Result<std::optional<ItemRecord>> RectificationRecords::Item(std::int64_t id) {
  return QueryOne<ItemRecord>(tx_.db(), std::string(kItemColumns) + " WHERE i.id = ?", {id},
                              ReadRectificationItem);
}

core::Result<std::vector<ItemRecord>> RectificationRecords::Items(const ItemQuery& query) {
  std::vector<ItemRecord> items;
  // The items naming the account, then those of each chunk of organizations; an item both
  // names the account and lies in scope is read once.
  std::vector<std::vector<std::string>> chunks;
  for (std::size_t at = 0; at < query.orgs.size(); at += kParamsPerQuery) {
    const std::size_t n = std::min(kParamsPerQuery, query.orgs.size() - at);
    chunks.emplace_back(query.orgs.begin() + static_cast<std::ptrdiff_t>(at),
                        query.orgs.begin() + static_cast<std::ptrdiff_t>(at + n));
  }
  if (chunks.empty()) chunks.emplace_back();
  for (const std::vector<std::string>& orgs : chunks) {
    std::string sql = std::string(kItemColumns) + " WHERE (i.responsible_user = ?";
    std::vector<SqlParam> params = {query.responsible_user};
    if (!orgs.empty()) {
      sql += " OR i.org_code IN (" + Marks(orgs.size()) + ")";
      params.insert(params.end(), orgs.begin(), orgs.end());
    }
    sql += ")";
    if (!query.state.empty()) {
      sql += " AND i.state = ?";
      params.emplace_back(query.state);
    }
    core::Result<std::vector<ItemRecord>> chunk =
        QueryAll<ItemRecord>(tx_.db(), sql, params, ReadRectificationItem);
    if (!chunk.ok()) return chunk.error();
    for (ItemRecord& item : chunk.value()) items.push_back(std::move(item));
  }
  std::sort(items.begin(), items.end(), [](const ItemRecord& a, const ItemRecord& b) {
    return a.deadline != b.deadline ? a.deadline < b.deadline : a.id < b.id;
  });
  items.erase(std::unique(items.begin(), items.end(),
                          [](const ItemRecord& a, const ItemRecord& b) { return a.id == b.id; }),
              items.end());
  return items;
}

core::Result<std::vector<StepRecord>> RectificationRecords::Steps(std::int64_t item_id) {
  return QueryAll<StepRecord>(
      tx_.db(),
      "SELECT step, from_state, to_state, reason, actor, at FROM rectification_item_steps"
      " WHERE item_id = ? ORDER BY id",
      {item_id}, [](const Statement& s) {
        return StepRecord{std::string(s.Text(0)), std::string(s.Text(1)), std::string(s.Text(2)),
                          std::string(s.Text(3)), std::string(s.Text(4)), std::string(s.Text(5))};
      });
}

core::Result<std::vector<std::string>> RectificationRecords::Ancestry(const std::string& code) {
  constexpr int kMaxDepth = 64;  // deeper than any real hierarchy; stops a cycle
  std::vector<std::string> chain;
  std::string current = code;
  for (int depth = 0; depth < kMaxDepth && !current.empty(); ++depth) {
    core::Result<std::optional<std::string>> parent = QueryOne<std::string>(
        tx_.db(), "SELECT COALESCE(parent_code, '') FROM organizations WHERE code = ?", {current},
        [](const Statement& s) { return std::string(s.Text(0)); });
    if (!parent.ok()) return parent.error();
    if (!parent.value()) break;
    chain.push_back(current);
    current = *parent.value();
  }
  return chain;
}

core::Result<bool> RectificationRecords::IsAssignedSupervisor(const std::string& user_name,
                                                              const std::string& org_code,
                                                              int year) {
  if (user_name.empty()) return false;
  core::Result<std::int64_t> n =
      QueryCount(tx_.db(),
                 "SELECT COUNT(*) FROM support_assignments WHERE org_code = ? AND year = ?"
                 " AND role = 'supervisor' AND user_name = ? AND ended_on IS NULL",
                 {org_code, std::int64_t{year}, user_name});
  if (!n.ok()) return n.error();
  return n.value() > 0;
}

core::Result<std::int64_t> RectificationRecords::CreatePlan(int year, const std::string& org_code) {
  core::Result<std::int64_t> id =
      InsertReturningId(tx_,
                        "INSERT INTO rectification_plans (year, org_code, created_at, created_by)"
                        " VALUES (?, ?, ?, ?) RETURNING id",
                        {std::int64_t{year}, org_code, Now(tx_), tx_.actor().name});
  if (!id.ok()) return id.error();
  PlanRecord plan;
  plan.id = id.value();
  plan.year = year;
  plan.org_code = org_code;
  if (core::Status s =
          tx_.Audit("plan.create", "plan:" + std::to_string(plan.id), std::nullopt, PlanJson(plan));
      !s.ok()) {
    return s.error();
  }
  return id;
}

core::Result<std::int64_t> RectificationRecords::AddProblem(const ProblemRecord& problem) {
  core::Result<std::int64_t> id = InsertReturningId(
      tx_,
      "INSERT INTO rectification_problems (plan_id, dimension, description, proposed)"
      " VALUES (?, ?, ?, ?) RETURNING id",
      {problem.plan_id, problem.dimension, problem.description,
       std::int64_t{problem.proposed ? 1 : 0}});
  if (!id.ok()) return id.error();
  const std::string after = JsonObject({{"id", std::to_string(id.value())},
                                        {"plan", std::to_string(problem.plan_id)},
                                        {"dimension", JsonQuote(problem.dimension)},
                                        {"description", JsonQuote(problem.description)},
                                        {"proposed", problem.proposed ? "true" : "false"}});
  if (core::Status s =
          tx_.Audit("problem.create", "problem:" + std::to_string(id.value()), std::nullopt, after);
      !s.ok()) {
    return s.error();
  }
  return id;
}

core::Result<std::int64_t> RectificationRecords::AddItem(const ItemRecord& item) {
  const std::string now = Now(tx_);
  core::Result<std::int64_t> id = InsertReturningId(
      tx_,
      "INSERT INTO rectification_items (plan_id, problem_id, year, org_code, measure, responsible,"
      " responsible_user, support_role, deadline, state, created_at, updated_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?) RETURNING id",
      {item.plan_id, item.problem_id ? SqlParam(*item.problem_id) : SqlParam(std::monostate()),
       std::int64_t{item.year}, item.org_code, item.measure, item.responsible,
       NullIfEmpty(item.responsible_user), item.support_role, item.deadline, now, now});
  if (!id.ok()) return id.error();
  ItemRecord stored = item;
  stored.id = id.value();
  stored.state = "open";
  if (core::Status s = tx_.Audit("item.create", "item:" + std::to_string(stored.id), std::nullopt,
                                 ItemJson(stored));
      !s.ok()) {
    return s.error();
  }
  return id;
}

core::Status RectificationRecords::MoveItem(const ItemRecord& before, const StepRecord& step,
                                            std::int64_t submitted_by,
                                            const std::string& closed_on) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s;
  const std::string now = Now(tx_);
  if (core::Status s =
          Execute(tx_.db(),
                  "UPDATE rectification_items SET state = ?, submitted_by = ?,"
                  " closed_on = ?, updated_at = ? WHERE id = ?",
                  {step.to_state, submitted_by, NullIfEmpty(closed_on), now, before.id});
      !s.ok()) {
    return s;
  }
  if (core::Status s = Execute(tx_.db(),
                               "INSERT INTO rectification_item_steps (item_id, step, from_state,"
                               " to_state, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               {before.id, step.step, step.from_state, step.to_state, step.reason,
                                tx_.actor().name, now});
      !s.ok()) {
    return s;
  }
  ItemRecord after = before;
  after.state = step.to_state;
  after.closed_on = closed_on;
  std::string after_json = ItemJson(after);
  after_json.pop_back();
  after_json += ",\"step\":" + JsonQuote(step.step) + ",\"reason\":" + JsonQuote(step.reason) + "}";
  return tx_.Audit("item." + step.step, "item:" + std::to_string(before.id), ItemJson(before),
                   after_json);
}

core::Status RectificationRecords::SetOutcome(const PlanRecord& before, const std::string& outcome,
                                              const std::string& reason) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s;
  if (core::Status s = Execute(tx_.db(),
                               "UPDATE rectification_plans SET outcome = ?, outcome_reason = ?,"
                               " outcome_at = ?, outcome_by = ? WHERE id = ?",
                               {outcome, reason, Now(tx_), tx_.actor().name, before.id});
      !s.ok()) {
    return s;
  }
  PlanRecord after = before;
  after.outcome = outcome;
  after.outcome_reason = reason;
  return tx_.Audit("plan.outcome", "plan:" + std::to_string(before.id), PlanJson(before),
                   PlanJson(after));
}

}  // namespace grassroots::storage
