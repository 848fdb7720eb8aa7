// Single writes of organizations and members through the API: validated like an import row,
// a parent the writer may not see unknown like one never used, a member id held elsewhere
// refused without saying where.
#include "app/organization_records.h"

#include <gtest/gtest.h>

#include "storage/test_fixture.h"

namespace grassroots::app {
namespace {

using storage::test::Org;

class OrganizationRecordsTest : public storage::test::SqliteStoreTest {
 protected:
  void SetUp() override {
    SqliteStoreTest::SetUp();
    Upsert({Org("A00", "", "ua"), Org("A01", "A00", "ua"), Org("B00", "", "ub")});
  }

  core::Principal admin_{1, "admin", core::Role::kAdmin, {}};
  core::Principal unit_a_{2, "unit-a", core::Role::kUnitAdmin, {"A00"}};
};

TEST_F(OrganizationRecordsTest, ANewOrganizationTakesItsParentsUnitAndIsStored) {
  core::Organization org = Org("A02", "A00", "");
  auto saved = SaveOrganizationEntry(*store_, unit_a_, org, nullptr, false, actor_);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_TRUE(saved.value().created);
  EXPECT_EQ(saved.value().org.unit, "ua");
  EXPECT_EQ(AncestryOf(*store_, "A02").value(), (std::vector<std::string>{"A02", "A00"}));
  EXPECT_EQ(OrganizationOf(*store_, "A02").value()->org.unit, "ua");
}

TEST_F(OrganizationRecordsTest, AHiddenParentIsRefusedInTheWordsOfOneNeverUsed) {
  auto hidden =
      SaveOrganizationEntry(*store_, unit_a_, Org("A03", "B00", ""), nullptr, true, actor_);
  auto never =
      SaveOrganizationEntry(*store_, unit_a_, Org("A03", "Z99", ""), nullptr, false, actor_);
  ASSERT_FALSE(hidden.ok());
  ASSERT_FALSE(never.ok());
  EXPECT_EQ(hidden.error().code, core::ErrorCode::kInvalid);
  EXPECT_EQ(hidden.error().field, "parent");
  EXPECT_EQ(hidden.error().reason, never.error().reason);
  // The messages name the code the caller gave, nothing of the holder.
  EXPECT_EQ(hidden.error().message.find("ub"), std::string::npos);
  EXPECT_TRUE(AncestryOf(*store_, "A03").value().empty());
}

TEST_F(OrganizationRecordsTest, AMemberIdHeldWhereTheWriterMayNotChangeIsUnavailable) {
  core::Member member{"M1", "张三", "B00", core::MemberStatus::kRegular, "", std::nullopt};
  ASSERT_TRUE(SaveMemberEntry(*store_, admin_, member, actor_).value());
  member.org = "A01";
  auto taken = SaveMemberEntry(*store_, unit_a_, member, actor_);
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(taken.error().reason, "member_id_unavailable");
  EXPECT_EQ(MemberOf(*store_, "M1").value()->org, "B00");
  // An administrator moves the member.
  auto moved = SaveMemberEntry(*store_, admin_, member, actor_);
  ASSERT_TRUE(moved.ok());
  EXPECT_FALSE(moved.value());
  EXPECT_EQ(MembersOf(*store_, "A01", 0, 10).value().total, 1);
}

}  // namespace
}  // namespace grassroots::app
