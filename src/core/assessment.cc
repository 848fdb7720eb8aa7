#include "core/assessment.h"

#include <algorithm>
#include <numeric>
#include <span>
#include <string>

namespace grassroots::core {

void YearScores::Resize(std::size_t n) {
  has_score.assign(n, 0);
  dimensions.assign(n * kDimensionCount, 0.0);
  committee_grade.assign(n, -1);
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

std::int32_t CompositeCents(const Policy& policy, const double* dimensions) {
  double weighted = 0;
  double weight_sum = 0;
  for (int d = 0; d < kDimensionCount; ++d) {
    weighted += policy.weights[d] * dimensions[d];
    weight_sum += policy.weights[d];
  }
  return RoundToCents(weighted / weight_sum);
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

std::vector<Action> ProposedActions(const OrgTable& orgs, const AssessmentResult& result,
                                    std::uint32_t org) {
  if (!result.consecutive[org]) return {};
  std::vector<Action> actions = {{ActionKind::kRemoveSecretary, org}};
  if (orgs.parent[org] != kNoParent) {
    actions.push_back(
        {ActionKind::kRemoveParentSecretary, static_cast<std::uint32_t>(orgs.parent[org])});
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

// Step 0: composite score and grade of every scored organization.
void ScoreAndGrade(const Policy& policy, const YearScores& scores, AssessmentResult& result) {
  const std::size_t n = scores.has_score.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (!scores.has_score[i]) continue;
    const std::int32_t cents = CompositeCents(policy, &scores.dimensions[i * kDimensionCount]);
    result.score_cents[i] = cents;
    const std::int8_t committee = scores.committee_grade[i];
    result.grade[i] =
        committee >= 0 ? committee : static_cast<std::int8_t>(GradeFor(policy, cents));
  }
}

// Scored organizations bucketed by group (unit x type) with a counting sort: `offsets[g]` to
// `offsets[g + 1]` in `members` are group g's organizations.
struct Groups {
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint32_t> members;
};

std::size_t GroupOf(const OrgTable& orgs, std::size_t i) {
  return orgs.unit[i] * kOrgTypeCount + static_cast<std::size_t>(orgs.type[i]);
}

Groups BucketByGroup(const OrgTable& orgs, const AssessmentResult& result) {
  const std::size_t group_count = orgs.unit_codes.size() * kOrgTypeCount;
  Groups groups;
  groups.offsets.assign(group_count + 1, 0);
  for (std::size_t i = 0; i < orgs.size(); ++i) {
    if (result.score_cents[i] != kNoScore) ++groups.offsets[GroupOf(orgs, i) + 1];
  }
  std::partial_sum(groups.offsets.begin(), groups.offsets.end(), groups.offsets.begin());
  groups.members.resize(groups.offsets.back());
  std::vector<std::uint32_t> next(groups.offsets.begin(), groups.offsets.end() - 1);
  for (std::size_t i = 0; i < orgs.size(); ++i) {
    if (result.score_cents[i] != kNoScore) {
      groups.members[next[GroupOf(orgs, i)]++] = static_cast<std::uint32_t>(i);
    }
  }
  return groups;
}

// ceil(ppm x count / 1e6) in integers, so 15% of 20 is exactly 3.
std::int64_t QuotaOf(std::int64_t ratio_ppm, std::int64_t count) {
  return (ratio_ppm * count + kPpm - 1) / kPpm;
}

// Step 1 for one group: rank lowest first, ties sharing the smaller rank (1, 2, 2, 4). Leaves
// the group in `sorted` as (cents << 32 | org), ascending.
QuotaGroup RankGroup(std::span<const std::uint32_t> group, std::vector<std::uint64_t>& sorted,
                     AssessmentResult& result) {
  sorted.clear();
  for (std::uint32_t org : group) {
    sorted.push_back(static_cast<std::uint64_t>(result.score_cents[org]) << 32 | org);
  }
  std::sort(sorted.begin(), sorted.end());
  QuotaGroup quota;
  quota.count = static_cast<std::int64_t>(sorted.size());
  std::size_t tie_start = 0;
  for (std::size_t pos = 0; pos < sorted.size(); ++pos) {
    const auto cents = static_cast<std::int32_t>(sorted[pos] >> 32);
    if (pos > 0 && cents != static_cast<std::int32_t>(sorted[pos - 1] >> 32)) tie_start = pos;
    result.rank[static_cast<std::uint32_t>(sorted[pos])] = static_cast<std::int32_t>(tie_start + 1);
  }
  return quota;
}

// Steps 2-3: quota = ceil(ratio x count), taken from the bottom; ties at the cut line are all
// taken (take_all) or none of them is (take_none).
void TakeQuota(const Policy& policy, const std::vector<std::uint64_t>& sorted, QuotaGroup& quota,
               AssessmentResult& result) {
  quota.quota = QuotaOf(quota.ratio_ppm, quota.count);
  const auto quota_size = static_cast<std::size_t>(quota.quota);
  for (std::size_t pos = 0; pos < sorted.size(); ++pos) {
    const auto org = static_cast<std::uint32_t>(sorted[pos]);
    const auto rank = static_cast<std::size_t>(result.rank[org]);
    if (rank > quota_size) break;
    if (policy.tie_rule == TieRule::kTakeNone) {
      // The tie group ends where the next organization has a higher rank.
      std::size_t tie_end = pos;
      while (tie_end + 1 < sorted.size() &&
             result.rank[static_cast<std::uint32_t>(sorted[tie_end + 1])] ==
                 static_cast<std::int32_t>(rank)) {
        ++tie_end;
      }
      if (tie_end + 1 > quota_size) break;
    }
    result.selected[org] = 1;
    result.reasons[org] |= kReasonBottomQuota;
    quota.cut_cents = result.score_cents[org];
    ++quota.taken;
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

// Whether a (unit, type) group has any organization at all, scored or not: those groups are
// reported in the quotas even when nobody in them was scored.
std::vector<std::uint8_t> PopulatedGroups(const OrgTable& orgs) {
  std::vector<std::uint8_t> populated(orgs.unit_codes.size() * kOrgTypeCount, 0);
  for (std::size_t i = 0; i < orgs.size(); ++i) populated[GroupOf(orgs, i)] = 1;
  return populated;
}

}  // namespace

Result<AssessmentResult> Assess(const Policy& policy, const AssessmentInput& input) {
  if (Status status = CheckInput(policy, input); !status.ok()) return status.error();
  const OrgTable& orgs = *input.orgs;
  AssessmentResult result = EmptyResult(input.year, orgs.size());
  ScoreAndGrade(policy, *input.scores, result);

  const Groups groups = BucketByGroup(orgs, result);
  const std::vector<std::uint8_t> populated = PopulatedGroups(orgs);
  std::vector<std::uint64_t> sorted;
  for (std::size_t g = 0; g + 1 < groups.offsets.size(); ++g) {
    if (!populated[g]) continue;
    const std::span<const std::uint32_t> group(groups.members.data() + groups.offsets[g],
                                               groups.offsets[g + 1] - groups.offsets[g]);
    QuotaGroup quota = RankGroup(group, sorted, result);
    quota.unit = static_cast<std::uint32_t>(g / kOrgTypeCount);
    quota.type = static_cast<OrgType>(g % kOrgTypeCount);
    quota.ratio_ppm = policy.ratio_ppm[g % kOrgTypeCount];
    TakeQuota(policy, sorted, quota, result);
    result.quotas.push_back(quota);
  }
  ApplyGradeDAndManual(policy, input, result);
  MarkConsecutive(policy, input, result);
  return result;
}

}  // namespace grassroots::core
