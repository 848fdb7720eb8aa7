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

}  // namespace
}  // namespace grassroots::core
