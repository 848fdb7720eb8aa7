#include "core/assessment.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace grassroots::core {
namespace {

// Builds an assessment input in a few lines: Org("V1", kVillage).Score(60) ...
class Fixture {
 public:
  Fixture() { orgs_.unit_codes = {"default"}; }

  Fixture& Unit(const std::string& code) {
    orgs_.unit_codes.push_back(code);
    unit_ = static_cast<std::uint32_t>(orgs_.unit_codes.size() - 1);
    return *this;
  }
  // An organization of the current unit, scored `score` in every dimension (or unscored).
  Fixture& Org(const std::string& code, OrgType type, std::optional<double> score,
               const std::string& parent = "", std::optional<Grade> committee = std::nullopt) {
    std::int32_t parent_index = kNoParent;
    if (!parent.empty()) parent_index = static_cast<std::int32_t>(Index(parent));
    orgs_.Add(code, type, unit_, parent_index);
    entries_.push_back({score, committee});
    return *this;
  }
  std::uint32_t Index(const std::string& code) const {
    for (std::uint32_t i = 0; i < orgs_.size(); ++i) {
      if (orgs_.code[i] == code) return i;
    }
    ADD_FAILURE() << "no organization " << code;
    return 0;
  }
  Fixture& PreviouslySelected(std::vector<std::string> codes) {
    std::vector<std::uint8_t> selected(orgs_.size(), 0);
    for (const auto& code : codes) selected[Index(code)] = 1;
    previous_.push_back(selected);
    return *this;
  }
  Fixture& Manual(const std::string& code, bool include, const std::string& reason) {
    manual_.push_back({Index(code), include, reason});
    return *this;
  }
  AssessmentResult Run(const Policy& policy = MoheDefaultPolicy()) {
    scores_.Resize(orgs_.size());
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      if (!entries_[i].score) continue;
      std::array<double, kDimensionCount> values;
      values.fill(*entries_[i].score);
      scores_.Set(i, values, entries_[i].committee);
    }
    AssessmentInput input{2016, &orgs_, &scores_, previous_, manual_};
    auto result = Assess(policy, input);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    return result.ok() ? std::move(result).value() : AssessmentResult{};
  }
  std::vector<std::string> Selected(const AssessmentResult& result) const {
    std::vector<std::string> codes;
    for (std::size_t i = 0; i < orgs_.size(); ++i) {
      if (result.selected[i]) codes.push_back(orgs_.code[i]);
    }
    return codes;
  }
  const OrgTable& orgs() const { return orgs_; }

 private:
  struct Entry {
    std::optional<double> score;
    std::optional<Grade> committee;
  };
  OrgTable orgs_;
  YearScores scores_;
  std::vector<Entry> entries_;
  std::vector<std::vector<std::uint8_t>> previous_;
  std::vector<ManualDecision> manual_;
  std::uint32_t unit_ = 0;
};

using Codes = std::vector<std::string>;

TEST(Composite, IsTheWeightedMeanRoundedHalfAwayFromZero) {
  Policy policy = MoheDefaultPolicy();
  const double dims[] = {72, 70, 71, 73, 69, 70};  // 425 / 6 = 70.8333...
  EXPECT_EQ(CompositeCents(policy, dims), 7083);
  const double half[] = {60.01, 60.0, 60.0, 60.0, 60.0, 60.02};  // 60.005
  EXPECT_EQ(CompositeCents(policy, half), 6001);
  policy.weights = {2, 1, 1, 1, 1, 0};
  const double weighted[] = {90, 60, 60, 60, 60, 0};  // (180 + 240) / 6 = 70
  EXPECT_EQ(CompositeCents(policy, weighted), 7000);
}

TEST(Grade, ThresholdsAreInclusiveLowerBounds) {
  const Policy policy = MoheDefaultPolicy();
  EXPECT_EQ(GradeFor(policy, 9000), Grade::kA);
  EXPECT_EQ(GradeFor(policy, 8999), Grade::kB);
  EXPECT_EQ(GradeFor(policy, 8000), Grade::kB);
  EXPECT_EQ(GradeFor(policy, 6000), Grade::kC);
  EXPECT_EQ(GradeFor(policy, 5999), Grade::kD);
  EXPECT_EQ(GradeFor(policy, 0), Grade::kD);
}

