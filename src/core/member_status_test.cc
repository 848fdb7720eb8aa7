// A member's change of status (core/member_status.h): the rule of a change, the status on a day
// and the counts and trend derived from the history.
#include "core/member_status.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

const CivilDate kMemberStatusToday{2016, 8, 15};

Member Regular(std::string id = "M1") {
  Member m;
  m.id = std::move(id);
  m.name = "张三";
  m.org = "V1";
  m.status = MemberStatus::kRegular;
  m.joined = "2010-05-01";
  return m;
}

StatusChange Change(CivilDate on, MemberStatus from, MemberStatus to) {
  StatusChange c;
  c.on = on;
  c.from = from;
  c.to = to;
  return c;
}

std::string ReasonOf(const Result<StatusChange>& r) { return r.ok() ? "ok" : r.error().reason; }

TEST(MemberStatus, AChangeTakesTheCurrentStatusAsFrom) {
  auto change = CheckStatusChange({"mobile", "2016-03-01", "外出务工"}, Regular(), std::nullopt,
                                  kMemberStatusToday);
  ASSERT_TRUE(change.ok()) << change.error().message;
  EXPECT_EQ(change.value().from, MemberStatus::kRegular);
  EXPECT_EQ(change.value().to, MemberStatus::kMobile);
  EXPECT_EQ(change.value().on, (CivilDate{2016, 3, 1}));
  EXPECT_EQ(change.value().member_id, "M1");
}

TEST(MemberStatus, ChineseNamesAreAccepted) {
  auto change = CheckStatusChange({"失联党员", "2016-03-01", ""}, Regular(), std::nullopt,
                                  kMemberStatusToday);
  ASSERT_TRUE(change.ok());
  EXPECT_EQ(change.value().to, MemberStatus::kLostContact);
}

TEST(MemberStatus, AChangeDatedBeforeThePreviousIsRefusedNamingBothDays) {
  auto change = CheckStatusChange({"mobile", "2016-02-28", ""}, Regular(), CivilDate{2016, 3, 1},
                                  kMemberStatusToday);
  ASSERT_FALSE(change.ok());
  EXPECT_EQ(change.error().reason, "status_change_before_previous");
  EXPECT_EQ(change.error().field, "on");
  EXPECT_NE(change.error().message.find("2016-03-01"), std::string::npos);
  // The same day as the previous change is in order.
  EXPECT_EQ(ReasonOf(CheckStatusChange({"mobile", "2016-03-01", ""}, Regular(),
                                       CivilDate{2016, 3, 1}, kMemberStatusToday)),
            "ok");
}

TEST(MemberStatus, TheSameStatusAgainIsNoChange) {
  EXPECT_EQ(ReasonOf(CheckStatusChange({"regular", "2016-03-01", ""}, Regular(), std::nullopt,
                                       kMemberStatusToday)),
            "status_unchanged");
}

TEST(MemberStatus, DaysAfterTodayOrBeforeJoiningAreRefused) {
  EXPECT_EQ(ReasonOf(CheckStatusChange({"mobile", "2016-08-16", ""}, Regular(), std::nullopt,
                                       kMemberStatusToday)),
            "date_out_of_range");
  EXPECT_EQ(ReasonOf(CheckStatusChange({"mobile", "2009-01-01", ""}, Regular(), std::nullopt,
                                       kMemberStatusToday)),
            "status_change_before_joined");
  EXPECT_EQ(
      ReasonOf(CheckStatusChange({"mobile", "", ""}, Regular(), std::nullopt, kMemberStatusToday)),
      "empty");
  EXPECT_EQ(ReasonOf(CheckStatusChange({"away", "2016-03-01", ""}, Regular(), std::nullopt,
                                       kMemberStatusToday)),
            "unknown_value");
}

TEST(MemberStatus, AMemberWhoLeftChangesNoMore) {
  Member left = Regular();
  left.left = MemberLeave{LeaveKind::kOther, {2016, 1, 1}, "转出"};
  EXPECT_EQ(ReasonOf(CheckStatusChange({"mobile", "2016-03-01", ""}, left, std::nullopt,
                                       kMemberStatusToday)),
            "member_left");
}

TEST(MemberStatus, TheStatusOnADayFollowsTheHistory) {
  const std::vector<StatusChange> changes = {
      Change({2016, 3, 1}, MemberStatus::kRegular, MemberStatus::kMobile),
      Change({2016, 6, 1}, MemberStatus::kMobile, MemberStatus::kRegular)};
  // Current status is regular; before the first change the member was regular too.
  EXPECT_EQ(StatusOn(changes, MemberStatus::kRegular, {2016, 2, 29}), MemberStatus::kRegular);
  EXPECT_EQ(StatusOn(changes, MemberStatus::kRegular, {2016, 3, 1}), MemberStatus::kMobile);
  EXPECT_EQ(StatusOn(changes, MemberStatus::kRegular, {2016, 5, 31}), MemberStatus::kMobile);
  EXPECT_EQ(StatusOn(changes, MemberStatus::kRegular, {2016, 6, 1}), MemberStatus::kRegular);
  EXPECT_EQ(StatusOn({}, MemberStatus::kPocket, {2000, 1, 1}), MemberStatus::kPocket);
}

TEST(MemberStatus, CountsOnADayLeaveOutThoseNotYetJoinedOrAlreadyLeft) {
  std::vector<MemberHistory> members(3);
  members[0].member = Regular("M1");
  members[0].member.status = MemberStatus::kRegular;
  members[0].changes = {Change({2016, 3, 1}, MemberStatus::kRegular, MemberStatus::kMobile),
                        Change({2016, 6, 1}, MemberStatus::kMobile, MemberStatus::kRegular)};
  members[1].member = Regular("M2");
  members[1].member.joined = "2016-04-10";
  members[2].member = Regular("M3");
  members[2].member.status = MemberStatus::kLostContact;
  members[2].member.left = MemberLeave{LeaveKind::kOther, {2016, 7, 1}, "转出"};
  const StatusCounts q1 = CountsOn(members, {2016, 3, 31});
  EXPECT_EQ(q1, (StatusCounts{0, 1, 1, 0, 0}));
  const StatusCounts q2 = CountsOn(members, {2016, 6, 30});
  EXPECT_EQ(q2, (StatusCounts{2, 0, 1, 0, 0}));
  const StatusCounts q3 = CountsOn(members, {2016, 9, 30});
  EXPECT_EQ(q3, (StatusCounts{2, 0, 0, 0, 0}));
}

TEST(MemberStatus, TrendDaysAreQuarterEndsUpToToday) {
  EXPECT_EQ(TrendDays(2015, kMemberStatusToday),
            (std::vector<CivilDate>{{2015, 3, 31}, {2015, 6, 30}, {2015, 9, 30}, {2015, 12, 31}}));
  EXPECT_EQ(TrendDays(2016, kMemberStatusToday),
            (std::vector<CivilDate>{{2016, 3, 31}, {2016, 6, 30}, {2016, 8, 15}}));
  EXPECT_EQ(TrendDays(2016, {2016, 6, 30}), (std::vector<CivilDate>{{2016, 3, 31}, {2016, 6, 30}}));
  EXPECT_TRUE(TrendDays(2017, kMemberStatusToday).empty());
}

}  // namespace
}  // namespace grassroots::core
