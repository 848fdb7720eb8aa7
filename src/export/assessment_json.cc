#include "export/assessment_json.h"

#include <algorithm>
#include <numeric>
#include <set>

namespace grassroots::exporting {
namespace {

using Json = nlohmann::ordered_json;

Json QuotaToJson(const core::QuotaGroup& quota) {
  return Json{{"count", quota.count},
              {"ratio", static_cast<double>(quota.ratio_ppm) / core::kPpm},
              {"quota", quota.quota}};
}

}  // namespace

Json QuotasToJson(const core::OrgTable& orgs, const core::AssessmentResult& result) {
  std::set<std::uint32_t> units;
  for (const auto& quota : result.quotas) units.insert(quota.unit);
  Json quotas = Json::object();
  for (const auto& quota : result.quotas) {
    const std::string type(core::ToString(quota.type));
    if (units.size() <= 1) {
      quotas[type] = QuotaToJson(quota);
    } else {
      quotas[orgs.unit_codes[quota.unit]][type] = QuotaToJson(quota);
    }
  }
  return quotas;
}

namespace {

Json Nullable(bool present, auto value) { return present ? Json(value) : Json(nullptr); }

Json OrganizationToJson(const core::OrgTable& orgs, const core::AssessmentResult& result,
                        std::uint32_t i) {
  const bool scored = result.score_cents[i] != core::kNoScore;
  Json actions = Json::array();
  for (const core::Action& action : core::ProposedActions(orgs, result, i)) {
    actions.push_back({{"action", core::ToString(action.kind)}, {"org", orgs.code[action.org]}});
  }
  return Json{
      {"code", orgs.code[i]},
      {"type", core::ToString(orgs.type[i])},
      {"score", Nullable(scored, result.score_cents[i] / 100.0)},
      {"grade", Nullable(scored, scored ? core::ToString(static_cast<core::Grade>(result.grade[i]))
                                        : std::string_view{})},
      {"rank_in_type", Nullable(scored, result.rank[i])},
      {"selected", result.selected[i] != 0},
      {"reasons", ReasonsToJson(result.reasons[i])},
      {"consecutive", result.consecutive[i] != 0},
      {"actions", std::move(actions)},
  };
}

}  // namespace

std::vector<std::uint32_t> ByCode(const core::OrgTable& orgs) {
  std::vector<std::uint32_t> order(orgs.size());
  std::iota(order.begin(), order.end(), 0u);
  if (std::is_sorted(orgs.code.begin(), orgs.code.end())) return order;
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return orgs.code[a] < orgs.code[b]; });
  return order;
}

std::vector<std::string_view> ReasonNames(std::uint8_t reasons) {
  std::vector<std::string_view> names;
  if (reasons & core::kReasonBottomQuota) names.push_back("bottom_quota");
  if (reasons & core::kReasonGradeD) names.push_back("grade_d");
  if (reasons & core::kReasonManual) names.push_back("manual");
  return names;
}

Json ReasonsToJson(std::uint8_t reasons) {
  Json list = Json::array();
  for (std::string_view name : ReasonNames(reasons)) list.push_back(name);
  return list;
}

Json AssessmentToJson(const core::OrgTable& orgs, const core::AssessmentResult& result,
                      const std::string& policy_version) {
  Json organizations = Json::array();
  Json selected = Json::array();
  for (std::uint32_t i : ByCode(orgs)) {
    organizations.push_back(OrganizationToJson(orgs, result, i));
    if (result.selected[i]) selected.push_back(orgs.code[i]);
  }
  return Json{{"year", result.year},
              {"policy_version", policy_version},
              {"quotas", QuotasToJson(orgs, result)},
              {"organizations", std::move(organizations)},
              {"selected", std::move(selected)}};
}

}  // namespace grassroots::exporting
