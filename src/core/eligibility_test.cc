#include "core/eligibility.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

TEST(Eligibility, AnInterviewBlocksItsCalendarYearOnly) {
  const Interview interviews[] = {{3, {2016, 12, 31}}, {1, {2015, 1, 1}}, {2, {2016, 1, 1}}};
  const Eligibility in_2016 = EligibilityIn(2016, interviews);
  EXPECT_FALSE(in_2016.eligible);
  ASSERT_EQ(in_2016.blocking.size(), 2u);
  EXPECT_EQ(in_2016.blocking[0].id, 2);  // by date
  EXPECT_EQ(in_2016.blocking[1].id, 3);
  const Eligibility in_2015 = EligibilityIn(2015, interviews);
  EXPECT_FALSE(in_2015.eligible);
  ASSERT_EQ(in_2015.blocking.size(), 1u);
  EXPECT_EQ(in_2015.blocking[0].id, 1);
  // The year after the last interview is free again, as is a year with none.
  EXPECT_TRUE(EligibilityIn(2017, interviews).eligible);
  EXPECT_TRUE(EligibilityIn(2017, interviews).blocking.empty());
  EXPECT_TRUE(EligibilityIn(2016, {}).eligible);
}

}  // namespace
}  // namespace grassroots::core
