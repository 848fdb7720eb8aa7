// The plans of the stored rectification (rectification_records.h) as lists read them: one
// plan, a page of plans in a scope, and a year's plans of given organizations with their tallies.
#include <algorithm>

#include "storage/rectification_records.h"
#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

constexpr std::string_view kPlanColumns =
    "SELECT p.id, p.year, p.org_code, o.name, o.unit_code, o.type, p.created_at, p.created_by,"
    " p.outcome, p.outcome_reason FROM rectification_plans p"
    " JOIN organizations o ON o.code = p.org_code";

PlanRecord ReadPlan(const Statement& s) {
  PlanRecord plan;
  plan.id = s.Int(0);
  plan.year = static_cast<int>(s.Int(1));
  plan.org_code = s.Text(2);
  plan.org_name = s.Text(3);
  plan.unit = s.Text(4);
  plan.type = s.Text(5);
  plan.created_at = s.Text(6);
  plan.created_by = s.Text(7);
  plan.outcome = s.Text(8);
  plan.outcome_reason = s.Text(9);
  return plan;
}

// The organizations the caller's scope admits, as one list (a subquery), with its parameters
// appended to `params`: the subtree of `within` (BuildFiltered's CTE "scope"), the codes of
// `only` and those `supervisor` supervises in any year. A superset of the exact test, so that
// the planner reads the few plans of these organizations by index instead of walking every plan
// in list order testing each.
std::string AdmittedOrganizations(const PlanQuery& query, std::vector<SqlParam>& params) {
  std::vector<std::string> lists;
  if (!query.org.within.empty()) lists.emplace_back("SELECT code FROM scope");
  if (!query.org.only.empty()) {
    lists.push_back("SELECT code FROM organizations WHERE code IN (" +
                    Placeholders(query.org.only.size()) + ")");
    params.insert(params.end(), query.org.only.begin(), query.org.only.end());
  }
  if (!query.supervisor.empty()) {
    lists.emplace_back(
        "SELECT a.org_code FROM support_assignments a WHERE a.role = 'supervisor'"
        " AND a.user_name = ? AND a.ended_on IS NULL");
    params.emplace_back(query.supervisor);
  }
  std::string any = lists.empty() ? "SELECT NULL WHERE 1 = 0" : lists[0];
  for (std::size_t i = 1; i < lists.size(); ++i) any += " UNION ALL " + lists[i];
  return any;
}

// The exact alternative to the scope: the plan's organization is supervised by `supervisor` in
// the plan's year (RectificationRecords::IsAssignedSupervisor).
ScopeOr SupervisedPlans(const std::string& supervisor) {
  ScopeOr supervised;
  if (supervisor.empty()) return supervised;
  supervised.condition =
      "EXISTS (SELECT 1 FROM support_assignments a WHERE a.org_code = p.org_code"
      " AND a.year = p.year AND a.role = 'supervisor' AND a.user_name = ? AND a.ended_on IS NULL)";
  supervised.params.emplace_back(supervisor);
  return supervised;
}

}  // namespace

core::Result<Page<PlanRecord>> RectificationRecords::Plans(const PlanQuery& query) {
  FilteredQuery plans;
  plans.from = "rectification_plans p JOIN organizations o ON o.code = p.org_code";
  plans.columns =
      "p.id, p.year, p.org_code, o.name, o.unit_code, o.type, p.created_at, p.created_by,"
      " p.outcome, p.outcome_reason";
  plans.order = "p.year, p.org_code";
  std::vector<std::string> where;
  if (query.year) {
    where.emplace_back("p.year = ?");
    plans.params.emplace_back(std::int64_t{*query.year});
  }
  if (query.finished) {
    // core::PlanProgress::finished: some items, every one closed.
    constexpr std::string_view kFinished =
        "(EXISTS (SELECT 1 FROM rectification_items i WHERE i.plan_id = p.id) AND NOT EXISTS"
        " (SELECT 1 FROM rectification_items i WHERE i.plan_id = p.id AND i.state <> 'closed'))";
    where.push_back(*query.finished ? std::string(kFinished) : "NOT " + std::string(kFinished));
  }
  if (query.org.restrict_to_scope) {
    where.push_back("p.org_code IN (" + AdmittedOrganizations(query, plans.params) + ")");
  }
  for (std::size_t i = 0; i < where.size(); ++i) plans.where += (i ? " AND " : "") + where[i];
  const ScopeOr supervised = SupervisedPlans(query.supervisor);
  // Inside the caller's transaction: the count and the page read one snapshot.
  if (core::Status s = CheckPaging(query.org.offset, query.org.limit); !s.ok()) return s.error();
  const BuiltQuery count = BuildFiltered(plans, query.org, false, supervised);
  core::Result<std::int64_t> total = QueryCount(tx_.db(), count.sql, count.params);
  if (!total.ok()) return total.error();
  const BuiltQuery page = BuildFiltered(plans, query.org, true, supervised);
  core::Result<std::vector<PlanRecord>> rows =
      QueryAll<PlanRecord>(tx_.db(), page.sql, page.params, ReadPlan);
  if (!rows.ok()) return rows.error();
  return Page<PlanRecord>{std::move(rows).value(), total.value()};
}

core::Result<std::vector<PlanTally>> RectificationRecords::PlanTallies(
    int year, const std::vector<std::string>& org_codes) {
  std::vector<PlanTally> tallies;
  for (std::size_t at = 0; at < org_codes.size(); at += kParamsPerQuery) {
    const std::size_t n = std::min(kParamsPerQuery, org_codes.size() - at);
    std::vector<SqlParam> params = {std::int64_t{year}};
    params.insert(params.end(), org_codes.begin() + static_cast<std::ptrdiff_t>(at),
                  org_codes.begin() + static_cast<std::ptrdiff_t>(at + n));
    core::Result<std::vector<PlanTally>> chunk = QueryAll<PlanTally>(
        tx_.db(),
        "SELECT p.id, p.org_code, p.outcome, p.outcome_reason,"
        " (SELECT COUNT(*) FROM rectification_items i WHERE i.plan_id = p.id),"
        " (SELECT COUNT(*) FROM rectification_items i WHERE i.plan_id = p.id"
        " AND i.state = 'closed') FROM rectification_plans p WHERE p.year = ? AND p.org_code IN (" +
            Placeholders(n) + ")",
        params, [](const Statement& s) {
          return PlanTally{s.Int(0),          std::string(s.Text(1)),
                           TextOrEmpty(s, 2), std::string(s.Text(3)),
                           s.Int(4),          s.Int(5)};
        });
    if (!chunk.ok()) return chunk.error();
    for (PlanTally& tally : chunk.value()) tallies.push_back(std::move(tally));
  }
  std::sort(tallies.begin(), tallies.end(),
            [](const PlanTally& a, const PlanTally& b) { return a.org_code < b.org_code; });
  return tallies;
}

core::Result<std::optional<PlanRecord>> RectificationRecords::Plan(std::int64_t id) {
  return QueryOne<PlanRecord>(tx_.db(), std::string(kPlanColumns) + " WHERE p.id = ?", {id},
                              ReadPlan);
}

core::Result<std::optional<PlanRecord>> RectificationRecords::PlanOf(const std::string& org_code,
                                                                     int year) {
  return QueryOne<PlanRecord>(tx_.db(),
                              std::string(kPlanColumns) + " WHERE p.org_code = ? AND p.year = ?",
                              {org_code, std::int64_t{year}}, ReadPlan);
}

}  // namespace grassroots::storage
