// The streamed assessment JSON (WriteAssessmentJson) against the tree it replaces
// (AssessmentToJson(...).dump(1)): the same bytes for every shape an assessment can take.
#include "export/assessment_json.h"

#include <gtest/gtest.h>

#include <sstream>

namespace grassroots::exporting {
namespace {

std::string Streamed(const core::OrgTable& orgs, const core::AssessmentResult& result,
                     const std::string& policy_version) {
  std::ostringstream out;
  WriteAssessmentJson(out, orgs, result, policy_version);
  return out.str();
}

std::string Tree(const core::OrgTable& orgs, const core::AssessmentResult& result,
                 const std::string& policy_version) {
  return AssessmentToJson(orgs, result, policy_version).dump(1);
}

void Add(core::AssessmentResult& result, std::int32_t cents, std::uint8_t reasons,
         bool consecutive) {
  const bool scored = cents != core::kNoScore;
  result.score_cents.push_back(cents);
  result.grade.push_back(scored ? static_cast<std::int8_t>(cents % 4) : std::int8_t{-1});
  result.rank.push_back(scored ? 1 + cents % 7 : 0);
  result.reasons.push_back(reasons);
  result.selected.push_back(reasons != 0 ? 1 : 0);
  result.consecutive.push_back(consecutive ? 1 : 0);
}

// Every score from 0.00 to 100.00, every combination of reasons, with and without a parent and
// the consecutive rule, in two units (quotas keyed by unit), codes not in code order.
TEST(AssessmentJsonTest, StreamedIsByteForByteTheTreeDumped) {
  core::OrgTable orgs;
  orgs.unit_codes = {"U2", "U1"};
  core::AssessmentResult result;
  result.year = 2016;
  for (std::int32_t cents = -1; cents <= 10000; ++cents) {
    const auto i = static_cast<std::uint32_t>(orgs.size());
    const std::int32_t parent =
        i % 3 == 0 || i < 5 ? core::kNoParent : static_cast<std::int32_t>(i % 5);
    orgs.Add("Z" + std::to_string(20000 - i), static_cast<core::OrgType>(i % core::kOrgTypeCount),
             i % 2, parent);
    Add(result, cents, static_cast<std::uint8_t>(i % 8), i % 5 == 1);
  }
  result.quotas.push_back({0, core::OrgType::kVillage, 7, 150000, 2, 5550, 3});
  result.quotas.push_back({0, core::OrgType::kSoe, 3, 1, 1, -1, 0});
  result.quotas.push_back({1, core::OrgType::kAgency, 4, 100, 1, 10000, 1});
  EXPECT_EQ(Streamed(orgs, result, "sha256:abc"), Tree(orgs, result, "sha256:abc"));
}

// Codes and a policy version that need escaping or are not ASCII; one assessing unit (quotas
// keyed by type).
TEST(AssessmentJsonTest, TextThatNeedsEscapingIsWrittenAsTheTreeWritesIt) {
  core::OrgTable orgs;
  orgs.unit_codes = {"县委"};
  core::AssessmentResult result;
  result.year = 2015;
  for (std::string code : {std::string("a\"b"), std::string("b\\c"), std::string("c\td"),
                           std::string("d\x01"), std::string("党支部"), std::string("e/f")}) {
    orgs.Add(code, core::OrgType::kCommunity, 0,
             orgs.size() == 0 ? core::kNoParent : std::int32_t{0});
    Add(result, 6000, core::kReasonBottomQuota, true);
  }
  result.quotas.push_back({0, core::OrgType::kCommunity, 6, 100000, 1, 6000, 6});
  EXPECT_EQ(Streamed(orgs, result, "版本\n1"), Tree(orgs, result, "版本\n1"));
}

TEST(AssessmentJsonTest, AnEmptyAssessmentHasEmptyListsAndQuotas) {
  core::OrgTable orgs;
  core::AssessmentResult result;
  result.year = 2020;
  EXPECT_EQ(Streamed(orgs, result, ""), Tree(orgs, result, ""));
}

// Nothing selected: "selected" is [] after a full list of organizations.
TEST(AssessmentJsonTest, NoSelectionIsAnEmptyList) {
  core::OrgTable orgs;
  orgs.unit_codes = {"U"};
  core::AssessmentResult result;
  result.year = 2016;
  orgs.Add("A", core::OrgType::kVillage, 0, core::kNoParent);
  Add(result, 9950, 0, false);
  EXPECT_EQ(Streamed(orgs, result, "v"), Tree(orgs, result, "v"));
}

}  // namespace
}  // namespace grassroots::exporting
