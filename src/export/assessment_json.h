// The assessment as the JSON of SPEC.md §7 (the CLI's output and the API's body).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>

#include "core/assessment.h"

namespace grassroots::exporting {

// {"year", "policy_version", "quotas", "organizations", "selected"}: organizations and selected
// sorted by code; quotas keyed by type with one assessing unit, by unit then type with several.
// The whole answer as a tree: the reference WriteAssessmentJson is tested against.
nlohmann::ordered_json AssessmentToJson(const core::OrgTable& orgs,
                                        const core::AssessmentResult& result,
                                        const std::string& policy_version);

// Writes AssessmentToJson(orgs, result, policy_version).dump(1) to `out`, byte for byte, as it
// goes: a country's 5.2 million organizations make about 1 GB of JSON, which as a tree would
// take over 10 GiB. The writer holds one buffer of 64 KiB.
void WriteAssessmentJson(std::ostream& out, const core::OrgTable& orgs,
                         const core::AssessmentResult& result, const std::string& policy_version);

// The "quotas" member: keyed by type with one assessing unit, by unit then type with several.
nlohmann::ordered_json QuotasToJson(const core::OrgTable& orgs,
                                    const core::AssessmentResult& result);

// The "reasons" of one organization, in a fixed order.
nlohmann::ordered_json ReasonsToJson(std::uint8_t reasons);
// The same names, for writers that need no JSON value.
std::vector<std::string_view> ReasonNames(std::uint8_t reasons);

// Organization indices sorted by code (no sort when the table is in code order already, as
// storage::OrganizationRecords::Table gives it).
std::vector<std::uint32_t> ByCode(const core::OrgTable& orgs);

}  // namespace grassroots::exporting
