#include "core/early_warning.h"

#include <gtest/gtest.h>

#include <vector>

namespace grassroots::core {
namespace {

// Noon of 2016-06-10 in the county.
const UnixSeconds kNow = *ParseIsoInstant("2016-06-10T12:00:00+08:00");

TEST(EarlyWarning, AnItemsColourFollowsThePolicysThresholds) {
  const SupervisionThresholds t;  // red past 30 days overdue, yellow due within 7 days
  EXPECT_EQ(WarningOf({{2016, 5, 10}, ItemState::kOpen}, t, kNow), Warning::kRed);     // 31 days
  EXPECT_EQ(WarningOf({{2016, 5, 11}, ItemState::kOpen}, t, kNow), Warning::kOrange);  // 30
  EXPECT_EQ(WarningOf({{2016, 6, 9}, ItemState::kSubmitted}, t, kNow), Warning::kOrange);  // 1
  EXPECT_EQ(WarningOf({{2016, 6, 10}, ItemState::kOpen}, t, kNow), Warning::kYellow);      // today
  EXPECT_EQ(WarningOf({{2016, 6, 16}, ItemState::kOpen}, t, kNow), Warning::kYellow);      // +6
  EXPECT_EQ(WarningOf({{2016, 6, 17}, ItemState::kOpen}, t, kNow), Warning::kGreen);       // +7
  EXPECT_EQ(WarningOf({{2016, 1, 1}, ItemState::kClosed}, t, kNow), Warning::kGreen);
}

TEST(EarlyWarning, OtherThresholdsGiveOtherColours) {
  SupervisionThresholds t;
  t.red_overdue_days = 5;
  t.due_soon_days = 0;
  EXPECT_EQ(WarningOf({{2016, 6, 4}, ItemState::kOpen}, t, kNow), Warning::kRed);  // 6 days
  EXPECT_EQ(WarningOf({{2016, 6, 10}, ItemState::kOpen}, t, kNow), Warning::kGreen);
}

TEST(EarlyWarning, AnOrganizationTakesItsWorstItemOrRedForAFailedSpotCheck) {
  const SupervisionThresholds t;
  const std::vector<WarningItem> items = {{{2016, 6, 12}, ItemState::kOpen},
                                          {{2016, 6, 1}, ItemState::kInProgress},
                                          {{2016, 12, 1}, ItemState::kOpen}};
  EXPECT_EQ(WarningOf(items, false, t, kNow), Warning::kOrange);
  EXPECT_EQ(WarningOf(items, true, t, kNow), Warning::kRed);
  EXPECT_EQ(WarningOf(std::span<const WarningItem>(), false, t, kNow), Warning::kGreen);
  EXPECT_EQ(WarningOf(std::span<const WarningItem>(), true, t, kNow), Warning::kRed);
}

TEST(EarlyWarning, NamesReadBack) {
  for (Warning w : {Warning::kGreen, Warning::kYellow, Warning::kOrange, Warning::kRed}) {
    EXPECT_EQ(ParseWarning(ToString(w)), w);
  }
  EXPECT_FALSE(ParseWarning("blue"));
}

}  // namespace
}  // namespace grassroots::core
