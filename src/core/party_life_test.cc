#include "core/party_life.h"

#include <gtest/gtest.h>

#include <vector>

#include "core/test_support.h"

namespace grassroots::core {
namespace {

constexpr CivilDate kPartyLifeToday{2016, 12, 1};

MeetingInput GoodMeeting() {
  MeetingInput in;
  in.org_code = "V1";
  in.kind = "committee_meeting";
  in.on = "2016-05-10";
  in.attended = 5;
  in.expected = 7;
  in.topic = "学习党章";
  return in;
}

Organization OrgOf(std::string code, OrgKind kind) {
  Organization org;
  org.code = std::move(code);
  org.kind = kind;
  return org;
}

MeetingRecord Held(MeetingKind kind, CivilDate on) {
  MeetingRecord m;
  m.kind = kind;
  m.on = on;
  return m;
}

TEST(PartyLifeTest, AGoodMeetingIsRecordedAsSent) {
  auto checked = CheckMeeting(GoodMeeting(), kPartyLifeToday);
  ASSERT_TRUE(checked.ok()) << checked.error().message;
  EXPECT_EQ(checked.value().kind, MeetingKind::kCommitteeMeeting);
  EXPECT_EQ(checked.value().on, (CivilDate{2016, 5, 10}));
  EXPECT_EQ(checked.value().attended, 5);
  EXPECT_EQ(checked.value().expected, 7);
}

TEST(PartyLifeTest, KindsAreReadByNameOrChineseLabel) {
  EXPECT_EQ(ParseMeetingKind("支部党员大会"), MeetingKind::kBranchMeeting);
  EXPECT_EQ(ParseMeetingKind(" 党课 "), MeetingKind::kPartyLecture);
  EXPECT_EQ(ParseMeetingKind("group_meeting"), MeetingKind::kGroupMeeting);
  EXPECT_EQ(ParseMeetingKind("支委会"), MeetingKind::kCommitteeMeeting);
  EXPECT_FALSE(ParseMeetingKind("picnic"));
  for (MeetingKind kind : kAllMeetingKinds) {
    EXPECT_EQ(ParseMeetingKind(ToString(kind)), kind);
    EXPECT_EQ(ParseMeetingKind(ChineseLabel(kind)), kind);
  }
}

TEST(PartyLifeTest, EveryBrokenRuleNamesItsField) {
  MeetingInput in = GoodMeeting();
  in.kind = "picnic";
  in.on = "2016-12-02";  // after today
  in.attended = 9;       // more than expected
  in.topic = "";
  std::vector<Error> errors = MeetingErrors(in, kPartyLifeToday);
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0].field, "kind");
  EXPECT_EQ(errors[0].reason, "unknown_value");
  EXPECT_EQ(errors[1].field, "date");
  EXPECT_EQ(errors[2].field, "attended");
  EXPECT_EQ(errors[2].reason, "attendance_over_expected");
  EXPECT_EQ(errors[3].field, "topic");
  EXPECT_EQ(errors[3].reason, "empty");
}

TEST(PartyLifeTest, AttendanceIsBoundedAndExpectedIsOptional) {
  MeetingInput in = GoodMeeting();
  in.expected.reset();
  in.attended = 40;
  EXPECT_TRUE(CheckMeeting(in, kPartyLifeToday).ok());
  in.attended = -1;
  auto refused = CheckMeeting(in, kPartyLifeToday);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason, "number_out_of_range");
  EXPECT_EQ(refused.error().field, "attended");
}

TEST(PartyLifeTest, CommitteesDoNotLogMeetings) {
  const Organization committee = OrgOf("T1", OrgKind::kCommittee);
  const Organization branch = OrgOf("V1", OrgKind::kBranch);
  const Organization general = OrgOf("G1", OrgKind::kGeneralBranch);
  EXPECT_EQ(CheckHoldsPartyLife(committee).error().reason, "party_life_branches_only");
  EXPECT_TRUE(CheckHoldsPartyLife(branch).ok());
  EXPECT_TRUE(CheckHoldsPartyLife(general).ok());
}

TEST(PartyLifeTest, ABranchSecretaryLogsOnlyTheirOwnBranch) {
  const Principal secretary = Who(Role::kSecretary, {"V1"});
  const std::vector<std::string> own = {"V1", "T1"};
  const std::vector<std::string> other = {"V2", "T1"};
  EXPECT_TRUE(MayLogMeetings(secretary, own));
  EXPECT_FALSE(MayLogMeetings(secretary, other));
  const Principal auditor = Who(Role::kAuditor);
  EXPECT_FALSE(MayLogMeetings(auditor, own));
}

