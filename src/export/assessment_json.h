// The assessment as the JSON of SPEC.md §7 (the CLI's output and the API's body).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/assessment.h"

namespace grassroots::exporting {

// {"year", "policy_version", "quotas", "organizations", "selected"}: organizations and selected
// sorted by code; quotas keyed by type with one assessing unit, by unit then type with several.
nlohmann::ordered_json AssessmentToJson(const core::OrgTable& orgs,
                                        const core::AssessmentResult& result,
                                        const std::string& policy_version);

// The "reasons" of one organization, in a fixed order.
nlohmann::ordered_json ReasonsToJson(std::uint8_t reasons);

// Organization indices sorted by code.
std::vector<std::uint32_t> ByCode(const core::OrgTable& orgs);

}  // namespace grassroots::exporting
