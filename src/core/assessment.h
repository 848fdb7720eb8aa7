// The yearly assessment (每年一评定, SPEC.md §2): composite score, grade, rank within
// (unit, type), bottom quota with ties, grade D, manual decisions and the two-years-in-a-row
// rule. Pure: it reads values and returns values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/org_table.h"
#include "core/policy.h"
#include "core/score.h"

namespace grassroots::core {

// The committee's written reason for the grade it gave organization `org` (an index).
struct CommitteeReason {
  std::uint32_t org = 0;
  std::string text;
};

// One year's scores, aligned with an OrgTable (index i is organization i).
struct YearScores {
  std::vector<std::uint8_t> has_score;       // 1 when the organization was scored that year
  std::vector<double> dimensions;            // kDimensionCount values per organization
  std::vector<std::int8_t> committee_grade;  // a Grade as int, or -1 when none
  // The reasons of the committee grades, by organization index. Not read by the engine: kept
  // with a stored assessment so that its record shows why a grade was given.
  std::vector<CommitteeReason> committee_reasons;

  void Resize(std::size_t n);
  void Set(std::size_t org, const std::array<double, kDimensionCount>& values,
           std::optional<Grade> grade);
};

// A committee's hand decision (SPEC.md §2 step 5): include or exclude, with its reason.
struct ManualDecision {
  std::uint32_t org = 0;
  bool include = true;
  std::string reason;
};

// Why an organization is on the list; a bit set.
enum Reason : std::uint8_t { kReasonBottomQuota = 1, kReasonGradeD = 2, kReasonManual = 4 };

struct AssessmentInput {
  int year = 0;
  const OrgTable* orgs = nullptr;
  const YearScores* scores = nullptr;
  // previous_selected[k] holds the selection of year - 1 - k (1 = selected), aligned with orgs;
  // policy.consecutive_years - 1 entries are read; a missing or empty entry means none selected.
  std::vector<std::vector<std::uint8_t>> previous_selected;
  std::vector<ManualDecision> manual;
};

// The quota arithmetic of one (unit, type) group, kept so that it can be explained.
struct QuotaGroup {
  std::uint32_t unit = 0;
  OrgType type = OrgType::kVillage;
  std::int64_t count = 0;  // organizations of the group with a score
  std::int64_t ratio_ppm = 0;
  std::int64_t quota = 0;       // ceil(ratio x count)
  std::int32_t cut_cents = -1;  // the highest score taken by the quota, or -1 when none
  std::int64_t taken = 0;       // organizations taken by the quota (ties may exceed it)
};

inline constexpr std::int32_t kNoScore = -1;

// Results aligned with the OrgTable.
struct AssessmentResult {
  int year = 0;
  std::vector<std::int32_t> score_cents;  // composite in hundredths, or kNoScore
  std::vector<std::int8_t> grade;         // a Grade as int, or -1 when unscored
  std::vector<std::int32_t> rank;         // 1 = lowest in its (unit, type); 0 when unscored
  std::vector<std::uint8_t> selected;
  std::vector<std::uint8_t> reasons;  // Reason bits
  std::vector<std::uint8_t> consecutive;
  std::vector<QuotaGroup> quotas;  // sorted by unit, then type; groups with organizations

  std::size_t SelectedCount() const;
};

// Runs the assessment. Returns kInvalid when the input is inconsistent (sizes differ, a manual
// decision names no organization or has no reason).
Result<AssessmentResult> Assess(const Policy& policy, const AssessmentInput& input);

// Composite score in hundredths: the weighted mean of the six dimensions, rounded half away
// from zero.
std::int32_t CompositeCents(const Policy& policy, const double* dimensions);

// The grade a composite earns under the policy's thresholds.
Grade GradeFor(const Policy& policy, std::int32_t cents);

// A proposed organizational adjustment (组织调整) under the consecutive-years rule.
enum class ActionKind : std::uint8_t { kRemoveSecretary, kRemoveParentSecretary };
struct Action {
  ActionKind kind;
  std::uint32_t org;  // whose secretary
};
std::string_view ToString(ActionKind kind);

// The actions the consecutive rule proposes, in order: none unless the organization is
// consecutive; its own secretary (kRemoveSecretary names the organization); and for a
// second-level organization (one with a parent) also its parent's (kRemoveParentSecretary names
// the parent). The one statement of the rule; the forms below and the stored-record readers use
// it.
std::vector<ActionKind> ProposedActionKinds(bool consecutive, bool has_parent);

// The actions proposed for organization `org` of an assessment.
std::vector<Action> ProposedActions(const OrgTable& orgs, const AssessmentResult& result,
                                    std::uint32_t org);

}  // namespace grassroots::core
