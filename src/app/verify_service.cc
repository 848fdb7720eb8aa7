#include "app/verify_service.h"

#include "config/policy_file.h"
#include "core/policy.h"
#include "storage/assessment_records.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

core::Error NotAssessed(int year) {
  const std::string text = std::to_string(year);
  return core::Error::NotFound("year " + text + " has not been assessed", "year")
      .With("year_not_assessed", {{"year", text}});
}

core::Error PredatesInputs(int year) {
  const std::string text = std::to_string(year);
  return core::Error::Conflict("the assessment of " + text +
                                   " was stored before assessments kept their inputs, so it "
                                   "cannot be recomputed from the record; assessing " +
                                   text + " again stores them",
                               "year")
      .With("assessment_predates_inputs", {{"year", text}});
}

// The stored policy, read back from its canonical text.
core::Result<core::Policy> StoredPolicy(const storage::StoredAssessment& stored) {
  auto policy = core::ParseCanonicalPolicyText(stored.policy_text);
  if (!policy.ok()) {
    core::Error error = policy.error();
    error.code = core::ErrorCode::kConflict;
    error.message = "policy " + stored.info.policy_version + " of the assessment of " +
                    std::to_string(stored.info.year) + ": " + error.message;
    return error;
  }
  return policy;
}

core::ResultDifference AssessmentDifference(std::string field, std::string stored,
                                            std::string recomputed) {
  core::ResultDifference difference;
  difference.field = std::move(field);
  difference.stored = std::move(stored);
  difference.recomputed = std::move(recomputed);
  return difference;
}

}  // namespace

core::Result<Verification> VerifyAssessment(storage::Store& store, int year) {
  auto loaded = storage::ReadValue(
      store, [&](storage::Tx& tx) { return storage::AssessmentRecords(tx).Stored(year); });
  if (!loaded.ok()) return loaded.error();
  if (!loaded.value()) return NotAssessed(year);
  const storage::StoredAssessment& stored = *loaded.value();
  if (!stored.info.inputs_stored) return PredatesInputs(year);
  Verification verification;
  verification.year = year;
  verification.policy_version = stored.info.policy_version;
  auto policy = StoredPolicy(stored);
  if (!policy.ok()) return policy.error();
  // The text must be the one the version names, or it is not the policy the run used.
  const std::string version = config::PolicyVersion(policy.value());
  if (version != stored.info.policy_version) {
    verification.difference =
        AssessmentDifference("policy_version", stored.info.policy_version, version);
    return verification;
  }
  core::AssessmentInput input;
  input.year = year;
  input.orgs = &stored.orgs;
  input.scores = &stored.scores;
  input.manual = stored.manual;
  input.previous_selected = stored.previous_selected;
  auto recomputed = core::Assess(policy.value(), input);
  if (!recomputed.ok()) return recomputed.error();
  verification.difference = core::FirstDifference(stored.orgs, stored.result, recomputed.value());
  if (!verification.difference) {
    const auto count = static_cast<std::int64_t>(recomputed.value().SelectedCount());
    if (count != stored.info.selected_count) {
      verification.difference = AssessmentDifference(
          "selected_count", std::to_string(stored.info.selected_count), std::to_string(count));
    }
  }
  return verification;
}

}  // namespace grassroots::app
