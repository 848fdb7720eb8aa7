// The dashboard's figures: a year's summary and the grades over the years, over the
// organizations the caller may see. The figures are app/dashboard_service's; this file turns
// them into JSON.
#include <map>
#include <string>
#include <vector>

#include "app/adjustment_service.h"
#include "app/dashboard_service.h"
#include "http/access.h"
#include "http/errors.h"
#include "http/json_input.h"
#include "http/read_memo.h"
#include "http/result_json.h"
#include "http/route.h"

namespace grassroots::http {
namespace {

storage::OrgFilter ScopeOf(const core::Principal& who) {
  storage::OrgFilter scope;
  ApplyScope(who, scope);
  return scope;
}

nlohmann::json RowJson(const core::ResultRow& row) {
  return {{"code", row.code},
          {"name", row.name},
          {"type", row.type},
          {"unit", row.unit},
          {"score", CentsJson(row.score_cents)},
          {"grade", row.grade ? nlohmann::json(*row.grade) : nlohmann::json(nullptr)},
          {"reasons", ReasonsJson(row.reasons)},
          {"consecutive", row.consecutive}};
}

nlohmann::json QuotaJson(const core::QuotaUse& use) {
  const core::StoredQuota& g = use.group;
  return {{"unit", g.unit},           {"type", g.type},
          {"count", g.count},         {"ratio", static_cast<double>(g.ratio_ppm) / core::kPpm},
          {"ratio_ppm", g.ratio_ppm},  // exact: the UI words the quota arithmetic from it
          {"quota", g.quota},         {"cut_score", CentsJson(g.cut_cents)},
          {"taken", g.taken},         {"selected", use.selected_in_scope}};
}

// `names`: the names of the other organizations the actions are about, those the caller may
// read (the rest do not exist for them: their name is null).
nlohmann::json CaseJson(const core::ConsecutiveCase& c,
                        const std::map<std::string, std::string>& names) {
  nlohmann::json actions = nlohmann::json::array();
  for (const auto& [kind, org] : c.actions) {
    nlohmann::json name = nullptr;
    if (org == c.row.code) {
      name = c.row.name;
    } else if (auto found = names.find(org); found != names.end()) {
      name = found->second;
    }
    actions.push_back({{"action", core::ToString(kind)}, {"org", org}, {"name", name}});
  }
  return {{"code", c.row.code},
          {"name", c.row.name},
          {"type", c.row.type},
          {"parent", c.row.parent.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.row.parent)},
          {"actions", actions}};
}

// The names of the organizations other than their own that the first `limit` cases' actions
// are about (their parents), of those the caller may read: one lookup, not one per case.
core::Result<std::map<std::string, std::string>> ActionNames(
    Call& call, const std::vector<core::ConsecutiveCase>& cases, std::size_t limit) {
  std::vector<std::string> codes;
  for (std::size_t i = 0; i < cases.size() && i < limit; ++i) {
    for (const auto& [kind, org] : cases[i].actions) {
      if (org != cases[i].row.code) codes.push_back(org);
    }
  }
  auto seen = SeenOf(call, codes);
  if (!seen.ok()) return seen.error();
  return app::NamesOf(call.store,
                      std::vector<std::string>(seen.value().begin(), seen.value().end()));
}

// A dashboard lists the selected organizations and the consecutive cases; a province has tens
// of thousands of each (a summary of several MB that no dashboard table can show). The first
// kListLimit of each come with the counts of all; the assessment list (?selected=true) pages
// through every one.
constexpr std::size_t kListLimit = 200;

void WriteSummary(Call& call, int year) {
  auto summary = app::SummarizeAssessment(call.store, year, ScopeOf(call.principal));
  if (!summary.ok()) return WriteError(call.res, summary.error());
  if (!summary.value()) {
    return WriteError(call.res, 404, "not_found",
                      "year " + std::to_string(year) + " has not been assessed", "year");
  }
  const core::AssessmentSummary& s = *summary.value();
  nlohmann::json by_type = nlohmann::json::array(), quotas = nlohmann::json::array(),
                 selected = nlohmann::json::array(), cases = nlohmann::json::array();
  for (const auto& t : s.by_type) {
    nlohmann::json entry = GradeCountsJson(t.grades);
    entry["type"] = t.type;
    by_type.push_back(std::move(entry));
  }
  for (const auto& q : s.quotas) quotas.push_back(QuotaJson(q));
  for (std::size_t i = 0; i < s.selected.size() && i < kListLimit; ++i) {
    selected.push_back(RowJson(s.selected[i]));
  }
  auto names = ActionNames(call, s.cases, kListLimit);
  if (!names.ok()) return WriteError(call.res, names.error());
  for (std::size_t i = 0; i < s.cases.size() && i < kListLimit; ++i) {
    cases.push_back(CaseJson(s.cases[i], names.value()));
  }
  // Removals proposed by the year and still undecided 30 days after its run (组织调整).
  const core::CivilDate today = core::CountyDate(core::DefaultClock().Now());
  auto adjustments = app::LoadAdjustmentQueue(call.store, call.principal, year, today);
  if (!adjustments.ok()) return WriteError(call.res, adjustments.error());
  const std::int64_t overdue = adjustments.value() ? adjustments.value()->overdue : 0;
  WriteJson(call.res, {{"year", s.year},
                       {"whole_county", SeesEverything(call.principal)},
                       {"totals", GradeCountsJson(s.total)},
                       {"by_type", by_type},
                       {"quotas", quotas},
                       {"selected", selected},
                       {"selected_total", s.selected.size()},
                       {"consecutive", cases},
                       {"consecutive_total", s.cases.size()},
                       {"adjustments_overdue", overdue}});
}

// The summary reads and aggregates every result of the year: remembered until the data changes.
void DashboardSummary(Call& call) {
  auto year = PathYear(call.req, call.res, 1);
  if (!year) return;
  call.services.answers.Answer(
      call,
      "summary\x1f" + std::to_string(*year) + '\x1f' + ScopeKey(call.principal) + '\x1f' +
          core::FormatIsoDate(core::CountyDate(core::DefaultClock().Now())),  // overdue moves
      [&] { WriteSummary(call, *year); });
}

void WriteTrend(Call& call) {
  auto trend = app::AssessmentTrend(call.store, ScopeOf(call.principal));
  if (!trend.ok()) return WriteError(call.res, trend.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& year : trend.value()) {
    nlohmann::json entry = GradeCountsJson(year.grades);
    entry["year"] = year.year;
    items.push_back(std::move(entry));
  }
  WriteJson(call.res, {{"whole_county", SeesEverything(call.principal)},
                       {"items", items},
                       {"total", items.size()}});
}

// Every stored year's results, aggregated: remembered until the data changes.
void Trend(Call& call) {
  call.services.answers.Answer(call, "trend\x1f" + ScopeKey(call.principal),
                               [&] { WriteTrend(call); });
}

}  // namespace

// Registered before the assessment routes: /assessments/trend would otherwise be read as a
// year by /assessments/{year}.
void AddDashboardRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/api/v1/assessments/trend",
                    "Grade counts and number selected per assessed year, over your scope", true,
                    Trend});
  routes.push_back({Method::kGet, "/api/v1/assessments/{year}/summary",
                    "A stored year for the dashboard, over your scope: grades by type, quota use "
                    "(count, quota, cut and taken are the whole unit's; selected is your scope's), "
                    "selected organizations, consecutive cases with proposed removals (the first " +
                        std::to_string(kListLimit) +
                        " of each, with selected_total and consecutive_total)",
                    true, DashboardSummary});
}

}  // namespace grassroots::http
