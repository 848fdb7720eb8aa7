#include "core/clock.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

// 2016-06-30T16:00:00Z is 2016-07-01 00:00 in the county.
constexpr UnixSeconds kCountyJuly1 = 1467302400;

TEST(Clock, TheCountysDayTurnsAtSixteenHundredUtc) {
  EXPECT_EQ(CountyDate(kCountyJuly1 - 1), (CivilDate{2016, 6, 30}));
  EXPECT_EQ(CountyDate(kCountyJuly1), (CivilDate{2016, 7, 1}));
  EXPECT_EQ(CountyDayStart({2016, 7, 1}), kCountyJuly1);
}

TEST(Clock, YearEndInTheCountyIsStillDecemberInUtc) {
  const UnixSeconds new_year = CountyDayStart({2017, 1, 1});
  EXPECT_EQ(FormatUtc(new_year), "2016-12-31T16:00:00Z");
  EXPECT_EQ(CountyDate(new_year), (CivilDate{2017, 1, 1}));
  EXPECT_EQ(CountyDate(new_year - 1), (CivilDate{2016, 12, 31}));
}

TEST(Clock, DaysRoundTripAcrossLeapYearsAndBeforeTheEpoch) {
  for (std::int64_t days = -800000; days <= 800000; days += 97) {
    EXPECT_EQ(DaysFromCivil(CivilFromDays(days)), days);
  }
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(DaysFromCivil({2016, 3, 1}) - DaysFromCivil({2016, 2, 28}), 2);
  EXPECT_EQ(DaysFromCivil({2100, 3, 1}) - DaysFromCivil({2100, 2, 28}), 1);
  EXPECT_EQ(CountyDate(-1), (CivilDate{1970, 1, 1}));  // 07:59:59 in the county
  EXPECT_EQ(CountyDate(-8 * 3600 - 1), (CivilDate{1969, 12, 31}));
}

TEST(Clock, ParsesOnlyRealDaysWrittenInFull) {
  EXPECT_EQ(ParseIsoDate("2016-02-29"), (CivilDate{2016, 2, 29}));
  EXPECT_FALSE(ParseIsoDate("2015-02-29"));
  EXPECT_FALSE(ParseIsoDate("2016-02-30"));
  EXPECT_FALSE(ParseIsoDate("2016-13-01"));
  EXPECT_FALSE(ParseIsoDate("2016-2-3"));
  EXPECT_FALSE(ParseIsoDate("not-a-date"));
  EXPECT_FALSE(ParseIsoDate("0000-01-01"));
  EXPECT_FALSE(ParseIsoDate("2016-01-01 "));
  EXPECT_EQ(FormatIsoDate({2016, 2, 9}), "2016-02-09");
}

TEST(Clock, InstantsReadWithTheirOffset) {
  EXPECT_EQ(ParseIsoInstant("2016-07-01T00:00:00+08:00"), kCountyJuly1);
  EXPECT_EQ(ParseIsoInstant("2016-06-30T16:00:00Z"), kCountyJuly1);
  EXPECT_EQ(ParseIsoInstant("2016-06-30T15:59:59Z"), kCountyJuly1 - 1);
  EXPECT_EQ(ParseIsoInstant("2016-06-30T10:30:00-05:30"), kCountyJuly1);
  EXPECT_EQ(FormatUtc(*ParseIsoInstant("2016-07-01T07:59:59+08:00")), "2016-06-30T23:59:59Z");
  for (const char* bad : {"2016-07-01", "2016-07-01T00:00:00", "2016-07-01 00:00:00Z",
                          "2016-02-30T00:00:00Z", "2016-07-01T24:00:00Z", "2016-07-01T00:00:00+8",
                          "2016-07-01T00:00:00+08:00 ", "2016-07-01T00:60:00Z"}) {
    EXPECT_FALSE(ParseIsoInstant(bad)) << bad;
  }
}

TEST(Clock, TheDefaultClockCanBeFixedAndRestored) {
  FixedClock fixed(kCountyJuly1);
  SetDefaultClock(&fixed);
  EXPECT_EQ(DefaultClock().Now(), kCountyJuly1);
  fixed.Advance(60);
  EXPECT_EQ(DefaultClock().Now(), kCountyJuly1 + 60);
  SetDefaultClock(nullptr);
  EXPECT_GT(DefaultClock().Now(), kCountyJuly1);
}

}  // namespace
}  // namespace grassroots::core
