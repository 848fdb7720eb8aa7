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

}  // namespace
}  // namespace grassroots::csv