TEST(Selection, QuotaIsTheCeilingOfRatioTimesScoredCount) {
  Fixture f;
  for (int i = 0; i < 20; ++i) f.Org("V" + std::to_string(100 + i), OrgType::kVillage, 61 + i);
  const auto result = f.Run();
  ASSERT_EQ(result.quotas.size(), 1u);
  EXPECT_EQ(result.quotas[0].count, 20);
  EXPECT_EQ(result.quotas[0].quota, 3);  // 15% of 20 is exactly 3, not 4
  EXPECT_EQ(f.Selected(result), (Codes{"V100", "V101", "V102"}));
}

TEST(Selection, RanksLowestFirstAndTiesShareTheSmallerRank) {
  Fixture f;
  f.Org("A", OrgType::kAgency, 70).Org("B", OrgType::kAgency, 80);
  f.Org("C", OrgType::kAgency, 80).Org("D", OrgType::kAgency, 90);
  const auto result = f.Run();
  EXPECT_EQ(result.rank, (std::vector<std::int32_t>{1, 2, 2, 4}));
}

TEST(Selection, TiesAtTheCutLineAreAllTaken) {
  Fixture f;
  f.Org("C1", OrgType::kCommunity, 70).Org("C2", OrgType::kCommunity, 70);
  f.Org("C3", OrgType::kCommunity, 85).Org("C4", OrgType::kCommunity, 88);
  const auto result = f.Run();
  EXPECT_EQ(result.quotas[0].quota, 1);
  EXPECT_EQ(result.quotas[0].taken, 2);
  EXPECT_EQ(f.Selected(result), (Codes{"C1", "C2"}));
}

TEST(Selection, TiesAreJudgedOnTheRoundedScore) {
  Fixture f;
  f.Org("S1", OrgType::kSoe, 70.001).Org("S2", OrgType::kSoe, 70.004).Org("S3", OrgType::kSoe, 80);
  const auto result = f.Run();
  EXPECT_EQ(result.rank[0], 1);
  EXPECT_EQ(result.rank[1], 1);
  EXPECT_EQ(f.Selected(result), (Codes{"S1", "S2"}));
}

TEST(Selection, AllTiedTakesTheWholeGroup) {
  Fixture f;
  for (int i = 0; i < 5; ++i) f.Org("N" + std::to_string(i), OrgType::kNonpublic, 75);
  const auto result = f.Run();
  EXPECT_EQ(f.Selected(result).size(), 5u);
  ASSERT_EQ(result.rank.size(), 5u);
  for (int r : result.rank) EXPECT_EQ(r, 1);
}

TEST(Selection, TakeNoneTieRuleLeavesTheTiedCutLineOut) {
  Policy policy = MoheDefaultPolicy();
  policy.tie_rule = TieRule::kTakeNone;
  Fixture f;
  f.Org("C1", OrgType::kCommunity, 65).Org("C2", OrgType::kCommunity, 70);
  f.Org("C3", OrgType::kCommunity, 70).Org("C4", OrgType::kCommunity, 88);
  f.Org("C5", OrgType::kCommunity, 89).Org("C6", OrgType::kCommunity, 89);
  f.Org("C7", OrgType::kCommunity, 89).Org("C8", OrgType::kCommunity, 89);
  f.Org("C9", OrgType::kCommunity, 89).Org("C10", OrgType::kCommunity, 89);
  f.Org("C11", OrgType::kCommunity, 89);  // 11 scored: quota ceil(1.1) = 2
  const auto result = f.Run(policy);
  EXPECT_EQ(result.quotas[0].quota, 2);
  EXPECT_EQ(f.Selected(result), (Codes{"C1"}));
}

