#include "config/policy_file.h"

#include <gtest/gtest.h>

#include <string>

namespace grassroots::config {
namespace {

const std::string kValid = R"(
name = "test"
[weights]
team = 1
leader = 1
venue = 1
routine = 1
service = 1
members = 1
[grades]
a = 90
b = 80.0
c = 60
[ratios]
village = 0.15
community = 0.1
soe = 0.05
nonpublic = 0.05
agency = 0.05
institution = 0.05
[selection]
tie_rule = "take_all"
grade_d_selected = true
[consecutive]
years = 2
[spot_check]
ratio = 0.1
min_selected = 1
[support]
village_fund_yuan = 50000
)";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(PolicyFile, BuiltInIsTheMoheDefault) {
  const LoadedPolicy loaded = BuiltInPolicy();
  EXPECT_EQ(core::CanonicalPolicyText(loaded.policy),
            core::CanonicalPolicyText(core::MoheDefaultPolicy()));
  EXPECT_EQ(loaded.version.rfind("sha256:", 0), 0u);
  EXPECT_EQ(loaded.version.size(), 7u + 16u);
}

TEST(PolicyFile, VersionIgnoresCommentsSpacingAndNumberSpelling) {
  const auto a = ParsePolicy(kValid, "a.toml");
  ASSERT_TRUE(a.ok()) << a.error().message;
  auto b = ParsePolicy("# a comment\n" + Replace(kValid, "community = 0.1", "community = 0.100"),
                       "b.toml");
  ASSERT_TRUE(b.ok()) << b.error().message;
  EXPECT_EQ(a.value().version, b.value().version);
  auto c = ParsePolicy(Replace(kValid, "community = 0.1", "community = 0.12"), "c.toml");
  ASSERT_TRUE(c.ok());
  EXPECT_NE(a.value().version, c.value().version);
}

TEST(PolicyFile, MissingKeyIsNamed) {
  const auto result = ParsePolicy(Replace(kValid, "soe = 0.05\n", ""), "p.toml");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, "ratios.soe");
  EXPECT_NE(result.error().message.find("p.toml"), std::string::npos);
}

TEST(PolicyFile, WrongTypeIsNamed) {
  const auto result = ParsePolicy(Replace(kValid, "years = 2", "years = \"two\""), "p.toml");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, "consecutive.years");
}

TEST(PolicyFile, UnknownKeyIsRefused) {
  const auto result = ParsePolicy(Replace(kValid, "soe = 0.05", "soe = 0.05\nsoee = 0.1"), "p");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, "ratios.soee");
}

// Whether secretaries read the committee's reason is optional (hidden when left out), checked
// like every key, and no part of the version: it decides who reads, not how the county assesses.
TEST(PolicyFile, TheCommitteeReasonIsHiddenFromSecretariesUnlessTheFileSaysSo) {
  const auto plain = ParsePolicy(kValid, "p");
  ASSERT_TRUE(plain.ok()) << plain.error().message;
  EXPECT_FALSE(plain.value().policy.committee_reason_to_secretaries);
  const auto open =
      ParsePolicy(kValid + "\n[disclosure]\ncommittee_reason_to_secretaries = true\n", "p");
  ASSERT_TRUE(open.ok()) << open.error().message;
  EXPECT_TRUE(open.value().policy.committee_reason_to_secretaries);
  EXPECT_EQ(open.value().version, plain.value().version);
  const auto wrong =
      ParsePolicy(kValid + "\n[disclosure]\ncommittee_reason_to_secretaries = 1\n", "p");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().field, "disclosure.committee_reason_to_secretaries");
}

TEST(PolicyFile, SupervisionThresholdsAreOptionalWithDefaultsAndChecked) {
  const auto plain = ParsePolicy(kValid, "p");
  ASSERT_TRUE(plain.ok()) << plain.error().message;
  EXPECT_EQ(plain.value().policy.supervision.red_overdue_days, 30);
  EXPECT_EQ(plain.value().policy.supervision.due_soon_days, 7);
  EXPECT_EQ(plain.value().policy.supervision.inquiry_overdue_days, 15);
  EXPECT_EQ(plain.value().policy.supervision.admonition_overdue_days, 30);
  const auto set = ParsePolicy(kValid + "\n[supervision]\nred_overdue_days = 10\n", "p");
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_EQ(set.value().policy.supervision.red_overdue_days, 10);
  EXPECT_EQ(set.value().version, plain.value().version);  // no assessment rule
  const auto zero = ParsePolicy(kValid + "\n[supervision]\nred_overdue_days = 0\n", "p");
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.error().field, "supervision.red_overdue_days");
  const auto order = ParsePolicy(
      kValid + "\n[supervision]\ninquiry_overdue_days = 20\nadmonition_overdue_days = 10\n", "p");
  ASSERT_FALSE(order.ok());
  EXPECT_EQ(order.error().reason, "admonition_before_inquiry");
  EXPECT_EQ(BuiltInPolicy().policy.supervision.due_soon_days, 7);
}

TEST(PolicyFile, PartyLifeCountsAreOptionalWithDefaultsAndChecked) {
  const auto plain = ParsePolicy(kValid, "p");
  ASSERT_TRUE(plain.ok()) << plain.error().message;
  EXPECT_EQ(plain.value().policy.party_life.branch_meeting, 1);
  EXPECT_EQ(plain.value().policy.party_life.committee_meeting, 3);
  EXPECT_EQ(plain.value().policy.party_life.group_meeting, 3);
  EXPECT_EQ(plain.value().policy.party_life.party_lecture, 1);
  const auto set = ParsePolicy(kValid + "\n[party_life]\ncommittee_meeting_per_quarter = 2\n", "p");
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_EQ(set.value().policy.party_life.committee_meeting, 2);
  EXPECT_EQ(set.value().version, plain.value().version);  // no assessment rule
  const auto negative =
      ParsePolicy(kValid + "\n[party_life]\nparty_lecture_per_quarter = -1\n", "p");
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.error().field, "party_life.party_lecture_per_quarter");
  EXPECT_FALSE(ParsePolicy(kValid + "\n[party_life]\nlectures = 1\n", "p").ok());  // a typo
  EXPECT_EQ(BuiltInPolicy().policy.party_life.group_meeting, 3);  // the shipped file's
}

TEST(PolicyFile, OutOfRangeValueIsNamed) {
  const auto result = ParsePolicy(Replace(kValid, "village = 0.15", "village = 1.5"), "p");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, "ratios.village");
}

TEST(PolicyFile, SyntaxErrorNamesTheLine) {
  const auto result = ParsePolicy("name = \"x\"\n[weights\n", "broken.toml");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("broken.toml:2"), std::string::npos)
      << result.error().message;
}

TEST(PolicyFile, UnreadableFileIsUnavailable) {
  const auto result = LoadPolicyFile("/nonexistent/policy.toml");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace grassroots::config
