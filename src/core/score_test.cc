#include "core/score.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

TEST(RoundToCents, RoundsHalfAwayFromZero) {
  EXPECT_EQ(RoundToCents(70.8333333), 7083);
  EXPECT_EQ(RoundToCents(66.6666667), 6667);
  EXPECT_EQ(RoundToCents(60.005), 6001);  // 60.005 is 60.00499999... in binary
  EXPECT_EQ(RoundToCents(1.005), 101);
  EXPECT_EQ(RoundToCents(0.125), 13);
  EXPECT_EQ(RoundToCents(100.0), 10000);
  EXPECT_EQ(RoundToCents(0.0), 0);
  EXPECT_EQ(RoundToCents(59.994), 5999);
}

TEST(Grade, ParsesLettersAndChineseNames) {
  EXPECT_EQ(ParseGrade("D"), Grade::kD);
  EXPECT_EQ(ParseGrade("a"), Grade::kA);
  EXPECT_EQ(ParseGrade("较差"), Grade::kD);
  EXPECT_EQ(ParseGrade("E"), std::nullopt);
  EXPECT_EQ(ToString(Grade::kB), "B");
}

}  // namespace
}  // namespace grassroots::core
