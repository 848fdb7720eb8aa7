// POST /assessments/{year}/what-if: the year's stored data assessed under a changed policy,
// storing nothing (the only re-run on today's data, by design), answered as counts and a page
// of who enters or leaves over the caller's scope (app/what_if_service.h).
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "app/what_if_service.h"
#include "http/access.h"
#include "http/errors.h"
#include "http/json_input.h"
#include "http/json_writer.h"
#include "http/route.h"

namespace grassroots::http {
namespace {

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

// ?change (entering|leaving), ?unit, ?type, ?offset, ?limit of a what-if; false after a 422.
bool WhatIfParams(Call& call, app::WhatIfQuery& query) {
  if (!PageParams(call.req, query.offset, query.limit, call.res)) return false;
  const std::string change =
      call.req.has_param("change") ? call.req.get_param_value("change") : "entering";
  if (change != "entering" && change != "leaving") {
    WriteError(call.res, 422, "invalid", "change must be entering or leaving", "change",
               "unknown_value",
               {{"value", change.substr(0, 16)}, {"accepted", "entering, leaving"}});
    return false;
  }
  query.change = change == "entering" ? app::WhatIfChange::kEntering : app::WhatIfChange::kLeaving;
  for (auto [key, field] : {std::pair{"unit", &query.unit}, {"type", &query.type}}) {
    auto text = QueryText(call.req, key, call.res);
    if (!text) return false;
    *field = *text;
  }
  return true;
}

// One organization that enters or leaves: as stored (score, grade, rank, selected) and as the
// what-if assesses it (`*_after`).
void WriteChange(JsonWriter& out, const app::WhatIfOutcome& outcome, std::size_t i,
                 const storage::AssessmentRow& stored) {
  const core::AssessmentResult& r = outcome.result;
  out.BeginObject().Field("code", outcome.orgs.code[i]).Field("name", stored.name);
  out.Field("type", core::ToString(outcome.orgs.type[i]));
  out.Field("unit", outcome.orgs.unit_codes[outcome.orgs.unit[i]]).Key("score");
  stored.score_cents&&* stored.score_cents >= 0 ? out.Double(*stored.score_cents / 100.0)
                                                : out.Null();
  out.Key("grade");
  stored.grade ? out.String(*stored.grade) : out.Null();
  out.Key("rank");
  stored.rank ? out.Int(*stored.rank) : out.Null();
  out.Key("selected").Bool(outcome.before[i] != 0).Key("score_after");
  r.score_cents[i] >= 0 ? out.Double(r.score_cents[i] / 100.0) : out.Null();
  out.Key("grade_after");
  r.grade[i] >= 0 ? out.String(core::ToString(static_cast<core::Grade>(r.grade[i]))) : out.Null();
  out.Key("rank_after");
  r.rank[i] > 0 ? out.Int(r.rank[i]) : out.Null();
  out.Key("reasons_after").BeginArray();
  if (r.reasons[i] & core::kReasonBottomQuota) out.String("bottom_quota");
  if (r.reasons[i] & core::kReasonGradeD) out.String("grade_d");
  if (r.reasons[i] & core::kReasonManual) out.String("manual");
  out.EndArray().EndObject();
}

// The what-if of a changed policy: counts, and a page of who enters or leaves, within the
// caller's scope and the filters. The outcome is computed once per year, policy and data
// (Services::what_ifs), whatever page or filter is asked for.
void WhatIf(Call& call) {
  auto year = PathYear(call.req, call.res, 1);
  if (!year) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  core::Policy policy = call.services.policy.policy;
  app::WhatIfQuery query;
  if (!ChangePolicy(*body, policy, call.res) || !WhatIfParams(call, query) ||
      !Require(call, core::GlobalAction::kWhatIf)) {
    return;
  }
  const std::string key = std::to_string(*year) + '\x1f' + core::CanonicalPolicyText(policy);
  auto outcome = call.services.what_ifs.Get(call.store, key, [&] {
    return app::EvaluateWhatIf(call.store, policy, call.services.policy.policy, *year);
  });
  if (!outcome.ok()) return WriteError(call.res, outcome.error());
  const app::WhatIfOutcome& o = *outcome.value();
  // Counts, like the lists, cover the caller's scope: a unit's administrator sees how the
  // change moves their own list. `whole_county` says when that is everything.
  const bool whole = SeesEverything(call.principal);
  if (!whole) query.who = &call.principal;
  const app::WhatIfPage page = app::PageOfWhatIf(o, query);
  std::vector<std::string> codes;
  for (std::size_t i : page.items) codes.push_back(o.orgs.code[i]);
  auto stored = app::StoredRowsOf(call.store, *year, codes);
  if (!stored.ok()) return WriteError(call.res, stored.error());
  JsonWriter out;
  out.BeginObject().Key("year").Int(*year).Key("whole_county").Bool(whole);
  out.Key("selected_before").Int(page.before).Key("selected_after").Int(page.after);
  out.Key("entering_total").Int(page.entering).Key("leaving_total").Int(page.leaving);
  out.Field("change", query.change == app::WhatIfChange::kEntering ? "entering" : "leaving");
  out.Key("items").BeginArray();
  for (std::size_t i : page.items) WriteChange(out, o, i, stored.value()[o.orgs.code[i]]);
  out.EndArray().Key("total").Int(page.total);
  out.Key("offset").Int(query.offset).Key("limit").Int(query.limit).EndObject();
  WriteJsonText(call.res, out.Take());
}

}  // namespace

void AddWhatIfRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kPost, "/api/v1/assessments/{year}/what-if",
                    "Re-run with changed ratios, grade lines, weights or tie rule; stores nothing. "
                    "Counts of who enters and leaves and a page of one list (change=entering|"
                    "leaving, unit, type, offset, limit), over your scope",
                    true, WhatIf});
}

}  // namespace grassroots::http
