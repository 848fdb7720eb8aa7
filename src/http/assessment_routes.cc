// /assessments: run, view, explain one organization and verify a year from the stored record,
// hand decisions and the what-if (the only re-run on today's data, by design: it stores nothing).
#include <algorithm>
#include <cmath>
#include <limits>

#include "app/assessment_service.h"
#include "app/explain_service.h"
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

struct Evaluation {
  core::OrgTable orgs;
  core::AssessmentResult result;
};

// Runs the engine on the stored data of `year` with `policy`, storing nothing.
core::Result<Evaluation> Evaluate(storage::Store& store, const core::Policy& policy, int year) {
  Evaluation out;
  auto orgs = app::OrganizationsAssessedIn(store, year);
  if (!orgs.ok()) return orgs.error();
  out.orgs = std::move(orgs).value();
  auto scores = store.LoadScores(year, out.orgs);
  if (!scores.ok()) return scores.error();
  core::AssessmentInput input;
  input.year = year;
  input.orgs = &out.orgs;
  input.scores = &scores.value();
  for (int back = 1; back < policy.consecutive_years; ++back) {
    auto selection = store.LoadSelection(year - back, out.orgs);
    if (!selection.ok()) return selection.error();
    input.previous_selected.push_back(selection.value() ? std::move(*selection.value())
                                                        : std::vector<std::uint8_t>{});
  }
  auto manual = store.LoadManualDecisions(year, out.orgs);
  if (!manual.ok()) return manual.error();
  input.manual = std::move(manual).value();
  auto result = core::Assess(policy, input);
  if (!result.ok()) return result.error();
  out.result = std::move(result).value();
  return out;
}

void WriteRow(JsonWriter& out, const storage::AssessmentRow& row) {
  out.BeginObject().Key("code").String(row.code).Key("type").String(row.type);
  out.Key("unit").String(row.unit).Key("score");
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
  out.Key("consecutive").Bool(row.consecutive).EndObject();
}

