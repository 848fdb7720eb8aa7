#include "core/collective_economy.h"

#include <gtest/gtest.h>

#include <vector>

#include "core/test_support.h"

namespace grassroots::core {
namespace {

Organization OrgOf(std::string code, OrgType type) {
  Organization org;
  org.code = std::move(code);
  org.type = type;
  return org;
}
Organization Village() { return OrgOf("V1", OrgType::kVillage); }

EconomyRecord Record(std::string code, int year, std::int64_t fen, EconomyModel model) {
  EconomyRecord r;
  r.org_code = std::move(code);
  r.year = year;
  r.income_fen = fen;
  r.model = model;
  return r;
}

TEST(CollectiveEconomyTest, AVillageRecordsItsIncomeExactlyInFen) {
  auto checked = CheckEconomy(Village(), {2016, 12'345'678, "资源依托型"}, 2016);
  ASSERT_TRUE(checked.ok()) << checked.error().message;
  EXPECT_EQ(checked.value().income_fen, 12'345'678);
  EXPECT_EQ(checked.value().model, EconomyModel::kResourceBased);
}

TEST(CollectiveEconomyTest, OnlyVillagesRecordIt) {
  const Organization community = OrgOf("C1", OrgType::kCommunity);
  auto refused = CheckEconomy(community, {2016, 1, "service_driven"}, 2016);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason, "collective_economy_villages_only");
  EXPECT_EQ(refused.error().field, "org_code");
}

TEST(CollectiveEconomyTest, YearIncomeAndModelAreChecked) {
  EXPECT_EQ(CheckEconomy(Village(), {2017, 0, "service_driven"}, 2016).error().reason,
            "year_out_of_range");
  EXPECT_EQ(CheckEconomy(Village(), {1899, 0, "service_driven"}, 2016).error().field, "year");
  EXPECT_EQ(CheckEconomy(Village(), {2016, -1, "service_driven"}, 2016).error().field,
            "income_fen");
  EXPECT_EQ(CheckEconomy(Village(), {2016, 0, "tourism"}, 2016).error().reason, "unknown_value");
  EXPECT_EQ(CheckEconomy(Village(), {2016, 0, ""}, 2016).error().reason, "empty");
  EXPECT_TRUE(CheckEconomy(Village(), {2016, kMaxIncomeFen, "project_symbiosis"}, 2016).ok());
  EXPECT_FALSE(CheckEconomy(Village(), {2016, kMaxIncomeFen + 1, "project_symbiosis"}, 2016).ok());
}

TEST(CollectiveEconomyTest, ModelsReadBackByNameAndLabel) {
  for (EconomyModel model : kAllEconomyModels) {
    EXPECT_EQ(ParseEconomyModel(ToString(model)), model);
    EXPECT_EQ(ParseEconomyModel(ChineseLabel(model)), model);
  }
}

TEST(CollectiveEconomyTest, TotalsAreSummedPerYearAndModel) {
  std::vector<EconomyRecord> records = {
      Record("V1", 2016, 100, EconomyModel::kServiceDriven),
      Record("V2", 2016, 250, EconomyModel::kServiceDriven),
      Record("V3", 2016, 7, EconomyModel::kAssetRevitalization),
      Record("V1", 2015, 90, EconomyModel::kServiceDriven),
  };
  std::vector<ModelTotal> totals = TotalsByModel(records);
  ASSERT_EQ(totals.size(), 3u);
  EXPECT_EQ(totals[0].year, 2015);
  EXPECT_EQ(totals[0].income_fen, 90);
  EXPECT_EQ(totals[1].year, 2016);
  EXPECT_EQ(totals[1].model, EconomyModel::kAssetRevitalization);
  EXPECT_EQ(totals[2].villages, 2);
  EXPECT_EQ(totals[2].income_fen, 350);
}

TEST(CollectiveEconomyTest, TheUnitAdminRecordsNotTheSecretary) {
  const std::vector<std::string> ancestry = {"V1", "T1"};
  EXPECT_TRUE(MayRecordEconomy(Who(Role::kUnitAdmin, {"T1"}), ancestry));
  EXPECT_FALSE(MayRecordEconomy(Who(Role::kSecretary, {"V1"}), ancestry));
}

TEST(CollectiveEconomyTest, WhoMayRecordWhereTheyReadAgreesWithTheRuleForEachVillage) {
  const std::vector<std::vector<std::string>> ancestries = {{"V1", "T1"}, {"T1"}, {"V3", "T2"}};
  for (Role role : {Role::kAdmin, Role::kUnitAdmin, Role::kSecretary, Role::kFirstSecretary,
                    Role::kLeader, Role::kAuditor}) {
    for (const std::vector<std::string>& scope :
         std::vector<std::vector<std::string>>{{"V1"}, {"T1"}, {}}) {
      const Principal who = Who(role, scope);
      for (const std::vector<std::string>& ancestry : ancestries) {
        if (!MayAccessOrganization(who, ancestry, OrgAction::kRead)) continue;
        EXPECT_EQ(MayRecordEconomy(who, ancestry), MayRecordEconomyWhereRead(who))
            << ToString(role) << " " << ancestry.front();
      }
    }
  }
}

}  // namespace
}  // namespace grassroots::core
