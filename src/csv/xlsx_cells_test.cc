#include "csv/xlsx_cells.h"

#include <gtest/gtest.h>

namespace grassroots::csv {
namespace {

TEST(XlsxCells, ReferencesNameTheirColumn) {
  EXPECT_EQ(ColumnOfReference("A1"), 0);
  EXPECT_EQ(ColumnOfReference("J12"), 9);
  EXPECT_EQ(ColumnOfReference("AB7"), 27);
  EXPECT_EQ(ColumnOfReference("XFD1048576"), 16383);
  EXPECT_EQ(ColumnOfReference("12"), std::nullopt);
  EXPECT_EQ(ColumnOfReference("A"), std::nullopt);
  EXPECT_EQ(ColumnOfReference("a1"), std::nullopt);
  EXPECT_EQ(ColumnOfReference("XFE1"), std::nullopt);
}

TEST(XlsxCells, NumbersReadAsTheShortestDecimalThatReadsBack) {
  EXPECT_EQ(ShortestDecimal(77.5), "77.5");
  EXPECT_EQ(ShortestDecimal(100000), "100000");
  EXPECT_EQ(ShortestDecimal(0.1), "0.1");
  EXPECT_EQ(ShortestDecimal(-0.0), "0");
  EXPECT_EQ(ShortestDecimal(230722100001), "230722100001");
  EXPECT_EQ(ShortestDecimal(*ParseNumber("1.0000000000000001E-2")), "0.01");
  EXPECT_EQ(ShortestDecimal(*ParseNumber("77.499999999999986")), "77.49999999999999");
  EXPECT_EQ(ParseNumber("abc"), std::nullopt);
  EXPECT_EQ(ParseNumber(""), std::nullopt);
  EXPECT_EQ(ParseNumber("+5"), 5.0);
}

TEST(XlsxCells, BuiltInAndCustomDateFormatsAreDates) {
  EXPECT_TRUE(IsDateFormat(14, ""));
  EXPECT_TRUE(IsDateFormat(22, ""));
  EXPECT_TRUE(IsDateFormat(31, ""));  // yyyy"年"m"月"d"日" in Chinese Excel
  EXPECT_TRUE(IsDateFormat(176, "yyyy/m/d"));
  EXPECT_TRUE(IsDateFormat(177, "yyyy\"年\"m\"月\"d\"日\";@"));
  EXPECT_TRUE(IsDateFormat(178, "[$-804]yyyy-mm-dd"));
  EXPECT_FALSE(IsDateFormat(0, ""));
  EXPECT_FALSE(IsDateFormat(2, ""));
  EXPECT_FALSE(IsDateFormat(20, ""));  // h:mm, a time
  EXPECT_FALSE(IsDateFormat(176, "0.00"));
  EXPECT_FALSE(IsDateFormat(176, "\"day\"0"));
  EXPECT_FALSE(IsDateFormat(176, "[Red]0.0"));
}

TEST(XlsxCells, SerialsAreDatesOfThe1900System) {
  EXPECT_EQ(DateOfSerial(1, false), "1900-01-01");
  EXPECT_EQ(DateOfSerial(59, false), "1900-02-28");
  EXPECT_EQ(DateOfSerial(60, false), "1900-02-29");  // Excel's phantom day
  EXPECT_EQ(DateOfSerial(61, false), "1900-03-01");
  EXPECT_EQ(DateOfSerial(42370, false), "2016-01-01");
  EXPECT_EQ(DateOfSerial(42370.75, false), "2016-01-01");  // the time of day is dropped
  EXPECT_EQ(DateOfSerial(0, false), std::nullopt);
  EXPECT_EQ(DateOfSerial(0, true), "1904-01-01");
  EXPECT_EQ(DateOfSerial(40908, true), "2016-01-01");
}

}  // namespace
}  // namespace grassroots::csv
