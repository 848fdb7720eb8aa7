#include "demo/support_demo.h"

#include <gtest/gtest.h>

namespace grassroots::demo {
namespace {

core::Organization Org(std::string code, core::OrgType type) {
  core::Organization org;
  org.code = std::move(code);
  org.name = "Org";
  org.type = type;
  return org;
}

const std::vector<core::Organization> kSelected = {Org("V1", core::OrgType::kVillage),
                                                   Org("C1", core::OrgType::kCommunity),
                                                   Org("V2", core::OrgType::kVillage)};

TEST(DemoSupport, EveryOrganizationHasEveryRoleAndVillagesAFirstSecretaryTeamAndFund) {
  const SupportAccounts accounts{"leader", "C1", "first_secretary", {"V2"}};
  const auto support = DemoSupport(kSelected, 2016, 5'000'000, accounts, 7);
  ASSERT_EQ(support.size(), 3u);
  const core::CivilDate today = DemoSupportLastDate(2016);
  for (const core::OrgSupport& one : support) {
    const bool village = one.type == core::OrgType::kVillage;
    EXPECT_EQ(one.assignments.size(), village ? 5u : 4u) << one.code;
    EXPECT_GE(one.visits.size(), 2u);
    EXPECT_EQ(one.work_teams.size(), village ? 1u : 0u);
    if (village) {
      ASSERT_FALSE(one.funds.empty());
      EXPECT_EQ(one.funds[0].amount_fen, 5'000'000);
    }
    for (const auto& a : one.assignments) {
      EXPECT_TRUE(core::CheckAssignment(a, one.type, today).ok()) << a.person;
    }
    for (const auto& v : one.visits) EXPECT_TRUE(core::CheckVisit(v, today).ok());
    for (const auto& t : one.work_teams) EXPECT_TRUE(core::CheckWorkTeam(t, today).ok());
    for (const auto& f : one.funds) EXPECT_TRUE(core::CheckFund(f, today).ok());
  }
  EXPECT_EQ(support[1].assignments[0].user_name, "leader");
  EXPECT_EQ(support[0].assignments[0].user_name, "");
  EXPECT_EQ(support[2].assignments.back().user_name, "first_secretary");
  EXPECT_EQ(support[0].assignments.back().user_name, "");
}

TEST(DemoSupport, TheSameSeedGivesTheSameSupport) {
  const auto a = DemoSupport(kSelected, 2016, 1, {}, 7);
  const auto b = DemoSupport(kSelected, 2016, 1, {}, 7);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a[i].visits.size(), b[i].visits.size());
    for (std::size_t v = 0; v < a[i].visits.size(); ++v) {
      EXPECT_EQ(a[i].visits[v].visit_date, b[i].visits[v].visit_date);
      EXPECT_EQ(a[i].visits[v].solved, b[i].visits[v].solved);
    }
    EXPECT_EQ(a[i].assignments[2].person, b[i].assignments[2].person);
  }
}

}  // namespace
}  // namespace grassroots::demo
