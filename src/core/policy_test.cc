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

// Every value away from its default, including a weight that only %.17g writes exactly.
Policy UnusualPolicy() {
  Policy policy = MoheDefaultPolicy();
  policy.name = "县 A 2017 (strict)";
  policy.weights = {0.1, 2.5, 1.0 / 3.0, 0, 1e-7, 123456.789};
  policy.grade_a_cents = 9250;
  policy.grade_b_cents = 8001;
  policy.grade_c_cents = 5999;
  policy.ratio_ppm = {125'000, 1, 0, 1'000'000, 333'333, 50'000};
  policy.tie_rule = TieRule::kTakeNone;
  policy.select_grade_d = false;
  policy.consecutive_years = 3;
  policy.spot_check_ppm = 7;
  policy.spot_check_min_selected = 0;
  policy.village_fund_fen = 12'345'678;
  return policy;
}

void ExpectSamePolicy(const Policy& a, const Policy& b) {
  EXPECT_EQ(a.name, b.name);
  for (int d = 0; d < kDimensionCount; ++d) EXPECT_EQ(a.weights[d], b.weights[d]) << d;
  EXPECT_EQ(a.grade_a_cents, b.grade_a_cents);
  EXPECT_EQ(a.grade_b_cents, b.grade_b_cents);
  EXPECT_EQ(a.grade_c_cents, b.grade_c_cents);
  EXPECT_EQ(a.ratio_ppm, b.ratio_ppm);
  EXPECT_EQ(a.tie_rule, b.tie_rule);
  EXPECT_EQ(a.select_grade_d, b.select_grade_d);
  EXPECT_EQ(a.consecutive_years, b.consecutive_years);
  EXPECT_EQ(a.spot_check_ppm, b.spot_check_ppm);
  EXPECT_EQ(a.spot_check_min_selected, b.spot_check_min_selected);
  EXPECT_EQ(a.village_fund_fen, b.village_fund_fen);
}

TEST(PolicyText, EveryPolicyReadsBackFromItsCanonicalTextExactly) {
  for (const Policy& policy : {MoheDefaultPolicy(), UnusualPolicy()}) {
    SCOPED_TRACE(policy.name);
    ASSERT_TRUE(ValidatePolicy(policy).ok());
    const std::string text = CanonicalPolicyText(policy);
    const Result<Policy> parsed = ParseCanonicalPolicyText(text);
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    ExpectSamePolicy(parsed.value(), policy);
    EXPECT_EQ(CanonicalPolicyText(parsed.value()), text);
  }
}

TEST(PolicyText, AnyAlteredLineIsRefusedWithItsLineNumber) {
  const std::string text = CanonicalPolicyText(MoheDefaultPolicy());
  const auto refused = [](std::string altered) {
    const Result<Policy> parsed = ParseCanonicalPolicyText(altered);
    EXPECT_FALSE(parsed.ok()) << altered;
    return parsed.ok() ? Error{} : parsed.error();
  };
  std::string changed = text;
  changed.replace(changed.find("grades.b=80.00"), 14, "grades.b=80.0");
  const Error error = refused(changed);
  EXPECT_EQ(error.field, "policy");
  EXPECT_EQ(error.reason, "policy_text_malformed");
  EXPECT_EQ(error.params, (Params{{"line", "10"}}));

  changed = text;
  changed.replace(changed.find("weights.team=1"), 14, "weights.team=1.0");  // not canonical
  refused(changed);
  changed = text;
  changed.replace(changed.find("ratios.soe="), 6, "ratios.SOE");  // a key out of order
  refused(changed);
  refused(text + "extra=1\n");
  refused(text.substr(0, text.size() - 1));  // the last line cut short
  refused("");
  changed = text;
  changed.replace(changed.find("grades.a=90.00"), 14, "grades.a=70.00");  // a < b
  EXPECT_EQ(refused(changed).field, "grades");
}

TEST(PolicyText, ANameOnSeveralLinesIsRefused) {
  Policy policy = MoheDefaultPolicy();
  policy.name = "two\nlines";
  EXPECT_EQ(ValidatePolicy(policy).error().field, "name");
}

}  // namespace
}  // namespace grassroots::core
