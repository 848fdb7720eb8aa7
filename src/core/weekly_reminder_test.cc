#include "core/weekly_reminder.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

TEST(WeeklyReminder, DueWithinTheWeekAndOverdueBeforeItPerPersonAndUnit) {
  const IsoWeek week{2016, 20};  // Monday 16 May .. Sunday 22 May
  const std::vector<OpenItem> items = {
      {1, "王书记", "MH001", {2016, 5, 22}, ItemState::kInProgress},  // due: the week's Sunday
      {2, "王书记", "MH001", {2016, 5, 15}, ItemState::kOpen},        // overdue: the Sunday before
      {3, "李主任", "MH001", {2016, 5, 16}, ItemState::kSubmitted},   // due: the week's Monday
      {4, "李主任", "MH002", {2016, 5, 23}, ItemState::kOpen},        // next week: nothing yet
      {5, "李主任", "MH002", {2016, 4, 1}, ItemState::kClosed},       // closed: nothing
      {6, "王书记", "MH002", {2016, 3, 1}, ItemState::kSubmitted},    // long overdue
  };
  const WeeklyReminder reminder = ReminderFor(week, items);
  ASSERT_EQ(reminder.by_responsible.size(), 2u);
  const Digest& wang = reminder.by_responsible.at("王书记");
  EXPECT_EQ(wang.due, (std::vector<std::int64_t>{1}));
  EXPECT_EQ(wang.overdue, (std::vector<std::int64_t>{6, 2}));  // by deadline
  const Digest& li = reminder.by_responsible.at("李主任");
  EXPECT_EQ(li.due, (std::vector<std::int64_t>{3}));
  EXPECT_TRUE(li.overdue.empty());
  EXPECT_EQ(reminder.by_unit.at("MH001").due, (std::vector<std::int64_t>{3, 1}));
  EXPECT_EQ(reminder.by_unit.at("MH001").overdue, (std::vector<std::int64_t>{2}));
  EXPECT_EQ(reminder.by_unit.at("MH002").overdue, (std::vector<std::int64_t>{6}));
  EXPECT_TRUE(reminder.by_unit.at("MH002").due.empty());
}

TEST(WeeklyReminder, NobodyWithNothingToTellIsListed) {
  const std::vector<OpenItem> items = {{1, "王书记", "MH001", {2016, 6, 30}, ItemState::kOpen},
                                       {2, "李主任", "MH002", {2016, 1, 1}, ItemState::kClosed}};
  const WeeklyReminder reminder = ReminderFor({2016, 20}, items);
  EXPECT_TRUE(reminder.by_responsible.empty());
  EXPECT_TRUE(reminder.by_unit.empty());
}

// County time is UTC+8: 2016-05-22 23:30 there is 15:30 UTC, 2016-05-23 00:10 is 16:10 UTC of
// the 22nd — the same UTC date, different county weeks.
TEST(WeeklyReminder, TheCountysWeekTurnsAtItsMondayMidnightNotUtcs) {
  const UnixSeconds sunday_late = *ParseIsoInstant("2016-05-22T23:30:00+08:00");
  const UnixSeconds monday_early = *ParseIsoInstant("2016-05-23T00:10:00+08:00");
  EXPECT_EQ(FormatIsoWeek(CountyWeek(sunday_late)), "2016-W20");
  EXPECT_EQ(FormatIsoWeek(CountyWeek(monday_early)), "2016-W21");
  EXPECT_EQ(FormatUtc(monday_early).substr(0, 10), "2016-05-22");  // still Sunday in UTC
}

TEST(WeeklyReminder, TheWeekAcrossTheYearsEndIs2015W53Then2016W01) {
  EXPECT_EQ(FormatIsoWeek(CountyWeek(*ParseIsoInstant("2016-01-03T23:59:00+08:00"))), "2015-W53");
  EXPECT_EQ(FormatIsoWeek(CountyWeek(*ParseIsoInstant("2016-01-04T00:00:00+08:00"))), "2016-W01");
  // An item due on 2016-01-03 is due in 2015-W53 and overdue in 2016-W01.
  const std::vector<OpenItem> items = {{7, "王书记", "MH001", {2016, 1, 3}, ItemState::kOpen}};
  const WeeklyReminder w53 = ReminderFor({2015, 53}, items);
  EXPECT_EQ(w53.by_unit.at("MH001").due, (std::vector<std::int64_t>{7}));
  const WeeklyReminder w01 = ReminderFor({2016, 1}, items);
  EXPECT_EQ(w01.by_unit.at("MH001").overdue, (std::vector<std::int64_t>{7}));
  EXPECT_TRUE(w01.by_unit.at("MH001").due.empty());
}

