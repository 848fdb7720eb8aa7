// /assessments: run, view, explain one organization and verify a year from the stored record,
// an organization's history of stored results, and hand decisions. The what-if is in
// what_if_routes.cc.
#include <optional>
#include <string>
#include <vector>

#include "app/assessment_service.h"
#include "app/explain_service.h"
#include "app/hand_decisions.h"
#include "app/previous_plans.h"
#include "app/result_history.h"
#include "app/stored_assessments.h"
#include "app/verify_service.h"
#include "core/disclosure.h"
#include "core/score_rules.h"
#include "export/explanation_json.h"
#include "http/access.h"
#include "http/errors.h"
#include "http/json_input.h"
#include "http/json_writer.h"
#include "http/list_filters.h"
#include "http/route.h"

namespace grassroots::http {
namespace {

// What a stored row says of its organization: score, grade, rank, selection, reasons.
void WriteResultFields(JsonWriter& out, const storage::AssessmentRow& row) {
  out.Key("score");
  if (row.score_cents && *row.score_cents >= 0) {
    out.Double(*row.score_cents / 100.0);
  } else {
    out.Null();
  }
  out.Key("grade");
  row.grade ? out.String(*row.grade) : out.Null();
  out.Key("rank");
  row.rank ? out.Int(*row.rank) : out.Null();
  out.Key("selected").Bool(row.selected).Key("reasons").BeginArray();
  if (row.reasons & core::kReasonBottomQuota) out.String("bottom_quota");
  if (row.reasons & core::kReasonGradeD) out.String("grade_d");
  if (row.reasons & core::kReasonManual) out.String("manual");
  out.EndArray();
  out.Key("consecutive").Bool(row.consecutive);
}

// One stored row with the organization's name; the hand decision as it stands now only for
// those who may read the committee's decisions (`with_manual`), null when there is none.
void WriteRow(JsonWriter& out, const storage::AssessmentRow& row, bool with_manual) {
  out.BeginObject().Key("code").String(row.code).Field("name", row.name);
  out.Key("type").String(row.type).Key("unit").String(row.unit);
  WriteResultFields(out, row);
  if (with_manual) {
    out.Key("manual");
    if (row.manual) {
      out.BeginObject().Key("include").Bool(row.manual->include);
      out.Field("reason", row.manual->reason).Field("decided_by", row.manual->decided_by);
      out.EndObject();
    } else {
      out.Null();
    }
  }
  out.EndObject();
}

// The stored quota arithmetic of each ranking group the page's rows belong to, in the page's
// order, with how many of the group the caller's scope holds are selected
// (app::GroupsOfPage).
core::Status WriteGroups(Call& call, int year, const storage::OrgFilter& scope,
                         const std::vector<storage::AssessmentRow>& rows, JsonWriter& out) {
  auto groups = app::GroupsOfPage(call.store, year, scope, rows);
  if (!groups.ok()) return groups.error();
  out.Key("groups").BeginArray();
  for (const app::GroupOnPage& group : groups.value()) {
    const storage::StoredQuota& g = group.quota;
    out.BeginObject().Field("unit", g.unit).Field("type", g.type).Key("count").Int(g.count);
    out.Key("ratio_ppm").Int(g.ratio_ppm).Key("quota").Int(g.quota).Key("cut_score");
    g.cut_cents ? out.Double(*g.cut_cents / 100.0) : out.Null();
    out.Key("taken").Int(g.taken).Key("selected").Int(group.selected).EndObject();
  }
  out.EndArray();
  return core::Status::Ok();
}

void ListAssessments(Call& call) {
  auto list = app::ListAssessments(call.store);
  if (!list.ok()) return WriteError(call.res, list.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& info : list.value()) {
    items.push_back({{"year", info.year},
                     {"policy_version", info.policy_version},
                     {"run_at", info.run_at},
                     {"selected_count", info.selected_count},
                     {"inputs_stored", info.inputs_stored},
                     {"audit_hash", info.audit_hash.empty() ? nlohmann::json(nullptr)
                                                            : nlohmann::json(info.audit_hash)}});
  }
  WriteJson(call.res, {{"items", items}, {"total", items.size()}});
}

void RunAssessment(Call& call) {
  auto year = PathYear(call.req, call.res, 1);
  if (!year || !Require(call, core::GlobalAction::kRunAssessment)) return;
  auto run = app::RunAssessment(call.store, call.services.policy, *year, call.actor);
  if (!run.ok()) return WriteError(call.res, run.error());
  WriteJson(call.res, {{"year", *year},
                       {"policy_version", run.value().policy_version},
                       {"selected_count", run.value().result.SelectedCount()},
                       {"assessed_first", run.value().assessed_first}});
}

// An organization's stored results, every year that ranked it, newest first, each with its
// group's stored quota arithmetic (app/result_history.h): the organization page's history.
void ResultHistory(Call& call) {
  auto code = PathCode(call.req, call.res, 1);
  if (!code || !RequireOrg(call, *code, core::OrgAction::kRead)) return;
  auto history = app::ResultHistory(call.store, *code);
  if (!history.ok()) return WriteError(call.res, history.error());
  JsonWriter out;
  out.BeginObject().Key("items").BeginArray();
  for (const app::YearResult& y : history.value()) {
    out.BeginObject().Key("year").Int(y.year).Key("type").String(y.row.type);
    out.Key("unit").String(y.row.unit);
    WriteResultFields(out, y.row);
    out.Key("group");
    if (y.group) {
      const storage::StoredQuota& g = *y.group;
      out.BeginObject().Key("count").Int(g.count).Key("ratio_ppm").Int(g.ratio_ppm);
      out.Key("quota").Int(g.quota).Key("cut_score");
      g.cut_cents ? out.Double(*g.cut_cents / 100.0) : out.Null();
      out.Key("taken").Int(g.taken).EndObject();
    } else {
      out.Null();
    }
    out.EndObject();
  }
  out.EndArray().Key("total").Int(static_cast<std::int64_t>(history.value().size()));
  out.EndObject();
  WriteJsonText(call.res, out.Take());
}

// ?order: code (the default) or rank (OrgFilter::ranked); false after writing 422.
bool OrderParam(const httplib::Request& req, storage::OrgFilter& filter, httplib::Response& res) {
  const std::string order = req.has_param("order") ? req.get_param_value("order") : "code";
  if (order != "code" && order != "rank") {
    WriteError(res, 422, "invalid", "order must be code or rank", "order", "unknown_value",
               {{"value", order.substr(0, 16)}, {"accepted", "code, rank"}});
    return false;
  }
  filter.ranked = order == "rank";
  return true;
}

// The page of a stored year that a request asks for: its year, its filter within the caller's
// scope (organization, grade, selection, order, paging) and the run's record; nullopt when the
// answer (a malformed parameter, a year not assessed) is written already. Rows and
// PreviousPlans read the same request, so they answer the same rows. ParseRowsRequest reads
// what the request says without the store, CompleteRowsRequest the rest, in that order.
struct RowsRequest {
  int year = 0;
  storage::OrgFilter filter;
  std::string policy_version;
};
std::optional<RowsRequest> ParseRowsRequest(Call& call) {
  auto year = PathYear(call.req, call.res, 1);
  RowsRequest request;
  storage::OrgFilter& filter = request.filter;
  if (!year || !PageParams(call.req, filter.offset, filter.limit, call.res)) return std::nullopt;
  if (!AssessmentListParams(call.req, filter, call.res)) return std::nullopt;
  request.year = *year;
  return request;
}
bool CompleteRowsRequest(Call& call, RowsRequest& request) {
  storage::OrgFilter& filter = request.filter;
  auto info = app::AssessmentOf(call.store, request.year);
  if (!info.ok()) {
    WriteError(call.res, info.error());
    return false;
  }
  if (!info.value()) {
    WriteError(call.res, 404, "not_found", "year not assessed", "year");
    return false;
  }
  ApplyScope(call.principal, filter);
  if (!OrderParam(call.req, filter, call.res)) return false;
  request.policy_version = info.value()->policy_version;
  return true;
}
std::optional<RowsRequest> ReadRowsRequest(Call& call) {
  std::optional<RowsRequest> request = ParseRowsRequest(call);
  if (!request || !CompleteRowsRequest(call, *request)) return std::nullopt;
  return request;
}

// Rows of a stored year, filtered by organization, grade and selection in the store, by code
// or as ranked (with their groups' quota arithmetic).
void WriteRows(Call& call, RowsRequest& request) {
  if (!CompleteRowsRequest(call, request)) return;
  const int year = request.year;
  storage::OrgFilter& filter = request.filter;
  auto page = app::AssessmentRows(call.store, year, filter);
  if (!page.ok()) return WriteError(call.res, page.error());
  const bool with_manual = core::MayDo(call.principal, core::GlobalAction::kReadAllAssessments);
  JsonWriter out;
  out.BeginObject().Key("year").Int(year);
  out.Key("policy_version").String(request.policy_version).Key("items").BeginArray();
  for (const auto& row : page.value().items) WriteRow(out, row, with_manual);
  out.EndArray().Key("total").Int(page.value().total);
  out.Key("offset").Int(filter.offset).Key("limit").Int(filter.limit);
  if (filter.ranked) {
    storage::OrgFilter scope;
    ApplyScope(call.principal, scope);
    if (auto s = WriteGroups(call, year, scope, page.value().items, out); !s.ok()) {
      return WriteError(call.res, s.error());
    }
  }
  out.EndObject();
  WriteJsonText(call.res, out.Take());
}

// Remembered by data version (http/read_memo.h) for the caller's role (which decides "manual")
// and scope; nothing in it depends on the clock (the hand decisions are those stored). ?order
// is in the key as read: "code" (or absent) and "rank" answer 200, any other value a 422 that
// is not kept, so all those share one key.
void Rows(Call& call) {
  std::optional<RowsRequest> request = ParseRowsRequest(call);
  if (!request) return;
  const std::string order = call.req.has_param("order") ? call.req.get_param_value("order") : "";
  const bool known = order.empty() || order == "code" || order == "rank";
  MemoKey key("assessment rows");
  key.Add(request->year).Add(known ? (order == "rank" ? "rank" : "code") : "?");
  AddFilterKey(key.Add(ScopeKey(call.principal)), request->filter);
  call.services.pages.Answer(call, key.text(), [&] { WriteRows(call, *request); });
}

// The page of a stored year that Rows answers for the same parameters, each organization with
// where its rectification plan of the year before stood (app/previous_plans.h): what the
// assessment page shows beside each row, without changing the rows' own answer.
void PreviousPlans(Call& call) {
  std::optional<RowsRequest> request = ReadRowsRequest(call);
  if (!request) return;
  const int year = request->year;
  storage::OrgFilter& filter = request->filter;
  auto page = app::PreviousPlans(call.store, year, filter);
  if (!page.ok()) return WriteError(call.res, page.error());
  JsonWriter out;
  out.BeginObject().Key("year").Int(year).Key("plan_year").Int(year - 1);
  out.Key("items").BeginArray();
  for (const app::OrganizationPreviousPlan& row : page.value().items) {
    out.BeginObject().Key("code").String(row.org_code).Key("plan");
    if (row.plan) {
      out.BeginObject().Key("id").Int(row.plan->plan_id);
      out.Key("standing").String(core::ToString(row.plan->standing));
      out.Field("reason", row.plan->reason).EndObject();
    } else {
      out.Null();
    }
    out.EndObject();
  }
  out.EndArray().Key("total").Int(page.value().total);
  out.Key("offset").Int(filter.offset).Key("limit").Int(filter.limit).EndObject();
  WriteJsonText(call.res, out.Take());
}

// An explanation as a secretary reads it (core/disclosure.h): the committee's reason, in the
// record and in the scores' recorded changes, is null, and "committee_reason_hidden" says so.
void WithoutCommitteeReason(nlohmann::json& body) {
  body["committee_reason_hidden"] = !body["committee_reason"].is_null();
  body["committee_reason"] = nullptr;
  if (!body.contains("changes") || !body["changes"].is_array()) return;
  for (nlohmann::json& change : body["changes"]) {
    for (const char* side : {"before", "after"}) {
      if (change.contains(side) && change[side].is_object() && change[side].contains("reason") &&
          change.value("subject", "") == "score") {
        if (!change[side]["reason"].is_null() && change[side]["reason"] != "") {
          body["committee_reason_hidden"] = true;
        }
        change[side].erase("reason");
      }
    }
  }
}

// The stored explanation (app/explain_service.h): never a re-run on today's data.
void Explain(Call& call) {
  auto year = PathYear(call.req, call.res, 1);
  if (!year) return;
  auto code = PathCode(call.req, call.res, 2);
  if (!code || !RequireOrg(call, *code, core::OrgAction::kRead)) return;
  auto explanation = app::ExplainResult(call.store, *year, *code);
  if (!explanation.ok()) return WriteError(call.res, explanation.error());
  nlohmann::json body = exporting::ExplanationToJson(explanation.value());
  if (!core::MaySeeCommitteeReason(call.principal.role, call.services.policy.policy)) {
    WithoutCommitteeReason(body);
  }
  WriteJson(call.res, body);
}

// The stored assessment recomputed from its stored inputs and policy (app/verify_service.h).
void VerifyAssessment(Call& call) {
  auto year = PathYear(call.req, call.res, 1);
  if (!year || !Require(call, core::GlobalAction::kReadAllAssessments)) return;
  auto verification = app::VerifyAssessment(call.store, *year);
  if (!verification.ok()) return WriteError(call.res, verification.error());
  const app::Verification& v = verification.value();
  WriteJson(call.res, exporting::VerificationToJson(v.year, v.policy_version, v.difference));
}

void PutManual(Call& call) {
  auto year = PathYear(call.req, call.res, 1);
  if (!year) return;
  auto code = PathCode(call.req, call.res, 2);
  if (!code) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  storage::StoredManualDecision decision;
  decision.code = *code;
  if (!OnlyFields(*body, {"include", "reason"}, call.res) ||
      !GetBool(*body, "include", decision.include, true, call.res) ||
      !GetString(*body, "reason", decision.reason, true, call.res)) {
    return;
  }
  if (auto rule = core::CheckDecisionReason(decision.reason); !rule.ok()) {
    return WriteError(call.res, rule.error());
  }
  if (!Require(call, core::GlobalAction::kRunAssessment) ||
      !RequireOrg(call, *code, core::OrgAction::kRead)) {
    return;
  }
  decision.decided_by = call.principal.name;
  if (auto s = app::DecideByHand(call.store, *year, decision, call.actor); !s.ok()) {
    return WriteError(call.res, s.error());
  }
  WriteJson(call.res, {{"code", *code},
                       {"year", *year},
                       {"include", decision.include},
                       {"reason", decision.reason}});
}

void DeleteManual(Call& call) {
  auto year = PathYear(call.req, call.res, 1);
  if (!year) return;
  auto code = PathCode(call.req, call.res, 2);
  if (!code || !Require(call, core::GlobalAction::kRunAssessment) ||
      !RequireOrg(call, *code, core::OrgAction::kRead)) {
    return;
  }
  if (auto s = app::WithdrawHandDecision(call.store, *year, *code, call.actor); !s.ok()) {
    return WriteError(call.res, s.error());
  }
  WriteJson(call.res, {{"code", *code}, {"year", *year}, {"deleted", true}});
}

void ListManual(Call& call) {
  auto year = PathYear(call.req, call.res, 1);
  if (!year || !Require(call, core::GlobalAction::kReadAllAssessments)) return;
  auto list = app::HandDecisionsOf(call.store, *year);
  if (!list.ok()) return WriteError(call.res, list.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& d : list.value()) {
    items.push_back({{"code", d.code},
                     {"include", d.include},
                     {"reason", d.reason},
                     {"decided_by", d.decided_by},
                     {"decided_at", d.decided_at}});
  }
  WriteJson(call.res, {{"items", items}, {"total", items.size()}});
}

}  // namespace

void AddAssessmentRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/api/v1/assessments", "Assessed years", true, ListAssessments});
  routes.push_back({Method::kPost, "/api/v1/assessments/{year}/run",
                    "Run and store a year's assessment (admin)", true, RunAssessment});
  routes.push_back(
      {Method::kGet, "/api/v1/assessments/{year}",
       "A stored assessment with each organization's name (type, unit, parent, direct, "
       "q, grade, selected, offset, limit; order=code, or rank: by unit, type and "
       "rank with each group's stored quota arithmetic as groups)",
       true, Rows});
  routes.push_back({Method::kGet, "/api/v1/organizations/{code}/results",
                    "An organization's stored assessment results, every year that ranked it, "
                    "newest first, with each group's stored quota arithmetic",
                    true, ResultHistory});
  routes.push_back({Method::kGet, "/api/v1/assessments/{year}/organizations/{code}/explain",
                    "Why an organization is or is not selected, from the stored assessment and "
                    "the inputs it kept, with what changed since the run",
                    true, Explain});
  routes.push_back({Method::kGet, "/api/v1/assessments/{year}/verify",
                    "Recompute the stored assessment from its stored inputs and policy: "
                    "identical, or the first difference (admin, auditor)",
                    true, VerifyAssessment});
  routes.push_back({Method::kGet, "/api/v1/assessments/{year}/manual",
                    "The committee's hand decisions of a year", true, ListManual});
  routes.push_back({Method::kPut, "/api/v1/assessments/{year}/manual/{code}",
                    "Include or exclude by hand, with a reason (admin)", true, PutManual});
  routes.push_back({Method::kDelete, "/api/v1/assessments/{year}/manual/{code}",
                    "Withdraw a hand decision (admin)", true, DeleteManual});
  routes.push_back({Method::kGet, "/api/v1/assessments/{year}/previous-plans",
                    "The organizations GET /assessments/{year} answers for the same parameters, "
                    "each with its rectification plan of the year before: id, standing "
                    "(upgraded, not_upgraded, finished, unfinished) and the outcome's reason, "
                    "or null",
                    true, PreviousPlans});
}

}  // namespace grassroots::http
