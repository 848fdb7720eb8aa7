#include "core/policy.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

TEST(Policy, MoheDefaultIsValid) {
  const Policy policy = MoheDefaultPolicy();
  EXPECT_TRUE(ValidatePolicy(policy).ok());
  EXPECT_DOUBLE_EQ(policy.Ratio(OrgType::kVillage), 0.15);
  EXPECT_DOUBLE_EQ(policy.Ratio(OrgType::kCommunity), 0.10);
  EXPECT_DOUBLE_EQ(policy.Ratio(OrgType::kInstitution), 0.05);
}

TEST(Policy, InvalidValuesNameTheirKey) {
  Policy policy = MoheDefaultPolicy();
  policy.ratio_ppm[static_cast<int>(OrgType::kSoe)] = 2 * kPpm;
  auto status = ValidatePolicy(policy);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().field, "ratios.soe");

  policy = MoheDefaultPolicy();
  policy.grade_b_cents = 9500;
  status = ValidatePolicy(policy);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().field, "grades");

  policy = MoheDefaultPolicy();
  policy.weights = {0, 0, 0, 0, 0, 0};
  EXPECT_EQ(ValidatePolicy(policy).error().field, "weights");

  policy = MoheDefaultPolicy();
  policy.weights[2] = -1;
  EXPECT_EQ(ValidatePolicy(policy).error().field, "weights.venue");

  policy = MoheDefaultPolicy();
  policy.consecutive_years = 1;
  EXPECT_EQ(ValidatePolicy(policy).error().field, "consecutive.years");
}

TEST(Policy, CanonicalTextChangesWithEveryValue) {
  const Policy base = MoheDefaultPolicy();
  Policy changed = base;
  EXPECT_EQ(CanonicalPolicyText(base), CanonicalPolicyText(changed));
  changed.ratio_ppm[0] = 160'000;
  EXPECT_NE(CanonicalPolicyText(base), CanonicalPolicyText(changed));
  changed = base;
  changed.tie_rule = TieRule::kTakeNone;
  EXPECT_NE(CanonicalPolicyText(base), CanonicalPolicyText(changed));
  EXPECT_NE(CanonicalPolicyText(base).find("ratios.village=0.150000\n"), std::string::npos);
}

}  // namespace
}  // namespace grassroots::core
