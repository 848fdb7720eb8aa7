#include "core/rectification_plan.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

TEST(RectificationPlan, ProposesTheWeakestDimensionsWeakestFirst) {
  //                  team  leader venue routine service members
  const std::array<double, kDimensionCount> scores = {80, 55.5, 90, 40, 70, 55.5};
  EXPECT_EQ(ProposedProblems(scores),
            (std::vector<Dimension>{Dimension::kRoutine, Dimension::kLeader, Dimension::kMembers}));
  // Equal scores keep the contract's order, whatever the count asked.
  EXPECT_EQ(ProposedProblems(scores, 2),
            (std::vector<Dimension>{Dimension::kRoutine, Dimension::kLeader}));
  EXPECT_EQ(ProposedProblems({60, 60, 60, 60, 60, 60}, 2),
            (std::vector<Dimension>{Dimension::kTeam, Dimension::kLeader}));
  EXPECT_EQ(ProposedProblems(scores, 9).size(), 6u);
  EXPECT_TRUE(ProposedProblems(scores, -1).empty());
}

TEST(RectificationPlan, FinishedWhenEveryItemIsClosedAndOverdueCountsTheOpenLateOnes) {
  const UnixSeconds now = CountyDayStart({2016, 7, 1});
  const ItemDue late_open{ItemState::kInProgress, {2016, 6, 29}};
  const ItemDue late_closed{ItemState::kClosed, {2016, 6, 29}};
  const ItemDue due_today{ItemState::kSubmitted, {2016, 7, 1}};
  const ItemDue items[] = {late_open, late_closed, due_today};
  const PlanProgress progress = ProgressOf(items, now);
  EXPECT_EQ(progress.items, 3);
  EXPECT_EQ(progress.closed, 1);
  EXPECT_EQ(progress.overdue, 1);
  EXPECT_FALSE(progress.finished());
  const ItemDue all_closed[] = {late_closed, late_closed};
  EXPECT_TRUE(ProgressOf(all_closed, now).finished());
  EXPECT_FALSE(ProgressOf({}, now).finished());
}

TEST(RectificationPlan, StandingIsTheRecordedOutcomeElseWhetherEveryItemIsClosed) {
  const PlanProgress done{2, 2, 0}, open{2, 1, 1}, empty{};
  EXPECT_EQ(StandingOf("upgraded", done), PlanStanding::kUpgraded);
  EXPECT_EQ(StandingOf("not_upgraded", open), PlanStanding::kNotUpgraded);
  EXPECT_EQ(StandingOf("not_upgraded", done), PlanStanding::kNotUpgraded);
  EXPECT_EQ(StandingOf("", done), PlanStanding::kFinished);
  EXPECT_EQ(StandingOf("", open), PlanStanding::kUnfinished);
  EXPECT_EQ(StandingOf("", empty), PlanStanding::kUnfinished);
  EXPECT_EQ(ToString(PlanStanding::kNotUpgraded), "not_upgraded");
  EXPECT_EQ(ToString(PlanStanding::kFinished), "finished");
}

}  // namespace
}  // namespace grassroots::core
