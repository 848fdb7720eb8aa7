// An explanation and a verification as the JSON that the CLI prints and the API answers (one
// document for both). Codes and numbers only, never a sentence: the UI words them.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/assessment_diff.h"
#include "core/explanation.h"

namespace grassroots::exporting {

// {"year", "code", "type", "unit", "parent", "score", "grade", "grade_by_committee",
//  "committee_reason", "rank", "group": {"count", "ratio", "ratio_ppm", "product", "quota",
//  "cut_score", "taken"}, "selected", "reasons", "manual": {"include", "reason"},
//  "consecutive", "previous_selected_years", "actions": [{"action", "org"}], "inputs_stored",
//  "dimensions": {"team", ...}, "policy_version", "run_at", "audit_hash",
//  "changed_since": [{"audit_id", "at", "actor", "action", "subject", "before", "after"}]}.
// "product" is count x ratio (13 x 0.15 = 1.95) and "quota" its ceiling; what the run did not
// keep (the inputs of a run stored before inputs were) is null.
nlohmann::ordered_json ExplanationToJson(const core::Explanation& explanation);

// {"year", "policy_version", "identical", "difference": {"code", "unit", "type", "field",
// "stored", "recomputed"} or null}; an empty text is null.
nlohmann::ordered_json VerificationToJson(int year, const std::string& policy_version,
                                          const std::optional<core::ResultDifference>& difference);

}  // namespace grassroots::exporting
