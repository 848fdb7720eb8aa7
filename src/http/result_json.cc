#include "http/result_json.h"

namespace grassroots::http {

nlohmann::json CentsJson(std::optional<std::int32_t> cents) {
  if (!cents || *cents < 0) return nullptr;
  return *cents / 100.0;
}

nlohmann::json ReasonsJson(std::uint8_t bits) {
  nlohmann::json out = nlohmann::json::array();
  if (bits & core::kReasonBottomQuota) out.push_back("bottom_quota");
  if (bits & core::kReasonGradeD) out.push_back("grade_d");
  if (bits & core::kReasonManual) out.push_back("manual");
  return out;
}

nlohmann::json GradeCountsJson(const core::GradeCounts& counts) {
  return {{"organizations", counts.organizations},
          {"selected", counts.selected},
          {"grades",
           {{"A", counts.counts[0]},
            {"B", counts.counts[1]},
            {"C", counts.counts[2]},
            {"D", counts.counts[3]},
            {"unscored", counts.counts[core::kUnscored]}}}};
}

}  // namespace grassroots::http