TEST(Selection, QuotaZeroSelectsNobodyByRank) {
  Policy policy = MoheDefaultPolicy();
  policy.ratio_ppm[static_cast<int>(OrgType::kAgency)] = 0;
  Fixture f;
  f.Org("A1", OrgType::kAgency, 70).Org("A2", OrgType::kAgency, 80);
  const auto result = f.Run(policy);
  EXPECT_EQ(result.quotas[0].quota, 0);
  EXPECT_EQ(result.quotas[0].cut_cents, -1);
  EXPECT_TRUE(f.Selected(result).empty());
}

TEST(Selection, GradeDOutsideTheQuotaIsSelectedForGradeDOnly) {
  Fixture f;
  f.Org("V1", OrgType::kVillage, 50).Org("V2", OrgType::kVillage, 55);
  for (int i = 0; i < 10; ++i) f.Org("V" + std::to_string(10 + i), OrgType::kVillage, 80 + i);
  const auto result = f.Run();  // 12 scored: quota ceil(1.8) = 2, both D
  EXPECT_EQ(result.reasons[0], kReasonBottomQuota | kReasonGradeD);
  EXPECT_EQ(result.reasons[1], kReasonBottomQuota | kReasonGradeD);
  Fixture g;
  g.Org("N1", OrgType::kNonpublic, 70).Org("N2", OrgType::kNonpublic, 80);
  g.Org("N3", OrgType::kNonpublic, 95, "", Grade::kD);  // committee grade D on a high score
  const auto r = g.Run();
  EXPECT_EQ(g.Selected(r), (Codes{"N1", "N3"}));
  EXPECT_EQ(r.reasons[2], kReasonGradeD);
  EXPECT_EQ(r.grade[2], static_cast<std::int8_t>(Grade::kD));
  EXPECT_EQ(r.rank[2], 3);
}

TEST(Selection, CommitteeGradeReplacesTheComputedGrade) {
  Fixture f;
  f.Org("A1", OrgType::kAgency, 70, "", Grade::kA).Org("A2", OrgType::kAgency, 95);
  const auto result = f.Run();
  EXPECT_EQ(result.grade[0], static_cast<std::int8_t>(Grade::kA));
  EXPECT_EQ(result.score_cents[0], 7000);
}

TEST(Selection, UnscoredOrganizationIsNotRankedCountedOrSelected) {
  Fixture f;
  f.Org("V1", OrgType::kVillage, std::nullopt).Org("V2", OrgType::kVillage, 70);
  const auto result = f.Run();
  EXPECT_EQ(result.score_cents[0], kNoScore);
  EXPECT_EQ(result.grade[0], -1);
  EXPECT_EQ(result.rank[0], 0);
  EXPECT_EQ(result.quotas[0].count, 1);
  EXPECT_EQ(f.Selected(result), (Codes{"V2"}));
}

TEST(Selection, TypeWithOrganizationsButNoScoresHasAZeroQuota) {
  Fixture f;
  f.Org("I1", OrgType::kInstitution, std::nullopt).Org("V1", OrgType::kVillage, 70);
  const auto result = f.Run();
  ASSERT_EQ(result.quotas.size(), 2u);  // village and institution; empty types are left out
  EXPECT_EQ(result.quotas[0].type, OrgType::kVillage);
  EXPECT_EQ(result.quotas[1].type, OrgType::kInstitution);
  EXPECT_EQ(result.quotas[1].count, 0);
  EXPECT_EQ(result.quotas[1].quota, 0);
}

TEST(Selection, EmptyInputGivesAnEmptyResult) {
  Fixture f;
  const auto result = f.Run();
  EXPECT_TRUE(result.quotas.empty());
  EXPECT_EQ(result.SelectedCount(), 0u);
}

TEST(Selection, EachUnitRanksItsOwnTypes) {
  Fixture f;
  f.Org("A-V1", OrgType::kVillage, 50).Org("A-V2", OrgType::kVillage, 90);
  f.Unit("B").Org("B-V1", OrgType::kVillage, 85).Org("B-V2", OrgType::kVillage, 95);
  const auto result = f.Run();
  EXPECT_EQ(f.Selected(result), (Codes{"A-V1", "B-V1"}));
  EXPECT_EQ(result.rank[f.Index("B-V1")], 1);
  ASSERT_EQ(result.quotas.size(), 2u);
  EXPECT_EQ(result.quotas[1].unit, 1u);
}

