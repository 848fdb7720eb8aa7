// Comparing a stored assessment with the assessment recomputed from its stored inputs
// (`grassroots verify`): field by field, the first difference found. Pure.
#pragma once

#include <optional>
#include <string>

#include "core/assessment.h"

namespace grassroots::core {

// Where a stored assessment and its recomputation first disagree. Values are written as text
// in a fixed, language-free form: a score "58.50", a grade "D", a rank or count "3", a flag
// "true"/"false", reasons as their codes joined by "," ("bottom_quota,grade_d"); an absent
// value (no score, no grade, no rank, no cut score, a group one side lacks) is empty.
struct ResultDifference {
  std::string code;  // the organization; empty for a quota group or the whole assessment
  std::string unit;  // the quota group's (unit, type); empty otherwise
  std::string type;
  // An organization's "score", "grade", "rank", "selected", "reasons" or "consecutive"; a
  // group's "count", "ratio_ppm", "quota", "cut_score" or "taken"; the assessment's
  // "selected_count" or "policy_version".
  std::string field;
  std::string stored;
  std::string recomputed;
};

// The first difference between `stored` and `recomputed`, both aligned with `orgs` (every
// per-organization vector of both has orgs.size() entries): the
// organizations in table order (code order for a table read by code), each field in the order
// above, then the quota groups by unit and type. nullopt when they agree in everything.
std::optional<ResultDifference> FirstDifference(const OrgTable& orgs,
                                                const AssessmentResult& stored,
                                                const AssessmentResult& recomputed);

// A score in hundredths as "58.50"; empty for kNoScore or any negative value.
std::string CentsText(std::int32_t cents);
// Reason bits as their codes joined by ",": "bottom_quota,grade_d,manual".
std::string ReasonsText(std::uint8_t reasons);

}  // namespace grassroots::core
