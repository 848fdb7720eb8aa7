// The adjustment queue's rules (core/adjustment.h): one removal per secretary, what a decision
// must say, and when an open one is flagged.
#include "core/adjustment.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

ConsecutiveCase Case(const std::string& code, const std::string& parent) {
  ResultRow row;
  row.code = code;
  row.parent = parent;
  row.selected = true;
  row.consecutive = true;
  ConsecutiveCase c{row, {{ActionKind::kRemoveSecretary, code}}};
  if (!parent.empty()) c.actions.emplace_back(ActionKind::kRemoveParentSecretary, parent);
  return c;
}

TEST(AdjustmentQueue, ASecretaryProposedByTwoCasesIsRemovedOnce) {
  const std::vector<ProposedRemoval> queue =
      ProposedRemovals({Case("V2", "T1"), Case("V1", "T1"), Case("D9", "")});
  ASSERT_EQ(queue.size(), 4u);
  EXPECT_EQ(queue[0].org, "D9");
  EXPECT_EQ(queue[1].org, "T1");
  ASSERT_EQ(queue[1].because.size(), 2u);
  EXPECT_EQ(queue[1].because[0],
            std::make_pair(ActionKind::kRemoveParentSecretary, std::string("V1")));
  EXPECT_EQ(queue[1].because[1].second, "V2");
  EXPECT_EQ(queue[2].org, "V1");
  EXPECT_EQ(queue[2].because[0].first, ActionKind::kRemoveSecretary);
}

const CivilDate kAdjustmentToday{2017, 3, 1};

TEST(AdjustmentDecisionRules, DoneNeedsADayNotAfterTodayAndASuccessor) {
  auto done = CheckAdjustmentDecision({"done", "2017-02-10", "王芳", ""}, kAdjustmentToday);
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done.value().outcome, AdjustmentOutcome::kDone);
  EXPECT_EQ(done.value().on, (CivilDate{2017, 2, 10}));
  EXPECT_EQ(done.value().successor, "王芳");

  auto future = CheckAdjustmentDecision({"done", "2017-03-02", "王芳", ""}, kAdjustmentToday);
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.error().reason, "date_out_of_range");
  EXPECT_EQ(future.error().field, "on");
  auto no_day = CheckAdjustmentDecision({"done", "", "王芳", ""}, kAdjustmentToday);
  EXPECT_EQ(no_day.error().field, "on");
  auto no_successor = CheckAdjustmentDecision({"done", "2017-02-10", "", ""}, kAdjustmentToday);
  EXPECT_EQ(no_successor.error().field, "successor");
  EXPECT_EQ(no_successor.error().reason, "empty");
}

TEST(AdjustmentDecisionRules, NotDoneNeedsAReasonAndNothingOfADoneOne) {
  auto kept = CheckAdjustmentDecision({"not_done", "", "", "已调离, 无需免职"}, kAdjustmentToday);
  ASSERT_TRUE(kept.ok());
  EXPECT_FALSE(kept.value().on.has_value());
  auto no_reason = CheckAdjustmentDecision({"not_done", "", "", ""}, kAdjustmentToday);
  EXPECT_EQ(no_reason.error().field, "reason");
  EXPECT_EQ(no_reason.error().reason, "empty");
  auto successor = CheckAdjustmentDecision({"not_done", "", "王芳", "why"}, kAdjustmentToday);
  EXPECT_EQ(successor.error().reason, "not_allowed");
  auto unknown = CheckAdjustmentDecision({"maybe", "", "", "why"}, kAdjustmentToday);
  EXPECT_EQ(unknown.error().reason, "unknown_value");
  EXPECT_EQ(unknown.error().field, "outcome");
}

TEST(AdjustmentOverdueRule, AnOpenDecisionIsFlaggedFrom30DaysAfterTheRun) {
  const CivilDate run{2017, 1, 10};
  EXPECT_FALSE(AdjustmentOverdue(false, run, {2017, 2, 8}));  // 29 days
  EXPECT_TRUE(AdjustmentOverdue(false, run, {2017, 2, 9}));   // 30 days
  EXPECT_FALSE(AdjustmentOverdue(true, run, {2017, 6, 1}));   // decided: never
}

}  // namespace
}  // namespace grassroots::core
