#include "core/account_rules.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

Organization Org(std::string code, std::string parent, OrgType type = OrgType::kVillage) {
  Organization org;
  org.code = std::move(code);
  org.parent = std::move(parent);
  org.type = type;
  return org;
}

std::string FieldOf(const Status& status) { return status.ok() ? "" : status.error().field; }

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

}  // namespace
}  // namespace grassroots::core
