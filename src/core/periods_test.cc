#include "core/periods.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

TEST(Periods, IsoWeeksAcrossYearEnds) {
  // 2016-01-01 (a Friday) belongs to 2015's week 53; 2016-W01 begins on Monday 4 January.
  EXPECT_EQ(IsoWeekOf({2016, 1, 1}), (IsoWeek{2015, 53}));
  EXPECT_EQ(IsoWeekOf({2016, 1, 4}), (IsoWeek{2016, 1}));
  EXPECT_EQ(IsoWeekOf({2016, 5, 16}), (IsoWeek{2016, 20}));
  EXPECT_EQ(IsoWeekOf({2016, 5, 22}), (IsoWeek{2016, 20}));  // its Sunday
  // 2018-12-31 (a Monday) is already 2019-W01.
  EXPECT_EQ(IsoWeekOf({2018, 12, 31}), (IsoWeek{2019, 1}));
  EXPECT_EQ(DaysOf(IsoWeek{2016, 20}), (DayRange{{2016, 5, 16}, {2016, 5, 22}}));
  EXPECT_EQ(DaysOf(IsoWeek{2015, 53}), (DayRange{{2015, 12, 28}, {2016, 1, 3}}));
  for (CivilDate day{2014, 12, 20}; day < CivilDate{2021, 1, 10};
       day = CivilFromDays(DaysFromCivil(day) + 1)) {
    ASSERT_TRUE(DaysOf(IsoWeekOf(day)).Contains(day)) << FormatIsoDate(day);
  }
}

TEST(Periods, WeeksMonthsAndQuartersReadAsTheCommandsWriteThem) {
  EXPECT_EQ(ParseIsoWeek("--week", "2016-W20").value(), (IsoWeek{2016, 20}));
  EXPECT_EQ(ParseIsoWeek("--week", "2015-W53").value(), (IsoWeek{2015, 53}));
  EXPECT_EQ(FormatIsoWeek({2016, 5}), "2016-W05");
  EXPECT_EQ(ParseMonth("--month", "2016-02").value(), (DayRange{{2016, 2, 1}, {2016, 2, 29}}));
  EXPECT_EQ(ParseMonth("--month", "2016-12").value(), (DayRange{{2016, 12, 1}, {2016, 12, 31}}));
  EXPECT_EQ(ParseQuarter("--quarter", "2016-Q2").value(), (Quarter{2016, 2}));
  EXPECT_EQ(DaysOf(Quarter{2016, 2}), (DayRange{{2016, 4, 1}, {2016, 6, 30}}));
  EXPECT_EQ(DaysOf(Quarter{2016, 4}), (DayRange{{2016, 10, 1}, {2016, 12, 31}}));
  EXPECT_EQ(FormatQuarter({2016, 2}), "2016-Q2");
}

TEST(Periods, AnythingElseIsRefusedNamingTheFieldAndTheForm) {
  for (const char* text : {"2016-W54", "2016-W53", "2016-W00", "2016-W5", "2016W20", "16-W20",
                           "2016-w20", "", "2016-W2a"}) {
    const auto week = ParseIsoWeek("--week", text);
    ASSERT_FALSE(week.ok()) << text;
    EXPECT_EQ(week.error().field, "--week");
    EXPECT_EQ(week.error().reason, "not_a_period");
    EXPECT_EQ(week.error().params, (Params{{"value", text}, {"form", "YYYY-Www"}}));
  }
  for (const char* text : {"2016-13", "2016-00", "2016-5", "2016/05", "0999-05"}) {
    EXPECT_FALSE(ParseMonth("--month", text).ok()) << text;
  }
  for (const char* text : {"2016-Q0", "2016-Q5", "2016-q2", "2016-Q", "2016-Q12"}) {
    EXPECT_FALSE(ParseQuarter("--quarter", text).ok()) << text;
  }
}

}  // namespace
}  // namespace grassroots::core
