// Verifying a stored assessment (`grassroots verify`, GET .../verify): recomputes it with the
// engine from the inputs and the policy stored with it, and nothing else (no organization or
// score as it is today), and compares the answer with the stored results and quota groups
// field by field.
#pragma once

#include <optional>

#include "core/assessment_diff.h"
#include "core/error.h"
#include "storage/store.h"

namespace grassroots::app {

struct Verification {
  int year = 0;
  std::string policy_version;
  std::optional<core::ResultDifference> difference;  // nullopt: identical

  bool identical() const { return !difference.has_value(); }
};

// Recomputes year's stored assessment and compares. kNotFound naming "year" (reason
// "year_not_assessed") when it was never assessed; kConflict naming "year" (reason
// "assessment_predates_inputs") when it was stored before assessments kept their inputs; kConflict
// (reason "policy_text_malformed") when its stored policy cannot be read back. A policy text
// that no longer hashes to the run's version is a difference in "policy_version".
core::Result<Verification> VerifyAssessment(storage::Store& store, int year);

}  // namespace grassroots::app
