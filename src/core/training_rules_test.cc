// What a training class (进修班) and its attendee lines must hold (core/training_rules.h).
#include "core/training_rules.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

TrainingClassInput ValidTrainingClass() {
  return {"2016年村党支部书记进修班", "2016-04-11", "2016-04-15", "县委组织部", "县委党校", ""};
}

TEST(TrainingRules, AValidClassKeepsItsDays) {
  auto c = CheckTrainingClass(ValidTrainingClass());
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c.value().starts_on, (CivilDate{2016, 4, 11}));
  EXPECT_EQ(c.value().ends_on, (CivilDate{2016, 4, 15}));
  EXPECT_EQ(c.value().place, "县委党校");
}

TEST(TrainingRules, AnEndBeforeTheStartIsRefusedAtEndsOn) {
  TrainingClassInput in = ValidTrainingClass();
  in.ends_on = "2016-04-10";
  auto c = CheckTrainingClass(in);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().field, "ends_on");
  EXPECT_EQ(c.error().reason, "ends_before_start");
  EXPECT_EQ(c.error().params.size(), 2u);
  in.ends_on = in.starts_on;  // a one-day class
  EXPECT_TRUE(CheckTrainingClass(in).ok());
}

TEST(TrainingRules, NameAndDaysAreRequired) {
  TrainingClassInput in = ValidTrainingClass();
  in.name = "";
  EXPECT_EQ(CheckTrainingClass(in).error().field, "name");
  in = ValidTrainingClass();
  in.starts_on = "2016-02-30";
  EXPECT_EQ(CheckTrainingClass(in).error().field, "starts_on");
  in = ValidTrainingClass();
  in.ends_on = "";
  EXPECT_EQ(CheckTrainingClass(in).error().reason, "empty");
}

TEST(TrainingRules, AttendeesNeedANameAndAValidCode) {
  EXPECT_EQ(CheckAttendees({}, {}).error().reason, "no_attendees");
  Status s = CheckAttendees({{"张三", "V1", true, ""}, {"", "V2", true, ""}}, {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "attendees[1].person");
  s = CheckAttendees({{"张三", "", true, ""}}, {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().field, "attendees[0].org");
}

TEST(TrainingRules, TheSamePersonOfTheSameOrganizationIsOnAListOnce) {
  Status s = CheckAttendees({{"张三", "V1", true, ""}, {"张三", "V1", false, ""}}, {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().reason, "duplicate_attendee");
  EXPECT_EQ(s.error().field, "attendees[1].person");
  s = CheckAttendees({{"张三", "V1", true, ""}}, {{"张三", "V1", true, ""}});
  EXPECT_EQ(s.error().reason, "duplicate_attendee");
  // Two people of one name in two organizations are two people.
  EXPECT_TRUE(CheckAttendees({{"张三", "V1", true, ""}, {"张三", "V2", true, ""}}, {}).ok());
}

}  // namespace
}  // namespace grassroots::core
