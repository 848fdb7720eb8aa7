#include "core/collective_economy.h"

#include <gtest/gtest.h>

#include <vector>

namespace grassroots::core {
namespace {

Organization Village() { return {.code = "V1", .type = OrgType::kVillage}; }

TEST(CollectiveEconomyTest, AVillageRecordsItsIncomeExactlyInFen) {
  auto checked = CheckEconomy(Village(), {2016, 12'345'678, "资源依托型"}, 2016);
  ASSERT_TRUE(checked.ok()) << checked.error().message;
  EXPECT_EQ(checked.value().income_fen, 12'345'678);
  EXPECT_EQ(checked.value().model, EconomyModel::kResourceBased);
}

TEST(CollectiveEconomyTest, OnlyVillagesRecordIt) {
  Organization community{.code = "C1", .type = OrgType::kCommunity};
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
  EXPECT_EQ(CheckEconomy(Village(), {2016, 0, "tourism"}, 2016).error().reason,
            "unknown_value");
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
      {"V1", 2016, 100, EconomyModel::kServiceDriven},
      {"V2", 2016, 250, EconomyModel::kServiceDriven},
      {"V3", 2016, 7, EconomyModel::kAssetRevitalization},
      {"V1", 2015, 90, EconomyModel::kServiceDriven},
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
  EXPECT_TRUE(MayRecordEconomy({.role = Role::kUnitAdmin, .scope = {"T1"}}, ancestry));
  EXPECT_FALSE(MayRecordEconomy({.role = Role::kSecretary, .scope = {"V1"}}, ancestry));
}

}  // namespace
}  // namespace grassroots::core