TEST(PartyLifeTest, WhoMayLogWhereTheyReadAgreesWithTheRuleForEachOrganization) {
  const std::vector<std::vector<std::string>> ancestries = {
      {"V1", "T1"}, {"V2", "T1"}, {"T1"}, {"V3", "T2"}};
  for (Role role : {Role::kAdmin, Role::kUnitAdmin, Role::kSecretary, Role::kFirstSecretary,
                    Role::kLeader, Role::kAuditor}) {
    for (const std::vector<std::string>& scope :
         std::vector<std::vector<std::string>>{{"V1"}, {"T1"}, {}}) {
      const Principal who = Who(role, scope);
      for (const std::vector<std::string>& ancestry : ancestries) {
        if (!MayAccessOrganization(who, ancestry, OrgAction::kRead)) continue;
        EXPECT_EQ(MayLogMeetings(who, ancestry), MayLogMeetingsWhereRead(who))
            << ToString(role) << " " << ancestry.front();
      }
    }
  }
}

TEST(PartyLifeTest, AnEndedQuarterShortOfAnyKindIsFlagged) {
  const PartyLifeRequirements required;  // 1, 3, 3, 1
  std::vector<MeetingRecord> held = {
      Held(MeetingKind::kBranchMeeting, {2016, 4, 20}),
      Held(MeetingKind::kCommitteeMeeting, {2016, 4, 5}),
      Held(MeetingKind::kCommitteeMeeting, {2016, 5, 5}),
      Held(MeetingKind::kCommitteeMeeting, {2016, 6, 30}),
      Held(MeetingKind::kGroupMeeting, {2016, 4, 1}),
      Held(MeetingKind::kGroupMeeting, {2016, 7, 1}),  // the next quarter's
      Held(MeetingKind::kPartyLecture, {2016, 6, 1}),
  };
  QuarterTally q2 = TallyQuarter(held, {2016, 2}, required, kPartyLifeToday);
  EXPECT_TRUE(q2.ended);
  EXPECT_TRUE(q2.short_of_required);
  EXPECT_EQ(q2.kinds[0].held, 1);
  EXPECT_EQ(q2.kinds[0].missing, 0);
  EXPECT_EQ(q2.kinds[1].held, 3);
  EXPECT_EQ(q2.kinds[1].missing, 0);
  EXPECT_EQ(q2.kinds[2].kind, MeetingKind::kGroupMeeting);
  EXPECT_EQ(q2.kinds[2].held, 1);
  EXPECT_EQ(q2.kinds[2].required, 3);
  EXPECT_EQ(q2.kinds[2].missing, 2);
  held.push_back(Held(MeetingKind::kGroupMeeting, {2016, 5, 1}));
  held.push_back(Held(MeetingKind::kGroupMeeting, {2016, 6, 1}));
  EXPECT_FALSE(TallyQuarter(held, {2016, 2}, required, kPartyLifeToday).short_of_required);
}

TEST(PartyLifeTest, ARunningQuarterIsNotFlaggedYet) {
  const PartyLifeRequirements required;
  QuarterTally q4 = TallyQuarter({}, {2016, 4}, required, kPartyLifeToday);
  EXPECT_FALSE(q4.ended);
  EXPECT_FALSE(q4.short_of_required);
  EXPECT_EQ(q4.kinds[1].missing, 3);
  // The day after the quarter's last day, the same tally is a shortfall.
  EXPECT_TRUE(TallyQuarter({}, {2016, 4}, required, {2017, 1, 1}).short_of_required);
  EXPECT_FALSE(TallyQuarter({}, {2016, 4}, required, {2016, 12, 31}).short_of_required);
}

TEST(PartyLifeTest, TheRequiredCountsComeFromThePolicy) {
  PartyLifeRequirements required;
  required.committee_meeting = 1;
  required.group_meeting = 0;
  std::vector<MeetingRecord> held = {Held(MeetingKind::kBranchMeeting, {2016, 1, 9}),
                                     Held(MeetingKind::kCommitteeMeeting, {2016, 2, 9}),
                                     Held(MeetingKind::kPartyLecture, {2016, 3, 31})};
  auto year = TallyYear(held, 2016, required, kPartyLifeToday);
  EXPECT_FALSE(year[0].short_of_required);
  EXPECT_TRUE(year[1].short_of_required);
  EXPECT_EQ(year[3].quarter, (Quarter{2016, 4}));
}

TEST(PartyLifeTest, DaysFallInTheirQuarter) {
  EXPECT_EQ(QuarterOf({2016, 3, 31}), (Quarter{2016, 1}));
  EXPECT_EQ(QuarterOf({2016, 4, 1}), (Quarter{2016, 2}));
  EXPECT_EQ(QuarterOf({2016, 12, 31}), (Quarter{2016, 4}));
}

}  // namespace
}  // namespace grassroots::core
