// What a recorded interview must hold (core/interview_rules.h) and how a person is keyed.
#include "core/interview_rules.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

const CivilDate kInterviewToday{2016, 6, 30};

InterviewInput ValidInterview() {
  return {"2016-03-08", "李明",          "M0001",        "党支部书记",
          "V01",        "组织部 张部长", "党建工作滞后", "指出问题三条"};
}

TEST(InterviewRules, AValidInterviewIsKeyedByTheMemberIdElseByTheName) {
  auto record = CheckInterview(ValidInterview(), kInterviewToday);
  ASSERT_TRUE(record.ok());
  EXPECT_EQ(record.value().on, (CivilDate{2016, 3, 8}));
  EXPECT_EQ(record.value().key(), "M0001");
  InterviewInput outsider = ValidInterview();
  outsider.member_id.clear();
  EXPECT_EQ(CheckInterview(outsider, kInterviewToday).value().key(), "李明");
}

TEST(InterviewRules, EachRuleNamesItsField) {
  const auto field_of = [](InterviewInput input) {
    auto checked = CheckInterview(input, kInterviewToday);
    return checked.ok() ? std::string("ok") : checked.error().field + ":" + checked.error().reason;
  };
  InterviewInput in = ValidInterview();
  in.on = "2016-07-01";
  EXPECT_EQ(field_of(in), "on:date_out_of_range");
  in = ValidInterview();
  in.on = "2016-02-30";
  EXPECT_EQ(field_of(in), "on:not_a_date");
  in = ValidInterview();
  in.person.clear();
  EXPECT_EQ(field_of(in), "person:empty");
  in = ValidInterview();
  in.interviewer.clear();
  EXPECT_EQ(field_of(in), "interviewer:empty");
  in = ValidInterview();
  in.reason.clear();
  EXPECT_EQ(field_of(in), "reason:empty");
  in = ValidInterview();
  in.record = std::string(kMaxInterviewText + 1, 'x');
  EXPECT_EQ(field_of(in), "record:too_long");
  in = ValidInterview();
  in.org = "a/b";
  EXPECT_EQ(field_of(in), "org:invalid_code");
}

}  // namespace
}  // namespace grassroots::core
