#include "core/lifecycle.h"

#include <gtest/gtest.h>

#include "core/org_table.h"
#include "core/test_support.h"

namespace grassroots::core {
namespace {

CivilDate Day(int y, int m, int d) { return {y, m, d}; }

TEST(AssessedIn, AnOrganizationIsAssessedOnlyInTheYearsBeforeTheYearItEnded) {
  EXPECT_TRUE(AssessedIn(std::nullopt, 2030));
  const CivilDate mid_2017 = Day(2017, 6, 30);
  EXPECT_TRUE(AssessedIn(mid_2017, 2015));
  EXPECT_TRUE(AssessedIn(mid_2017, 2016));
  EXPECT_FALSE(AssessedIn(mid_2017, 2017));
  EXPECT_FALSE(AssessedIn(mid_2017, 2018));
  // The first and the last day of a year count alike.
  EXPECT_TRUE(AssessedIn(Day(2017, 1, 1), 2016));
  EXPECT_FALSE(AssessedIn(Day(2017, 1, 1), 2017));
  EXPECT_TRUE(AssessedIn(Day(2017, 12, 31), 2016));
  EXPECT_FALSE(AssessedIn(Day(2017, 12, 31), 2017));
}

OrgTable Table() {
  // T (direct) with branches A, B; C direct. Units: u0.
  OrgTable t;
  t.unit_codes = {"u0"};
  t.Add("A", OrgType::kVillage, 0, 3);
  t.Add("B", OrgType::kCommunity, 0, 3);
  t.Add("C", OrgType::kVillage, 0, kNoParent);
  t.Add("T", OrgType::kVillage, 0, kNoParent);
  return t;
}

TEST(OrganizationsAssessedIn, LeavesOutThoseEndedByThatYearAndKeepsTheTree) {
  const OrgTable all = Table();
  const std::vector<std::pair<std::string, CivilDate>> ended = {{"A", Day(2017, 3, 1)},
                                                                {"C", Day(2018, 1, 1)}};
  const OrgTable y2016 = OrganizationsAssessedIn(all, ended, 2016);
  EXPECT_EQ(y2016.code, (std::vector<std::string>{"A", "B", "C", "T"}));
  EXPECT_EQ(y2016.parent, all.parent);
  const OrgTable y2017 = OrganizationsAssessedIn(all, ended, 2017);
  EXPECT_EQ(y2017.code, (std::vector<std::string>{"B", "C", "T"}));
  EXPECT_EQ(y2017.parent, (std::vector<std::int32_t>{2, kNoParent, kNoParent}));
  EXPECT_EQ(y2017.type[0], OrgType::kCommunity);
  EXPECT_EQ(y2017.unit_codes, all.unit_codes);
  const OrgTable y2018 = OrganizationsAssessedIn(all, ended, 2018);
  EXPECT_EQ(y2018.code, (std::vector<std::string>{"B", "T"}));
  EXPECT_EQ(y2018.parent, (std::vector<std::int32_t>{1, kNoParent}));
}

EndContext Context() {
  EndContext context;
  context.today = Day(2017, 6, 30);
  context.target_known = true;
  return context;
}

TEST(CheckOrgEnd, ADissolutionWithADateAndAReasonIsAccepted) {
  EXPECT_TRUE(
      CheckOrgEnd("A", {OrgEndKind::kDissolved, Day(2017, 6, 1), "", "村撤并"}, Context()).ok());
  EXPECT_TRUE(
      CheckOrgEnd("A", {OrgEndKind::kMerged, Day(2017, 6, 30), "B", "合并"}, Context()).ok());
}

TEST(CheckOrgEnd, ChildrenMustHaveEndedByThatDay) {
  EndContext context = Context();
  context.children = {{"A2", std::nullopt}, {"A1", Day(2017, 1, 1)}, {"A3", Day(2017, 6, 2)}};
  const Status status =
      CheckOrgEnd("A", {OrgEndKind::kDissolved, Day(2017, 6, 1), "", "撤销"}, context);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kConflict);
  EXPECT_EQ(status.error().reason, "organization_has_children");
  EXPECT_EQ(status.error().params, (Params{{"count", "2"}, {"first", "A2"}}));
  context.children = {{"A1", Day(2017, 1, 1)}, {"A3", Day(2017, 6, 1)}};
  EXPECT_TRUE(
      CheckOrgEnd("A", {OrgEndKind::kDissolved, Day(2017, 6, 1), "", "撤销"}, context).ok());
}

TEST(CheckOrgEnd, EachMistakeHasItsReason) {
  EndContext ended = Context();
  ended.already_ended = true;
  EXPECT_EQ(ReasonOf(CheckOrgEnd("A", {OrgEndKind::kDissolved, Day(2017, 1, 1), "", "x"}, ended)),
            "organization_ended");
  EXPECT_EQ(
      ReasonOf(CheckOrgEnd("A", {OrgEndKind::kDissolved, Day(2017, 7, 1), "", "x"}, Context())),
      "end_date_in_future");
  EXPECT_EQ(ReasonOf(CheckOrgEnd("A", {OrgEndKind::kMerged, Day(2017, 1, 1), "", "x"}, Context())),
            "merge_target_missing");
  EXPECT_EQ(ReasonOf(CheckOrgEnd("A", {OrgEndKind::kMerged, Day(2017, 1, 1), "A", "x"}, Context())),
            "merge_into_itself");
  EndContext unknown = Context();
  unknown.target_known = false;
  EXPECT_EQ(ReasonOf(CheckOrgEnd("A", {OrgEndKind::kMerged, Day(2017, 1, 1), "Z", "x"}, unknown)),
            "merge_target_unknown");
  EndContext target_ended = Context();
  target_ended.target_ended = true;
  EXPECT_EQ(
      ReasonOf(CheckOrgEnd("A", {OrgEndKind::kMerged, Day(2017, 1, 1), "B", "x"}, target_ended)),
      "merge_target_ended");
  EXPECT_EQ(
      ReasonOf(CheckOrgEnd("A", {OrgEndKind::kDissolved, Day(2017, 1, 1), "B", "x"}, Context())),
      "merge_target_not_allowed");
  EXPECT_EQ(
      ReasonOf(CheckOrgEnd("A", {OrgEndKind::kDissolved, Day(2017, 1, 1), "", " \t"}, Context())),
      "reason_required");
  EXPECT_EQ(ReasonOf(CheckOrgEnd("A",
                                 {OrgEndKind::kDissolved, Day(2017, 1, 1), "",
                                  std::string(kMaxLifecycleReasonBytes + 1, 'x')},
                                 Context())),
            "reason_too_long");
}

TEST(CheckMemberLeave, ADepartureNeedsAPastDateAfterJoiningAndAReason) {
  const CivilDate today = Day(2017, 6, 30);
  const MemberLeave leave{LeaveKind::kTransferredOut, Day(2017, 3, 1), "转往外县"};
  EXPECT_TRUE(CheckMemberLeave(leave, Day(2001, 7, 1), false, today).ok());
  EXPECT_TRUE(CheckMemberLeave(leave, std::nullopt, false, today).ok());
  EXPECT_EQ(ReasonOf(CheckMemberLeave(leave, std::nullopt, true, today)), "member_left");
  EXPECT_EQ(ReasonOf(CheckMemberLeave(leave, Day(2017, 3, 2), false, today)),
            "leave_before_joined");
  EXPECT_EQ(ReasonOf(CheckMemberLeave(leave, std::nullopt, false, Day(2017, 2, 28))),
            "leave_date_in_future");
  EXPECT_EQ(ReasonOf(CheckMemberLeave({LeaveKind::kDied, Day(2017, 3, 1), ""}, std::nullopt, false,
                                      today)),
            "reason_required");
}

TEST(LifecycleNames, ApiNamesAndChineseLabelsBothParse) {
  EXPECT_EQ(ParseOrgEndKind("合并"), OrgEndKind::kMerged);
  EXPECT_EQ(ParseOrgEndKind("dissolved"), OrgEndKind::kDissolved);
  EXPECT_EQ(ParseOrgEndKind("closed"), std::nullopt);
  EXPECT_EQ(ParseLeaveKind("死亡"), LeaveKind::kDied);
  EXPECT_EQ(ParseLeaveKind("transferred_out"), LeaveKind::kTransferredOut);
  EXPECT_EQ(ToString(LeaveKind::kOther), "other");
  EXPECT_EQ(ChineseLabel(OrgEndKind::kDissolved), "撤销");
}

}  // namespace
}  // namespace grassroots::core
