#include "core/bulletin.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

CivilDate D(int y, int m, int d) { return {y, m, d}; }

BulletinItem Item(std::string unit, std::string org, CivilDate deadline,
                  std::optional<CivilDate> closed = std::nullopt, std::string measure = "措施") {
  BulletinItem item;
  item.unit_code = unit;
  item.unit_name = unit + "党委";
  item.org_code = std::move(org);
  item.org_name = item.org_code + "支部";
  item.measure = std::move(measure);
  item.responsible = "张三";
  item.deadline = deadline;
  item.closed_on = closed;
  return item;
}

constexpr Quarter kQ2{2016, 2};

const UnitFigures& UnitOf(const BulletinFigures& f, const std::string& code) {
  for (const UnitFigures& u : f.units) {
    if (u.unit_code == code) return u;
  }
  static const UnitFigures kNone;
  ADD_FAILURE() << "no unit " << code;
  return kNone;
}

TEST(BulletinTest, CountsClosedOpenDueAndOverdueAsOfTheQuartersLastDay) {
  const std::vector<BulletinItem> items = {
      Item("U1", "A", D(2016, 5, 1), D(2016, 4, 20)),  // due, closed in the quarter
      Item("U1", "A", D(2016, 6, 30)),                 // due on the last day, open: overdue 1
      Item("U1", "B", D(2016, 3, 1), D(2016, 3, 15)),  // closed before the quarter
      Item("U1", "B", D(2016, 9, 1)),                  // not due yet
      Item("U1", "B", D(2016, 6, 1), D(2016, 7, 2)),   // closed after the quarter: overdue then
  };
  const BulletinFigures f = ComputeBulletin(kQ2, D(2016, 6, 30), items);
  ASSERT_EQ(f.units.size(), 1u);
  const UnitFigures& u = f.units[0];
  EXPECT_EQ(u.items, 5);
  EXPECT_EQ(u.closed_in_quarter, 1);
  EXPECT_EQ(u.closed, 2);
  EXPECT_EQ(u.open, 3);
  EXPECT_EQ(u.due, 4);
  EXPECT_EQ(u.due_closed, 2);
  EXPECT_EQ(u.overdue, 2);
  EXPECT_EQ(u.ProgressBasisPoints(), 5000);
  ASSERT_EQ(f.overdue.size(), 2u);
  EXPECT_EQ(f.overdue[0].deadline, D(2016, 6, 1));
  EXPECT_EQ(f.overdue[0].overdue_days, 30);
  EXPECT_EQ(f.overdue[1].deadline, D(2016, 6, 30));
  EXPECT_EQ(f.overdue[1].overdue_days, 1);
  EXPECT_EQ(f.total, (UnitFigures{"", "", 5, 1, 2, 3, 4, 2, 2, std::nullopt}));
}

TEST(BulletinTest, RanksByProgressWithTiesSharingARankAndUnitsWithNothingDueLast) {
  const std::vector<BulletinItem> items = {
      Item("U3", "c", D(2016, 4, 1), D(2016, 4, 2)),  // 1/2
      Item("U3", "c", D(2016, 4, 1)),
      Item("U1", "a", D(2016, 4, 1), D(2016, 4, 2)),  // 2/4: ties U3
      Item("U1", "a", D(2016, 4, 1), D(2016, 4, 2)),
      Item("U1", "a", D(2016, 4, 1)),
      Item("U1", "a", D(2016, 4, 1)),
      Item("U2", "b", D(2016, 4, 1), D(2016, 4, 2)),  // 1/1
      Item("U4", "d", D(2016, 12, 1)),                // nothing due
      Item("U5", "e", D(2016, 4, 1)),                 // 0/1
  };
  const BulletinFigures f = ComputeBulletin(kQ2, D(2016, 6, 30), items);
  std::vector<std::pair<std::string, std::optional<int>>> order;
  for (const UnitFigures& u : f.units) order.emplace_back(u.unit_code, u.rank);
  const std::vector<std::pair<std::string, std::optional<int>>> expected = {
      {"U2", 1}, {"U1", 2}, {"U3", 2}, {"U5", 4}, {"U4", std::nullopt}};
  EXPECT_EQ(order, expected);
  EXPECT_FALSE(UnitOf(f, "U4").HasProgress());
}

TEST(BulletinTest, APreviewCountsAsOfItsDayNotTheQuartersEnd) {
  const std::vector<BulletinItem> items = {Item("U1", "a", D(2016, 5, 10)),
                                           Item("U1", "a", D(2016, 6, 20))};
  const BulletinFigures f = ComputeBulletin(kQ2, D(2016, 5, 15), items);
  EXPECT_EQ(f.units[0].due, 1);
  ASSERT_EQ(f.overdue.size(), 1u);
  EXPECT_EQ(f.overdue[0].overdue_days, 6);  // at the end of 05-15, as the ledger on 05-16
}