TEST(Selection, ManualIncludeAndExcludeHaveTheLastWord) {
  Fixture f;
  f.Org("A1", OrgType::kAgency, 70).Org("A2", OrgType::kAgency, 80).Org("A3", OrgType::kAgency, 90);
  f.Manual("A1", false, "已在上级督导下完成整改").Manual("A3", true, "群众反映强烈");
  const auto result = f.Run();
  EXPECT_EQ(f.Selected(result), (Codes{"A3"}));
  EXPECT_EQ(result.reasons[2], kReasonManual);
  EXPECT_EQ(result.reasons[0], 0);
}

TEST(Selection, ManualDecisionWithoutReasonIsRefused) {
  OrgTable orgs;
  orgs.unit_codes = {"default"};
  orgs.Add("A1", OrgType::kAgency, 0, kNoParent);
  YearScores scores;
  scores.Resize(1);
  AssessmentInput input{2016, &orgs, &scores, {}, {{0, true, ""}}};
  const auto result = Assess(MoheDefaultPolicy(), input);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalid);
}

TEST(Consecutive, DirectOrganizationLosesItsSecretary) {
  Fixture f;
  f.Org("T1", OrgType::kVillage, 60).Org("T2", OrgType::kVillage, 90);
  f.PreviouslySelected({"T1"});
  const auto result = f.Run();
  EXPECT_TRUE(result.consecutive[0]);
  const auto actions = ProposedActions(f.orgs(), result, 0);
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0].kind, ActionKind::kRemoveSecretary);
  EXPECT_EQ(actions[0].org, 0u);
}

TEST(Consecutive, SecondLevelBranchLosesItsAndItsParentsSecretary) {
  Fixture f;
  f.Org("T1", OrgType::kVillage, 90).Org("V1", OrgType::kVillage, 60, "T1");
  f.PreviouslySelected({"V1"});
  const auto result = f.Run();
  const auto actions = ProposedActions(f.orgs(), result, 1);
  ASSERT_EQ(actions.size(), 2u);
  EXPECT_EQ(actions[0].kind, ActionKind::kRemoveSecretary);
  EXPECT_EQ(actions[0].org, 1u);
  EXPECT_EQ(actions[1].kind, ActionKind::kRemoveParentSecretary);
  EXPECT_EQ(actions[1].org, 0u);
}

TEST(Consecutive, NeedsSelectionInBothYears) {
  Fixture f;
  f.Org("V1", OrgType::kVillage, 60).Org("V2", OrgType::kVillage, 90);
  f.PreviouslySelected({"V2"});  // selected last year, not this year
  const auto result = f.Run();
  EXPECT_FALSE(result.consecutive[0]);  // selected this year only
  EXPECT_FALSE(result.consecutive[1]);
  EXPECT_TRUE(ProposedActions(f.orgs(), result, 1).empty());
}

TEST(Consecutive, NoPreviousAssessmentMeansNoneConsecutive) {
  Fixture f;
  f.Org("V1", OrgType::kVillage, 60);
  const auto result = f.Run();
  EXPECT_TRUE(result.selected[0]);
  EXPECT_FALSE(result.consecutive[0]);
}

TEST(Consecutive, ThreeYearPolicyLooksTwoYearsBack) {
  Policy policy = MoheDefaultPolicy();
  policy.consecutive_years = 3;
  Fixture f;
  f.Org("V1", OrgType::kVillage, 60)
      .Org("V2", OrgType::kVillage, 61)
      .Org("V3", OrgType::kVillage, 99);
  f.PreviouslySelected({"V1", "V2"}).PreviouslySelected({"V1"});
  policy.ratio_ppm[0] = 600'000;  // quota 2 of 3
  const auto result = f.Run(policy);
  EXPECT_TRUE(result.consecutive[0]);
  EXPECT_FALSE(result.consecutive[1]);
}

}  // namespace
}  // namespace grassroots::core
