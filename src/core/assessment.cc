#include "core/assessment.h"

#include <algorithm>
#include <numeric>
#include <span>
#include <string>

#include "core/score_sort.h"

namespace grassroots::core {

void YearScores::Resize(std::size_t n) {
  has_score.assign(n, 0);
  dimensions.assign(n * kDimensionCount, 0.0);
  committee_grade.assign(n, -1);
  committee_reasons.clear();
}

void YearScores::Set(std::size_t org, const std::array<double, kDimensionCount>& values,
                     std::optional<Grade> grade) {
  has_score[org] = 1;
  std::copy(values.begin(), values.end(), dimensions.begin() + org * kDimensionCount);
  committee_grade[org] = grade ? static_cast<std::int8_t>(*grade) : std::int8_t{-1};
}

std::size_t AssessmentResult::SelectedCount() const {
  return static_cast<std::size_t>(std::count(selected.begin(), selected.end(), 1));
}

namespace {

// The weights divided by their sum, computed once per assessment rather than per organization.
// Multiplying instead of dividing may move a result by one unit in the last place, which
// RoundToCents' tolerance at the half absorbs.
std::array<double, kDimensionCount> NormalizedWeights(const Policy& policy) {
  double weight_sum = 0;
  for (double weight : policy.weights) weight_sum += weight;
  std::array<double, kDimensionCount> normalized{};
  for (int d = 0; d < kDimensionCount; ++d) normalized[d] = policy.weights[d] / weight_sum;
  return normalized;
}

std::int32_t WeightedCents(const std::array<double, kDimensionCount>& normalized,
                           const double* dimensions) {
  double mean = 0;
  for (int d = 0; d < kDimensionCount; ++d) mean += normalized[d] * dimensions[d];
  return RoundToCents(mean);
}

}  // namespace

std::int32_t CompositeCents(const Policy& policy, const double* dimensions) {
  return WeightedCents(NormalizedWeights(policy), dimensions);
}

Grade GradeFor(const Policy& policy, std::int32_t cents) {
  if (cents >= policy.grade_a_cents) return Grade::kA;
  if (cents >= policy.grade_b_cents) return Grade::kB;
  if (cents >= policy.grade_c_cents) return Grade::kC;
  return Grade::kD;
}

std::string_view ToString(ActionKind kind) {
  return kind == ActionKind::kRemoveSecretary ? "remove_secretary" : "remove_parent_secretary";
}

std::vector<ActionKind> ProposedActionKinds(bool consecutive, bool has_parent) {
  if (!consecutive) return {};
  if (!has_parent) return {ActionKind::kRemoveSecretary};
  return {ActionKind::kRemoveSecretary, ActionKind::kRemoveParentSecretary};
}

std::vector<Action> ProposedActions(const OrgTable& orgs, const AssessmentResult& result,
                                    std::uint32_t org) {
  const std::int32_t parent = orgs.parent[org];
  std::vector<Action> actions;
  for (ActionKind kind : ProposedActionKinds(result.consecutive[org] != 0, parent != kNoParent)) {
    actions.push_back(
        {kind, kind == ActionKind::kRemoveSecretary ? org : static_cast<std::uint32_t>(parent)});
  }
  return actions;
}

namespace {

Status CheckInput(const Policy& policy, const AssessmentInput& input) {
  if (input.orgs == nullptr || input.scores == nullptr) {
    return Error::Invalid("assessment input lacks organizations or scores");
  }
  const std::size_t n = input.orgs->size();
  const OrgTable& orgs = *input.orgs;
  if (orgs.type.size() != n || orgs.unit.size() != n || orgs.parent.size() != n ||
      input.scores->has_score.size() != n || input.scores->committee_grade.size() != n ||
      input.scores->dimensions.size() != n * kDimensionCount) {
    return Error::Invalid("assessment input columns differ in length");
  }
  if (orgs.unit_codes.size() * kOrgTypeCount >= kMaxGroups) {
    return Error::Invalid("more than " + std::to_string(kMaxGroups / kOrgTypeCount - 1) +
                          " assessing units in one assessment");
  }
  for (std::uint32_t unit : orgs.unit) {
    if (unit >= orgs.unit_codes.size()) return Error::Invalid("organization names no unit");
  }
  for (const ManualDecision& decision : input.manual) {
    if (decision.org >= n) return Error::Invalid("manual decision names no organization");
    if (decision.reason.empty()) {
      return Error::Invalid("a manual decision needs a reason", orgs.code[decision.org]);
    }
  }
  return ValidatePolicy(policy);
}

// Step 0: composite score and grade of every scored organization. kInvalid when a composite
// falls outside [0, 100] (a dimension out of range slipped past validation).
Status ScoreAndGrade(const Policy& policy, const OrgTable& orgs, const YearScores& scores,
                     AssessmentResult& result) {
  const std::size_t n = scores.has_score.size();
  const auto normalized = NormalizedWeights(policy);
  for (std::size_t i = 0; i < n; ++i) {
    if (!scores.has_score[i]) continue;
    const std::int32_t cents = WeightedCents(normalized, &scores.dimensions[i * kDimensionCount]);
    if (cents < 0 || cents > 10'000) {
      return Error::Invalid("a score is outside [0, 100]", orgs.code[i]);
    }
    result.score_cents[i] = cents;
    const std::int8_t committee = scores.committee_grade[i];
    result.grade[i] =
        committee >= 0 ? committee : static_cast<std::int8_t>(GradeFor(policy, cents));
  }
  return Status::Ok();
}

std::size_t GroupOf(const OrgTable& orgs, std::size_t i) {
  return orgs.unit[i] * kOrgTypeCount + static_cast<std::size_t>(orgs.type[i]);
}

// Scored organizations sorted by (group, score): `offsets[g]` to `offsets[g + 1]` in `items`
// are group g's, lowest score first, then by index. `populated[g]` tells whether the group has
// any organization at all, scored or not: those groups are reported in the quotas.
struct SortedGroups {
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint64_t> items;
  std::vector<std::uint8_t> populated;
};

SortedGroups SortByGroupAndScore(const OrgTable& orgs, const AssessmentResult& result) {
  const std::size_t group_count = orgs.unit_codes.size() * kOrgTypeCount;
  SortedGroups sorted;
  sorted.offsets.assign(group_count + 1, 0);
  sorted.populated.assign(group_count, 0);
  for (std::size_t i = 0; i < orgs.size(); ++i) {
    const std::size_t group = GroupOf(orgs, i);
    sorted.populated[group] = 1;
    if (result.score_cents[i] != kNoScore) ++sorted.offsets[group + 1];
  }
  std::partial_sum(sorted.offsets.begin(), sorted.offsets.end(), sorted.offsets.begin());
  sorted.items.resize(sorted.offsets.back());
  std::vector<std::uint32_t> next(sorted.offsets.begin(), sorted.offsets.end() - 1);
  for (std::size_t i = 0; i < orgs.size(); ++i) {
    const std::int32_t cents = result.score_cents[i];
    if (cents == kNoScore) continue;
    const std::size_t group = GroupOf(orgs, i);
    sorted.items[next[group]++] = PackScored(group, cents, static_cast<std::uint32_t>(i));
  }
  std::vector<std::uint64_t> scratch;
  for (std::size_t g = 0; g < group_count; ++g) {
    SortGroupByScore(std::span<std::uint64_t>(sorted.items.data() + sorted.offsets[g],
                                              sorted.offsets[g + 1] - sorted.offsets[g]),
                     scratch);
  }
  return sorted;
}

// Steps 1-3 for one group, lowest score first: ranks (ties share the smaller rank: 1, 2, 2, 4),
// quota = ceil(ratio x count) taken from the bottom; ties at the cut line are all taken
// (take_all) or none of them is (take_none).
void RankAndTakeQuota(const Policy& policy, std::span<const std::uint64_t> group, QuotaGroup& quota,
                      AssessmentResult& result) {
  quota.count = static_cast<std::int64_t>(group.size());
  quota.quota = CeilShare(quota.ratio_ppm, quota.count);
  const auto quota_size = static_cast<std::size_t>(quota.quota);
  std::size_t tie_start = 0;
  while (tie_start < group.size()) {
    const std::int32_t cents = CentsOf(group[tie_start]);
    std::size_t tie_end = tie_start;
    while (tie_end < group.size() && CentsOf(group[tie_end]) == cents) ++tie_end;
    const std::size_t rank = tie_start + 1;
    const bool take =
        rank <= quota_size && (policy.tie_rule == TieRule::kTakeAll || tie_end <= quota_size);
    for (std::size_t pos = tie_start; pos < tie_end; ++pos) {
      const std::uint32_t org = OrgOf(group[pos]);
      result.rank[org] = static_cast<std::int32_t>(rank);
      if (!take) continue;
      result.selected[org] = 1;
      result.reasons[org] |= kReasonBottomQuota;
      quota.cut_cents = cents;
      ++quota.taken;
    }
    tie_start = tie_end;
  }
}

// Step 4 (every D) and step 5 (the committee's hand decisions, which have the last word).
void ApplyGradeDAndManual(const Policy& policy, const AssessmentInput& input,
                          AssessmentResult& result) {
  if (policy.select_grade_d) {
    for (std::size_t i = 0; i < result.grade.size(); ++i) {
      if (result.grade[i] == static_cast<std::int8_t>(Grade::kD)) {
        result.selected[i] = 1;
        result.reasons[i] |= kReasonGradeD;
      }
    }
  }
  for (const ManualDecision& decision : input.manual) {
    if (decision.include) {
      result.selected[decision.org] = 1;
      result.reasons[decision.org] |= kReasonManual;
    } else {
      result.selected[decision.org] = 0;
      result.reasons[decision.org] = 0;
    }
  }
}

// The consecutive rule: selected this year and in each of the previous years the policy asks.
void MarkConsecutive(const Policy& policy, const AssessmentInput& input, AssessmentResult& result) {
  const std::size_t years_back = static_cast<std::size_t>(policy.consecutive_years - 1);
  for (std::size_t i = 0; i < result.selected.size(); ++i) {
    if (!result.selected[i]) continue;
    bool every_year = true;
    for (std::size_t k = 0; k < years_back && every_year; ++k) {
      every_year = k < input.previous_selected.size() && i < input.previous_selected[k].size() &&
                   input.previous_selected[k][i];
    }
    result.consecutive[i] = every_year ? 1 : 0;
  }
}

AssessmentResult EmptyResult(int year, std::size_t n) {
  AssessmentResult result;
  result.year = year;
  result.score_cents.assign(n, kNoScore);
  result.grade.assign(n, -1);
  result.rank.assign(n, 0);
  result.selected.assign(n, 0);
  result.reasons.assign(n, 0);
  result.consecutive.assign(n, 0);
  return result;
}

}  // namespace

Result<AssessmentResult> Assess(const Policy& policy, const AssessmentInput& input) {
  if (Status status = CheckInput(policy, input); !status.ok()) return status.error();
  const OrgTable& orgs = *input.orgs;
  AssessmentResult result = EmptyResult(input.year, orgs.size());
  if (Status status = ScoreAndGrade(policy, orgs, *input.scores, result); !status.ok()) {
    return status.error();
  }

  const SortedGroups groups = SortByGroupAndScore(orgs, result);
  for (std::size_t g = 0; g + 1 < groups.offsets.size(); ++g) {
    if (!groups.populated[g]) continue;
    QuotaGroup quota;
    quota.unit = static_cast<std::uint32_t>(g / kOrgTypeCount);
    quota.type = static_cast<OrgType>(g % kOrgTypeCount);
    quota.ratio_ppm = policy.ratio_ppm[g % kOrgTypeCount];
    const std::span<const std::uint64_t> group(groups.items.data() + groups.offsets[g],
                                               groups.offsets[g + 1] - groups.offsets[g]);
    RankAndTakeQuota(policy, group, quota, result);
    result.quotas.push_back(quota);
  }
  ApplyGradeDAndManual(policy, input, result);
  MarkConsecutive(policy, input, result);
  return result;
}

}  // namespace grassroots::core
