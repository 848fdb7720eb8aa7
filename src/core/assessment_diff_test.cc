#include "core/assessment_diff.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

// Two villages of one unit, one scored and selected, one unscored, and their group.
struct Pair {
  OrgTable orgs;
  AssessmentResult result;
  Pair() {
    orgs.unit_codes = {"north"};
    orgs.Add("V1", OrgType::kVillage, 0, kNoParent);
    orgs.Add("V2", OrgType::kVillage, 0, 0);
    result.year = 2016;
    result.score_cents = {5850, kNoScore};
    result.grade = {static_cast<std::int8_t>(Grade::kD), -1};
    result.rank = {1, 0};
    result.selected = {1, 0};
    result.reasons = {kReasonBottomQuota | kReasonGradeD, 0};
    result.consecutive = {0, 0};
    result.quotas = {{0, OrgType::kVillage, 1, 150'000, 1, 5850, 1}};
  }
};

TEST(FirstDifference, IdenticalResultsHaveNone) {
  const Pair pair;
  EXPECT_FALSE(FirstDifference(pair.orgs, pair.result, pair.result).has_value());
}

TEST(FirstDifference, NamesTheOrganizationTheFieldAndBothValues) {
  const Pair stored;
  Pair recomputed;
  recomputed.result.score_cents[0] = 6000;
  recomputed.result.reasons[0] = kReasonBottomQuota;
  const auto difference = FirstDifference(stored.orgs, stored.result, recomputed.result);
  ASSERT_TRUE(difference.has_value());
  EXPECT_EQ(difference->code, "V1");
  EXPECT_EQ(difference->field, "score");  // the first differing field, in the stated order
  EXPECT_EQ(difference->stored, "58.50");
  EXPECT_EQ(difference->recomputed, "60.00");

  recomputed = Pair();
  recomputed.result.reasons[0] = kReasonBottomQuota;
  const auto reasons = FirstDifference(stored.orgs, stored.result, recomputed.result);
  ASSERT_TRUE(reasons.has_value());
  EXPECT_EQ(reasons->field, "reasons");
  EXPECT_EQ(reasons->stored, "bottom_quota,grade_d");
  EXPECT_EQ(reasons->recomputed, "bottom_quota");
}

TEST(FirstDifference, AnUnscoredValueIsEmpty) {
  const Pair stored;
  Pair recomputed;
  recomputed.result.score_cents[1] = 7000;
  const auto difference = FirstDifference(stored.orgs, stored.result, recomputed.result);
  ASSERT_TRUE(difference.has_value());
  EXPECT_EQ(difference->code, "V2");
  EXPECT_EQ(difference->stored, "");
  EXPECT_EQ(difference->recomputed, "70.00");
}

TEST(FirstDifference, QuotaGroupsAreComparedAfterTheOrganizations) {
  const Pair stored;
  Pair recomputed;
  recomputed.result.quotas[0].taken = 2;
  auto difference = FirstDifference(stored.orgs, stored.result, recomputed.result);
  ASSERT_TRUE(difference.has_value());
  EXPECT_EQ(difference->code, "");
  EXPECT_EQ(difference->unit, "north");
  EXPECT_EQ(difference->type, "village");
  EXPECT_EQ(difference->field, "taken");
  EXPECT_EQ(difference->stored, "1");
  EXPECT_EQ(difference->recomputed, "2");

  recomputed = Pair();
  recomputed.result.quotas.push_back({0, OrgType::kSoe, 0, 50'000, 0, -1, 0});
  difference = FirstDifference(stored.orgs, stored.result, recomputed.result);
  ASSERT_TRUE(difference.has_value());
  EXPECT_EQ(difference->type, "soe");
  EXPECT_EQ(difference->field, "count");
  EXPECT_EQ(difference->stored, "");  // the stored record lacks the group
  EXPECT_EQ(difference->recomputed, "0");
}

}  // namespace
}  // namespace grassroots::core
