#include "core/support_rules.h"

#include <gtest/gtest.h>

#include "core/test_support.h"

namespace grassroots::core {
namespace {

constexpr CivilDate kSupportToday{2017, 6, 15};

SupportAssignmentInput Assignment() {
  SupportAssignmentInput input;
  input.year = 2016;
  input.role = SupportRole::kContactLeader;
  input.person = "张三";
  input.agency = "县委办";
  input.start_date = "2017-01-05";
  return input;
}

TEST(SupportRole, NamesReadBackAndUnknownOnesAreRefused) {
  for (SupportRole role : kAllSupportRoles) EXPECT_EQ(ParseSupportRole(ToString(role)), role);
  EXPECT_FALSE(ParseSupportRole("leader"));
  EXPECT_FALSE(ParseSupportRole(""));
}

TEST(SupportRole, AFirstSecretaryIsForVillagesOnly) {
  EXPECT_TRUE(RoleFitsType(SupportRole::kFirstSecretary, OrgType::kVillage));
  for (OrgType type : kAllOrgTypes) {
    EXPECT_TRUE(RoleFitsType(SupportRole::kSupervisor, type));
    if (type != OrgType::kVillage) {
      EXPECT_FALSE(RoleFitsType(SupportRole::kFirstSecretary, type));
    }
  }
  SupportAssignmentInput input = Assignment();
  input.role = SupportRole::kFirstSecretary;
  EXPECT_TRUE(CheckAssignment(input, OrgType::kVillage, kSupportToday).ok());
  const Status refused = CheckAssignment(input, OrgType::kCommunity, kSupportToday);
  EXPECT_EQ(FieldOf(refused), "role");
  EXPECT_EQ(ReasonOf(refused), "support_role_not_for_type");
  EXPECT_EQ(refused.error().params.at(1).second, "community");
}

TEST(CheckAssignment, NamesTheFieldThatIsWrong) {
  EXPECT_TRUE(CheckAssignment(Assignment(), OrgType::kSoe, kSupportToday).ok());
  SupportAssignmentInput input = Assignment();
  input.person = "";
  EXPECT_EQ(FieldOf(CheckAssignment(input, OrgType::kSoe, kSupportToday)), "person");
  input = Assignment();
  input.person = std::string(101, 'x');
  EXPECT_EQ(ReasonOf(CheckAssignment(input, OrgType::kSoe, kSupportToday)), "too_long");
  input = Assignment();
  input.phone = "1\n2";
  EXPECT_EQ(FieldOf(CheckAssignment(input, OrgType::kSoe, kSupportToday)), "phone");
  input = Assignment();
  input.start_date = "2017-02-30";
  EXPECT_EQ(ReasonOf(CheckAssignment(input, OrgType::kSoe, kSupportToday)), "not_a_date");
  input.start_date = "2019-01-01";  // more than a year ahead
  EXPECT_EQ(ReasonOf(CheckAssignment(input, OrgType::kSoe, kSupportToday)), "date_out_of_range");
  input = Assignment();
  input.year = 20160;
  EXPECT_EQ(FieldOf(CheckAssignment(input, OrgType::kSoe, kSupportToday)), "year");
}

TEST(CheckVisit, ADateAfterTodayAndAnUnknownRoleAreRefused) {
  VisitInput visit{2016, "2017-06-15", VisitKind::kOnSite, "李四", "org_guide", "修好了活动室"};
  EXPECT_TRUE(CheckVisit(visit, kSupportToday).ok());
  visit.visit_date = "2017-06-16";
  EXPECT_EQ(FieldOf(CheckVisit(visit, kSupportToday)), "visit_date");
  visit.visit_date = "2017-06-01";
  visit.visitor_role = "mayor";
  EXPECT_EQ(ReasonOf(CheckVisit(visit, kSupportToday)), "unknown_value");
  visit.visitor_role = "";
  visit.visitor = "";
  EXPECT_EQ(FieldOf(CheckVisit(visit, kSupportToday)), "visitor");
  EXPECT_EQ(ParseVisitKind("on_site"), VisitKind::kOnSite);
  EXPECT_FALSE(ParseVisitKind("onsite"));
}

TEST(CheckWorkTeam, TheEndIsNotBeforeTheStart) {
  WorkTeamInput team{2016, "王五", "赵六、钱七", "县农业局", "2017-03-01", ""};
  EXPECT_TRUE(CheckWorkTeam(team, kSupportToday).ok());
  team.end_date = "2017-12-31";
  EXPECT_TRUE(CheckWorkTeam(team, kSupportToday).ok());
  team.end_date = "2017-02-28";
  EXPECT_EQ(ReasonOf(CheckWorkTeam(team, kSupportToday)), "end_before_start");
  EXPECT_EQ(FieldOf(CheckWorkTeam(team, kSupportToday)), "end_date");
}

TEST(CheckFund, AmountsAreBoundedAndNotNegative) {
  FundInput fund{2016, 5'000'000, "活动场所建设", "2017-04-01"};
  EXPECT_TRUE(CheckFund(fund, kSupportToday).ok());
  fund.amount_fen = 0;
  EXPECT_TRUE(CheckFund(fund, kSupportToday).ok());
  fund.amount_fen = -1;
  EXPECT_EQ(ReasonOf(CheckFund(fund, kSupportToday)), "amount_out_of_range");
  fund.amount_fen = kMaxFundFen + 1;
  EXPECT_EQ(FieldOf(CheckFund(fund, kSupportToday)), "amount_fen");
  fund.amount_fen = kMaxFundFen;
  fund.purpose = "";
  EXPECT_EQ(FieldOf(CheckFund(fund, kSupportToday)), "purpose");
}

TEST(MayEditSupport, AdminAndTheUnitAdminAboveOnly) {
  const std::vector<std::string> ancestry = {"V1", "D1"};
  EXPECT_TRUE(MayEditSupport({1, "a", Role::kAdmin, {}}, ancestry));
  EXPECT_TRUE(MayEditSupport({2, "u", Role::kUnitAdmin, {"D1"}}, ancestry));
  EXPECT_FALSE(MayEditSupport({3, "u2", Role::kUnitAdmin, {"D2"}}, ancestry));
  EXPECT_FALSE(MayEditSupport({4, "s", Role::kSecretary, {"V1"}}, ancestry));
  EXPECT_FALSE(MayEditSupport({5, "f", Role::kFirstSecretary, {"V1"}}, ancestry));
  EXPECT_FALSE(MayEditSupport({6, "l", Role::kLeader, {"V1"}}, ancestry));
  EXPECT_FALSE(MayEditSupport({7, "x", Role::kAuditor, {}}, ancestry));
}

TEST(DefaultFundFen, IsThePolicysVillageFundForVillagesOnly) {
  Policy policy = MoheDefaultPolicy();
  EXPECT_EQ(DefaultFundFen(policy, OrgType::kVillage), 5'000'000);
  EXPECT_EQ(DefaultFundFen(policy, OrgType::kCommunity), 0);
  policy.village_fund_fen = 123;
  EXPECT_EQ(DefaultFundFen(policy, OrgType::kVillage), 123);
}

}  // namespace
}  // namespace grassroots::core
