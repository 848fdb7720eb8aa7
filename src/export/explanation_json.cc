#include "export/explanation_json.h"

#include "export/assessment_json.h"

namespace grassroots::exporting {
namespace {

using Json = nlohmann::ordered_json;

Json TextOrNull(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json CentsOrNull(std::optional<std::int32_t> cents) {
  return cents && *cents >= 0 ? Json(*cents / 100.0) : Json(nullptr);
}

// An audit entry's document as JSON (kept as text when it is not JSON).
Json Document(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  Json parsed = Json::parse(*text, nullptr, false);
  return parsed.is_discarded() ? Json(*text) : parsed;
}

Json GroupJson(const core::ExplainedGroup& group) {
  return {{"count", group.count},
          {"ratio", static_cast<double>(group.ratio_ppm) / core::kPpm},
          {"ratio_ppm", group.ratio_ppm},
          {"product", static_cast<double>(group.count * group.ratio_ppm) / core::kPpm},
          {"quota", group.quota},
          {"cut_score", CentsOrNull(group.cut_cents)},
          {"taken", group.taken}};
}

Json DimensionsJson(const std::optional<std::array<double, core::kDimensionCount>>& values) {
  if (!values) return nullptr;
  Json out = Json::object();
  for (int d = 0; d < core::kDimensionCount; ++d) out[core::kDimensionKeys[d]] = (*values)[d];
  return out;
}

Json ChangeJson(const core::RecordChange& change) {
  return {{"audit_id", change.audit_id},
          {"at", change.at},
          {"actor", change.actor},
          {"action", change.action},
          {"subject", ToString(change.subject)},
          {"before", Document(change.before_json)},
          {"after", Document(change.after_json)}};
}

// The inputs' fields, null throughout when the run kept none.
void AddInputs(const std::optional<core::ExplainedInputs>& inputs, bool scored, Json& out) {
  out["grade_by_committee"] =
      inputs && scored ? Json(inputs->committee_grade.has_value()) : Json(nullptr);
  out["committee_reason"] = inputs ? TextOrNull(inputs->committee_reason) : Json(nullptr);
}

}  // namespace

Json ExplanationToJson(const core::Explanation& e) {
  const std::optional<core::ExplainedInputs>& inputs = e.inputs;
  Json out = {{"year", e.year},
              {"code", e.code},
              {"type", e.type},
              {"unit", e.unit},
              {"parent", TextOrNull(e.parent)},
              {"score", CentsOrNull(e.score_cents)},
              {"grade", e.grade ? Json(core::ToString(*e.grade)) : Json(nullptr)}};
  AddInputs(inputs, e.score_cents.has_value(), out);
  out["rank"] = e.rank ? Json(*e.rank) : Json(nullptr);
  out["group"] = e.group ? GroupJson(*e.group) : Json(nullptr);
  out["selected"] = e.selected;
  out["reasons"] = ReasonsToJson(e.reasons);
  out["manual"] = inputs && inputs->manual ? Json{{"include", inputs->manual->include},
                                                  {"reason", inputs->manual->reason}}
                                           : Json(nullptr);
  out["consecutive"] = e.consecutive;
  out["previous_selected_years"] = inputs ? Json(inputs->previous_selected_years) : Json(nullptr);
  Json actions = Json::array();
  for (const auto& [kind, org] : e.actions) {
    actions.push_back({{"action", core::ToString(kind)}, {"org", org}});
  }
  out["actions"] = std::move(actions);
  out["inputs_stored"] = inputs.has_value();
  out["dimensions"] = inputs ? DimensionsJson(inputs->dimensions) : Json(nullptr);
  out["policy_version"] = e.policy_version;
  out["run_at"] = e.run_at;
  out["audit_hash"] = TextOrNull(e.audit_hash);
  Json changes = Json::array();
  for (const core::RecordChange& change : e.changed_since) changes.push_back(ChangeJson(change));
  out["changed_since"] = std::move(changes);
  return out;
}

Json VerificationToJson(int year, const std::string& policy_version,
                        const std::optional<core::ResultDifference>& difference) {
  Json out = {{"year", year},
              {"policy_version", policy_version},
              {"identical", !difference.has_value()},
              {"difference", nullptr}};
  if (difference) {
    out["difference"] = {{"code", TextOrNull(difference->code)},
                         {"unit", TextOrNull(difference->unit)},
                         {"type", TextOrNull(difference->type)},
                         {"field", difference->field},
                         {"stored", TextOrNull(difference->stored)},
                         {"recomputed", TextOrNull(difference->recomputed)}};
  }
  return out;
}

}  // namespace grassroots::exporting
