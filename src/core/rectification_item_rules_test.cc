#include "core/rectification_item_rules.h"

#include <gtest/gtest.h>

#include "core/account_rules.h"

namespace grassroots::core {
namespace {

ItemFields GoodItem() {
  return {"新建党员活动室", "李书记", "first_secretary", "supervisor", "2016-10-31"};
}

TEST(RectificationItemRules, AGoodItemPassesWithOrWithoutAnAccountAndSupportRole) {
  EXPECT_TRUE(CheckItemFields(GoodItem()).empty());
  ItemFields plain = GoodItem();
  plain.responsible_user.clear();
  plain.support_role.clear();
  EXPECT_TRUE(CheckItemFields(plain).empty());
}

TEST(RectificationItemRules, EveryBadFieldIsNamedAtOnceWithItsReason) {
  const ItemFields bad{"  ", "", "two\nlines", "mayor", "2016-02-30"};
  const std::vector<Error> errors = CheckItemFields(bad);
  ASSERT_EQ(errors.size(), 5u);
  EXPECT_EQ(errors[0].field, "measure");
  EXPECT_EQ(errors[0].reason, "empty");
  EXPECT_EQ(errors[1].field, "responsible");
  EXPECT_EQ(errors[2].field, "responsible_user");
  EXPECT_EQ(errors[3].field, "support_role");
  EXPECT_EQ(errors[3].reason, "unknown_value");
  EXPECT_EQ(errors[3].params.front().second, "mayor");
  EXPECT_EQ(errors[4].field, "deadline");
  EXPECT_EQ(errors[4].reason, "invalid_date");
}

TEST(RectificationItemRules, EverySupportRoleOfFiveLevelSupportIsAccepted) {
  for (const char* role :
       {"contact_leader", "org_guide", "partner_agency", "supervisor", "first_secretary"}) {
    ItemFields item = GoodItem();
    item.support_role = role;
    EXPECT_TRUE(CheckItemFields(item).empty()) << role;
  }
}

TEST(RectificationItemRules, AMeasurePastItsLengthIsRefused) {
  ItemFields item = GoodItem();
  item.measure = std::string(kMaxMeasureLength + 1, 'x');
  const std::vector<Error> errors = CheckItemFields(item);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "measure");
}

TEST(RectificationItemRules, AnUnknownAccountIsRefusedNamingTheFieldAndTheName) {
  const Error error = UnknownAccount("responsible_user", "wang");
  EXPECT_EQ(error.code, ErrorCode::kInvalid);
  EXPECT_EQ(error.field, "responsible_user");
  EXPECT_EQ(error.reason, "unknown_account");
  ASSERT_EQ(error.params.size(), 1u);
  EXPECT_EQ(error.params[0].first, "name");
  EXPECT_EQ(error.params[0].second, "wang");
  EXPECT_NE(error.message.find("wang"), std::string::npos);
}

}  // namespace
}  // namespace grassroots::core
