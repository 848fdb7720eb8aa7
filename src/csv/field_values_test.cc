#include "csv/field_values.h"

#include <gtest/gtest.h>

namespace grassroots::csv {
namespace {

TEST(FieldValues, PlainDecimalsAreNumbers) {
  EXPECT_EQ(ParseDecimal("85"), 85.0);
  EXPECT_EQ(ParseDecimal("85.5"), 85.5);
  EXPECT_EQ(ParseDecimal("0.25"), 0.25);
  EXPECT_EQ(ParseDecimal(".5"), 0.5);
  EXPECT_EQ(ParseDecimal("-1"), -1.0);
  EXPECT_EQ(ParseDecimal("100.00"), 100.0);
}

TEST(FieldValues, AnythingElseIsNotADecimal) {
  for (const char* text : {"", "-", ".", "abc", "85abc", "8 5", "1e2", "nan", "inf", "-inf", "0x1A",
                           "+5", "1.2.3", "85,5", "--1"}) {
    EXPECT_FALSE(ParseDecimal(text)) << text;
  }
}

TEST(FieldValues, WholeNumbersAreDigitsOnly) {
  EXPECT_EQ(ParseWholeNumber("2016"), 2016);
  EXPECT_EQ(ParseWholeNumber("-3"), -3);
  for (const char* text : {"", "2016.0", "20x6", " 2016", "+1", "99999999999999999999"}) {
    EXPECT_FALSE(ParseWholeNumber(text)) << text;
  }
}

TEST(FieldValues, CalendarDatesCountLeapYears) {
  EXPECT_TRUE(IsCalendarDate("2016-02-29"));
  EXPECT_TRUE(IsCalendarDate("2000-02-29"));
  EXPECT_TRUE(IsCalendarDate("1999-12-31"));
  EXPECT_FALSE(IsCalendarDate("2015-02-29"));
  EXPECT_FALSE(IsCalendarDate("1900-02-29"));
  EXPECT_FALSE(IsCalendarDate("2016-04-31"));
  EXPECT_FALSE(IsCalendarDate("2016-13-01"));
  EXPECT_FALSE(IsCalendarDate("2016-00-10"));
  EXPECT_FALSE(IsCalendarDate("2016-01-00"));
  EXPECT_FALSE(IsCalendarDate("0000-01-01"));
}

TEST(FieldValues, DatesMustBeWrittenYyyyMmDd) {
  for (const char* text : {"2016-1-5", "2016/01/05", "20160105", "2016-01-05T00", "16-01-05",
                           "2016-0a-05", "2016-01-+5"}) {
    EXPECT_FALSE(IsCalendarDate(text)) << text;
  }
}

}  // namespace
}  // namespace grassroots::csv