TEST(WeeklyReminder, AUnitsDigestHoldsOnlyItsOwnItems) {
  const std::vector<OpenItem> items = {{1, "甲", "MH001", {2016, 5, 18}, ItemState::kOpen},
                                       {2, "乙", "MH002", {2016, 5, 18}, ItemState::kOpen},
                                       {3, "甲", "MH002", {2016, 5, 1}, ItemState::kOpen}};
  const WeeklyReminder reminder = ReminderFor({2016, 20}, items);
  EXPECT_EQ(reminder.by_unit.at("MH001").due, (std::vector<std::int64_t>{1}));
  EXPECT_TRUE(reminder.by_unit.at("MH001").overdue.empty());
  EXPECT_EQ(reminder.by_unit.at("MH002").due, (std::vector<std::int64_t>{2}));
  EXPECT_EQ(reminder.by_unit.at("MH002").overdue, (std::vector<std::int64_t>{3}));
  // A person's digest crosses units: it follows the person.
  EXPECT_EQ(reminder.by_responsible.at("甲").due, (std::vector<std::int64_t>{1}));
  EXPECT_EQ(reminder.by_responsible.at("甲").overdue, (std::vector<std::int64_t>{3}));
}

TEST(WeeklyReminder, TheSameItemsAndWeekGiveTheSameReminder) {
  std::vector<OpenItem> items = {{2, "乙", "MH002", {2016, 5, 18}, ItemState::kOpen},
                                 {1, "甲", "MH001", {2016, 5, 18}, ItemState::kInProgress}};
  const WeeklyReminder first = ReminderFor({2016, 20}, items);
  std::swap(items[0], items[1]);  // the order they are read in does not matter
  const WeeklyReminder second = ReminderFor({2016, 20}, items);
  ASSERT_EQ(first.by_unit.size(), second.by_unit.size());
  for (const auto& [unit, digest] : first.by_unit) {
    EXPECT_EQ(digest.due, second.by_unit.at(unit).due);
    EXPECT_EQ(digest.overdue, second.by_unit.at(unit).overdue);
  }
}

TEST(WeeklyReminder, RecipientsOfAnAccountAndOfAWrittenNameNeverCollide) {
  EXPECT_EQ(PersonRecipient("wang", "王书记"), "user:wang");
  EXPECT_EQ(PersonRecipient("", "王书记"), "person:王书记");
  EXPECT_NE(PersonRecipient("wang", "x"), PersonRecipient("", "wang"));
  EXPECT_EQ(UnitRecipient("MH001"), "unit:MH001");
}

TEST(WeeklyReminder, MissingReportsWindowEndsTheDayBeforeMondayAndReachesThreeMonthsBack) {
  // 2016-W14 begins on Monday 4 April: March's work plan (due 5 March) is in, 4 April is not.
  const DayRange window = MissingReportWindow(IsoWeek{2016, 14});
  EXPECT_EQ(window.first, (CivilDate{2016, 1, 1}));
  EXPECT_EQ(window.last, (CivilDate{2016, 4, 3}));
  // Across the year's end: 2016-W02 begins on Monday 11 January.
  const DayRange january = MissingReportWindow(IsoWeek{2016, 2});
  EXPECT_EQ(january.first, (CivilDate{2015, 10, 1}));
  EXPECT_EQ(january.last, (CivilDate{2016, 1, 10}));
}

TEST(WeeklyReminder, AMissingReportGoesToItsFirstSecretaryAndItsUnitOnly) {
  const std::vector<OpenItem> items = {
      {1, "user:fs_wang", "MH001", {2016, 4, 5}, ItemState::kOpen},
  };
  WeeklyReminder reminder = ReminderFor(IsoWeek{2016, 14}, items);
  const std::vector<MissingReport> reports = {{0, "user:fs_wang", "MH001"},
                                              {1, "user:fs_li", "MH002"}};
  AddMissingReports(reminder, reports);
  const Digest& wang = reminder.by_responsible.at("user:fs_wang");
  EXPECT_EQ(wang.due, (std::vector<std::int64_t>{1}));  // one digest: items and reports together
  EXPECT_EQ(wang.reports, (std::vector<std::int64_t>{0}));
  EXPECT_EQ(reminder.by_responsible.at("user:fs_li").reports, (std::vector<std::int64_t>{1}));
  EXPECT_EQ(reminder.by_unit.at("MH001").reports, (std::vector<std::int64_t>{0}));
  EXPECT_EQ(reminder.by_unit.at("MH002").reports, (std::vector<std::int64_t>{1}));
  EXPECT_FALSE(reminder.by_unit.at("MH002").empty());
}

}  // namespace
}  // namespace grassroots::core