void List(Call& call) {
  auto list = call.store.ListAssessments();
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

void Run(Call& call) {
  auto year = PathYear(call.req, call.res, 1);
  if (!year || !Require(call, core::GlobalAction::kRunAssessment)) return;
  auto run = app::RunAssessment(call.store, call.services.policy, *year, call.actor);
  if (!run.ok()) return WriteError(call.res, run.error());
  WriteJson(call.res, {{"year", *year},
                       {"policy_version", run.value().policy_version},
                       {"selected_count", run.value().result.SelectedCount()},
                       {"assessed_first", run.value().assessed_first}});
}

// Rows of a stored year, filtered by organization, grade and selection in the store.
void Rows(Call& call) {
  auto year = PathYear(call.req, call.res, 1);
  storage::OrgFilter filter;
  if (!year || !PageParams(call.req, filter.offset, filter.limit, call.res)) return;
  if (!AssessmentListParams(call.req, filter, call.res)) return;
  auto info = call.store.LoadAssessmentInfo(*year);
  if (!info.ok()) return WriteError(call.res, info.error());
  if (!info.value()) return WriteError(call.res, 404, "not_found", "year not assessed", "year");
  ApplyScope(call.principal, filter);
  auto page = call.store.LoadAssessmentRows(*year, filter);
  if (!page.ok()) return WriteError(call.res, page.error());
  JsonWriter out;
  out.BeginObject().Key("year").Int(*year);
  out.Key("policy_version").String(info.value()->policy_version).Key("items").BeginArray();
  for (const auto& row : page.value().items) WriteRow(out, row);
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
void Verify(Call& call) {
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
  if (auto s = call.store.SaveManualDecision(*year, decision, call.actor); !s.ok()) {
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
  if (auto s = call.store.DeleteManualDecision(*year, *code, call.actor); !s.ok()) {
    return WriteError(call.res, s.error());
  }
  WriteJson(call.res, {{"code", *code}, {"year", *year}, {"deleted", true}});
}

void ListManual(Call& call) {
  auto year = PathYear(call.req, call.res, 1);
  if (!year || !Require(call, core::GlobalAction::kReadAllAssessments)) return;
  auto list = call.store.ListManualDecisions(*year);
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

// The ancestry of organization i from the table (code first), for scope checks in memory.
std::vector<std::string> AncestryOf(const core::OrgTable& orgs, std::size_t i) {
  std::vector<std::string> out;
  for (std::int32_t at = static_cast<std::int32_t>(i); at >= 0 && out.size() < 64;
       at = orgs.parent[at]) {
    out.push_back(orgs.code[at]);
  }
  return out;
}

// Applies the what-if body to `policy`; false after writing 422.
bool ChangePolicy(const nlohmann::json& body, core::Policy& policy, httplib::Response& res) {
  if (!OnlyFields(body, {"ratios", "grades", "weights", "tie_rule"}, res)) return false;
  auto object = [&](const char* key) -> const nlohmann::json* {
    auto it = body.find(key);
    if (it == body.end()) return nullptr;
    if (!it->is_object()) {
      WriteError(res, 422, "invalid", std::string(key) + " must be an object", key);
      return &*it;
    }
    return &*it;
  };
  if (const auto* ratios = object("ratios")) {
    if (!ratios->is_object()) return false;
    for (auto it = ratios->begin(); it != ratios->end(); ++it) {
      const auto type = core::ParseOrgType(it.key());
      double value = 0;
      if (!type) {
        WriteError(res, 422, "invalid", "unknown type " + it.key(), "ratios." + it.key());
        return false;
      }
      if (!GetNumber(*ratios, it.key().c_str(), value, true, res)) return false;
      if (!std::isfinite(value) || value < 0 || value > 1) {
        WriteError(res, 422, "invalid", "a ratio is from 0 to 1", "ratios." + it.key());
        return false;
      }
      policy.ratio_ppm[static_cast<int>(*type)] = std::llround(value * core::kPpm);
    }
  }
  if (const auto* grades = object("grades")) {
    if (!grades->is_object() || !OnlyFields(*grades, {"a", "b", "c"}, res)) return false;
    std::int32_t* cents[] = {&policy.grade_a_cents, &policy.grade_b_cents, &policy.grade_c_cents};
    const char* keys[] = {"a", "b", "c"};
    for (int g = 0; g < 3; ++g) {
      double value = *cents[g] / 100.0;
      if (!GetNumber(*grades, keys[g], value, false, res)) return false;
      if (!std::isfinite(value) || value < 0 || value > 100) {
        WriteError(res, 422, "invalid", "a grade line is from 0 to 100", keys[g]);
        return false;
      }
      *cents[g] = static_cast<std::int32_t>(std::llround(value * 100));
    }
  }
  if (const auto* weights = object("weights")) {
    if (!weights->is_object()) return false;
    for (auto it = weights->begin(); it != weights->end(); ++it) {
      auto key = std::find(core::kDimensionKeys.begin(), core::kDimensionKeys.end(), it.key());
      if (key == core::kDimensionKeys.end()) {
        WriteError(res, 422, "invalid", "unknown dimension " + it.key(), it.key());
        return false;
      }
      double& weight = policy.weights[key - core::kDimensionKeys.begin()];
      if (!GetNumber(*weights, it.key().c_str(), weight, true, res)) return false;
      if (!std::isfinite(weight) || weight < 0 || weight > 1e6) {
        WriteError(res, 422, "invalid", "a weight is a number >= 0", it.key());
        return false;
      }
    }
  }
  std::string tie = std::string(core::ToString(policy.tie_rule));
  if (!GetString(body, "tie_rule", tie, false, res)) return false;
  if (tie != "take_all" && tie != "take_none") {
    WriteError(res, 422, "invalid", "tie_rule is take_all or take_none", "tie_rule");
    return false;
  }
  policy.tie_rule = tie == "take_all" ? core::TieRule::kTakeAll : core::TieRule::kTakeNone;
  if (core::Status valid = core::ValidatePolicy(policy); !valid.ok()) {
    WriteError(res, valid.error());
    return false;
  }
  return true;
}

void WhatIf(Call& call) {
  auto year = PathYear(call.req, call.res, 1);
  if (!year) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  core::Policy policy = call.services.policy.policy;
  if (!ChangePolicy(*body, policy, call.res) || !Require(call, core::GlobalAction::kWhatIf)) {
    return;
  }
  auto changed = Evaluate(call.store, policy, *year);
  if (!changed.ok()) return WriteError(call.res, changed.error());
  const core::OrgTable& orgs = changed.value().orgs;
  auto stored = call.store.LoadSelection(*year, orgs);
  if (!stored.ok()) return WriteError(call.res, stored.error());
  std::vector<std::uint8_t> before;
  if (stored.value()) {
    before = std::move(*stored.value());
  } else {
    auto base = Evaluate(call.store, call.services.policy.policy, *year);
    if (!base.ok()) return WriteError(call.res, base.error());
    before = std::move(base.value().result.selected);
  }
  const auto& after = changed.value().result.selected;
  nlohmann::json entering = nlohmann::json::array(), leaving = nlohmann::json::array(),
                 selected = nlohmann::json::array();
  for (std::size_t i = 0; i < orgs.size(); ++i) {
    const bool was = i < before.size() && before[i] != 0, is = after[i] != 0;
    if (!was && !is) continue;
    if (!SeesEverything(call.principal) &&
        !core::MayAccessOrganization(call.principal, AncestryOf(orgs, i), core::OrgAction::kRead)) {
      continue;
    }
    if (is) selected.push_back(orgs.code[i]);
    if (is && !was) entering.push_back(orgs.code[i]);
    if (was && !is) leaving.push_back(orgs.code[i]);
  }
  // Counts, like the lists, cover the caller's scope: a unit's administrator sees how the
  // change moves their own list. `whole_county` says when that is everything.
  WriteJson(call.res, {{"year", *year},
                       {"whole_county", SeesEverything(call.principal)},
                       {"entering", entering},
                       {"leaving", leaving},
                       {"selected", selected},
                       {"selected_count", selected.size()}});
}

}  // namespace

void AddAssessmentRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/api/v1/assessments", "Assessed years", true, List});
  routes.push_back({Method::kPost, "/api/v1/assessments/{year}/run",
                    "Run and store a year's assessment (admin)", true, Run});
  routes.push_back({Method::kGet, "/api/v1/assessments/{year}",
                    "A stored assessment (type, unit, parent, q, grade, selected, offset, limit)",
                    true, Rows});
  routes.push_back({Method::kGet, "/api/v1/assessments/{year}/organizations/{code}/explain",
                    "Why an organization is or is not selected, from the stored assessment and "
                    "the inputs it kept, with what changed since the run",
                    true, Explain});
  routes.push_back({Method::kGet, "/api/v1/assessments/{year}/verify",
                    "Recompute the stored assessment from its stored inputs and policy: "
                    "identical, or the first difference (admin, auditor)",
                    true, Verify});
  routes.push_back({Method::kGet, "/api/v1/assessments/{year}/manual",
                    "The committee's hand decisions of a year", true, ListManual});
  routes.push_back({Method::kPut, "/api/v1/assessments/{year}/manual/{code}",
                    "Include or exclude by hand, with a reason (admin)", true, PutManual});
  routes.push_back({Method::kDelete, "/api/v1/assessments/{year}/manual/{code}",
                    "Withdraw a hand decision (admin)", true, DeleteManual});
  routes.push_back({Method::kPost, "/api/v1/assessments/{year}/what-if",
                    "Re-run with changed ratios, grade lines, weights or tie rule; stores nothing",
                    true, WhatIf});
}

}  // namespace grassroots::http