TEST(BulletinTest, OverdueItemsAreListedMostDaysFirstThenByUnitAndOrganization) {
  const std::vector<BulletinItem> items = {
      Item("U2", "b", D(2016, 6, 1)), Item("U1", "z", D(2016, 6, 1)),
      Item("U1", "a", D(2016, 6, 1)), Item("U9", "x", D(2016, 4, 1))};
  const BulletinFigures f = ComputeBulletin(kQ2, D(2016, 6, 30), items);
  ASSERT_EQ(f.overdue.size(), 4u);
  EXPECT_EQ(f.overdue[0].unit_code, "U9");
  EXPECT_EQ(f.overdue[1].org_code, "a");
  EXPECT_EQ(f.overdue[2].org_code, "z");
  EXPECT_EQ(f.overdue[3].unit_code, "U2");
}

TEST(BulletinTest, AQuarterIsFinishedOnlyOnceItsLastCountyDayHasEnded) {
  // 2016-06-30T16:00Z is 2016-07-01 00:00 in the county (UTC+8).
  EXPECT_FALSE(QuarterFinished(kQ2, CountyDayStart(D(2016, 7, 1)) - 1));
  EXPECT_TRUE(QuarterFinished(kQ2, CountyDayStart(D(2016, 7, 1))));
  EXPECT_EQ(BulletinAsOf(kQ2, CountyDayStart(D(2016, 5, 3)) + 3600).value(), D(2016, 5, 2));
  EXPECT_EQ(BulletinAsOf(kQ2, CountyDayStart(D(2017, 1, 1))).value(), D(2016, 6, 30));
  EXPECT_EQ(BulletinAsOf(kQ2, CountyDayStart(D(2016, 4, 2))).value(), D(2016, 4, 1));
  const auto early = BulletinAsOf(kQ2, CountyDayStart(D(2016, 4, 1)) + 3600);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().reason, "quarter_not_begun");
  EXPECT_EQ(early.error().field, "quarter");
}

TEST(BulletinTest, ScopeLetsAUnitAdminReadOnlyItsUnitAndAnswersOthersAsUnknown) {
  const Principal unit_admin{7, "ua", Role::kUnitAdmin, {"U1"}};
  EXPECT_EQ(BulletinUnitFor(unit_admin, "").value(), "U1");
  EXPECT_EQ(BulletinUnitFor(unit_admin, "U1").value(), "U1");
  const auto other = BulletinUnitFor(unit_admin, "U2");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
  const Error never = UnitNotFound("U2");
  EXPECT_EQ(other.error().message, never.message);
  EXPECT_EQ(other.error().reason, never.reason);
  EXPECT_EQ(BulletinUnitFor({1, "a", Role::kAdmin, {}}, "U2").value(), "U2");
  EXPECT_EQ(BulletinUnitFor({1, "au", Role::kAuditor, {}}, "").value(), "");
  const auto secretary = BulletinUnitFor({2, "s", Role::kSecretary, {"A"}}, "");
  ASSERT_FALSE(secretary.ok());
  EXPECT_EQ(secretary.error().reason, "bulletin_not_permitted");
  EXPECT_TRUE(MayIssueBulletin({1, "a", Role::kAdmin, {}}));
  EXPECT_FALSE(MayIssueBulletin({1, "au", Role::kAuditor, {}}));
}

TEST(BulletinTest, NarrowingToAUnitKeepsItsRowRankAndOverdueItemsOnly) {
  const std::vector<BulletinItem> items = {Item("U1", "a", D(2016, 4, 1), D(2016, 4, 2)),
                                           Item("U2", "b", D(2016, 4, 1))};
  const BulletinFigures county = ComputeBulletin(kQ2, D(2016, 6, 30), items);
  const BulletinFigures u2 = NarrowToUnit(county, "U2");
  ASSERT_EQ(u2.units.size(), 1u);
  EXPECT_EQ(u2.units[0].rank, 2);
  EXPECT_EQ(u2.total.overdue, 1);
  EXPECT_EQ(u2.total.items, 1);
  ASSERT_EQ(u2.overdue.size(), 1u);
  EXPECT_EQ(u2.overdue[0].unit_code, "U2");
  EXPECT_TRUE(NarrowToUnit(county, "U1").overdue.empty());
}

TEST(BulletinTest, QuarterLabelNamesTheQuarterInChinese) {
  EXPECT_EQ(QuarterLabel({2016, 2}), "2016年第二季度");
  EXPECT_EQ(QuarterLabel({2016, 4}), "2016年第四季度");
}

}  // namespace
}  // namespace grassroots::core
