#include "core/organization.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

TEST(OrgType, AcceptsEnglishAndChineseNames) {
  EXPECT_EQ(ParseOrgType("village"), OrgType::kVillage);
  EXPECT_EQ(ParseOrgType("农村"), OrgType::kVillage);
  EXPECT_EQ(ParseOrgType("行政村"), OrgType::kVillage);
  EXPECT_EQ(ParseOrgType("社区"), OrgType::kCommunity);
  EXPECT_EQ(ParseOrgType("国企"), OrgType::kSoe);
  EXPECT_EQ(ParseOrgType("非公"), OrgType::kNonpublic);
  EXPECT_EQ(ParseOrgType("机关"), OrgType::kAgency);
  EXPECT_EQ(ParseOrgType(" 事业单位 "), OrgType::kInstitution);
  EXPECT_EQ(ParseOrgType("farm"), std::nullopt);
  EXPECT_EQ(ParseOrgType(""), std::nullopt);
}

TEST(OrgType, NamesRoundTrip) {
  for (OrgType type : kAllOrgTypes) EXPECT_EQ(ParseOrgType(ToString(type)), type);
}

TEST(OrgKind, AcceptsEnglishAndChineseNames) {
  EXPECT_EQ(ParseOrgKind("党委"), OrgKind::kCommittee);
  EXPECT_EQ(ParseOrgKind("党总支"), OrgKind::kGeneralBranch);
  EXPECT_EQ(ParseOrgKind("党支部"), OrgKind::kBranch);
  EXPECT_EQ(ParseOrgKind("general_branch"), OrgKind::kGeneralBranch);
  EXPECT_EQ(ParseOrgKind("team"), std::nullopt);
}

TEST(MemberStatus, AcceptsTheFiveStatuses) {
  for (auto name : {"regular", "mobile", "lost_contact", "pocket", "retired"}) {
    const auto status = ParseMemberStatus(name);
    ASSERT_TRUE(status.has_value()) << name;
    EXPECT_EQ(ToString(*status), name);
  }
  EXPECT_EQ(ParseMemberStatus("口袋党员"), MemberStatus::kPocket);
  EXPECT_EQ(ParseMemberStatus("dead"), std::nullopt);
}

}  // namespace
}  // namespace grassroots::core
