#include "core/account_rules.h"

#include <gtest/gtest.h>

#include "core/test_support.h"

namespace grassroots::core {
namespace {

Organization Org(std::string code, std::string parent, OrgType type = OrgType::kVillage) {
  Organization org;
  org.code = std::move(code);
  org.parent = std::move(parent);
  org.type = type;
  return org;
}

TEST(AccountRules, NamesArePrintableWithoutSpacesAndAnyScript) {
  EXPECT_TRUE(CheckUserName("王小明").ok());
  EXPECT_TRUE(CheckUserName("admin2").ok());
  EXPECT_EQ(FieldOf(CheckUserName("")), "name");
  EXPECT_EQ(FieldOf(CheckUserName("a b")), "name");
  EXPECT_EQ(FieldOf(CheckUserName("a\tb")), "name");
  EXPECT_EQ(FieldOf(CheckUserName(std::string(65, 'a'))), "name");
}

TEST(AccountRules, AdminAndAuditorHaveNoScopeTheOthersNeedOne) {
  EXPECT_TRUE(CheckScopeFitsRole(Role::kAdmin, {}).ok());
  EXPECT_TRUE(CheckScopeFitsRole(Role::kAuditor, {}).ok());
  EXPECT_EQ(FieldOf(CheckScopeFitsRole(Role::kAuditor, {Org("D1", "")})), "scope");
  for (Role role : {Role::kUnitAdmin, Role::kSecretary, Role::kFirstSecretary, Role::kLeader}) {
    EXPECT_EQ(FieldOf(CheckScopeFitsRole(role, {})), "scope") << ToString(role);
  }
}

TEST(AccountRules, UnitAdminManagesDirectOrganizationsOnly) {
  EXPECT_TRUE(CheckScopeFitsRole(Role::kUnitAdmin, {Org("D1", ""), Org("D2", "")}).ok());
  const Status branch = CheckScopeFitsRole(Role::kUnitAdmin, {Org("D1", ""), Org("B1", "D1")});
  ASSERT_FALSE(branch.ok());
  EXPECT_NE(branch.error().message.find("B1"), std::string::npos);
}

TEST(AccountRules, FirstSecretaryIsPostedToVillages) {
  EXPECT_TRUE(CheckScopeFitsRole(Role::kFirstSecretary, {Org("V1", "D1")}).ok());
  EXPECT_EQ(
      FieldOf(CheckScopeFitsRole(Role::kFirstSecretary, {Org("C1", "D1", OrgType::kCommunity)})),
      "scope");
}

TEST(AccountRules, SecretaryAndLeaderTakeAnyOrganizations) {
  const std::vector<Organization> mixed = {Org("D1", ""), Org("C1", "D1", OrgType::kAgency)};
  EXPECT_TRUE(CheckScopeFitsRole(Role::kSecretary, mixed).ok());
  EXPECT_TRUE(CheckScopeFitsRole(Role::kLeader, mixed).ok());
}

TEST(AccountRules, EachMisfitOfAScopeNamesItsReason) {
  const auto reason = [](const Status& status) { return status.ok() ? "" : status.error().reason; };
  EXPECT_EQ(reason(CheckScopeFitsRole(Role::kAdmin, {Org("D1", "")})), "scope_not_allowed");
  EXPECT_EQ(reason(CheckScopeFitsRole(Role::kLeader, {})), "scope_required");
  EXPECT_EQ(reason(CheckScopeFitsRole(Role::kUnitAdmin, {Org("B1", "D1")})), "scope_not_direct");
  EXPECT_EQ(CheckScopeFitsRole(Role::kUnitAdmin, {Org("B1", "D1")}).error().params,
            (Params{{"code", "B1"}}));
  EXPECT_EQ(reason(CheckScopeFitsRole(Role::kFirstSecretary, {Org("A1", "D1", OrgType::kAgency)})),
            "scope_not_village");
}

TEST(AccountRules, EachRoleHasOneScopeRule) {
  EXPECT_EQ(ScopeRuleOf(Role::kAdmin), ScopeRule::kNone);
  EXPECT_EQ(ScopeRuleOf(Role::kAuditor), ScopeRule::kNone);
  EXPECT_EQ(ScopeRuleOf(Role::kUnitAdmin), ScopeRule::kDirect);
  EXPECT_EQ(ScopeRuleOf(Role::kFirstSecretary), ScopeRule::kVillage);
  EXPECT_EQ(ScopeRuleOf(Role::kSecretary), ScopeRule::kAny);
  EXPECT_EQ(ToString(ScopeRuleOf(Role::kLeader)), "any");
  EXPECT_FALSE(NeedsScope(Role::kAuditor));
  EXPECT_TRUE(NeedsScope(Role::kSecretary));
}

TEST(AccountRules, RealNamesAreOneLineAndPhonesAreDigits) {
  EXPECT_TRUE(CheckRealName("").ok());
  EXPECT_TRUE(CheckRealName("欧阳明月").ok());
  EXPECT_EQ(CheckRealName(std::string(33, 'a')).error().reason, "too_long");
  EXPECT_FALSE(CheckRealName("王\n五").ok());
  EXPECT_EQ(CheckRealName("王\n五").error().field, "real_name");
  EXPECT_TRUE(CheckPhone("").ok());
  EXPECT_TRUE(CheckPhone("13800138000").ok());
  EXPECT_TRUE(CheckPhone("+86 (457) 288-1234").ok());
  EXPECT_EQ(CheckPhone("1234").error().reason, "invalid_phone");
  EXPECT_EQ(CheckPhone("138-0013-800x").error().field, "phone");
  EXPECT_FALSE(CheckPhone(std::string(21, '1')).ok());
}

}  // namespace
}  // namespace grassroots::core
