#include "core/rectification_item.h"

#include <gtest/gtest.h>

#include <map>
#include <vector>

namespace grassroots::core {
namespace {

constexpr ItemState kStates[] = {ItemState::kOpen, ItemState::kInProgress, ItemState::kSubmitted,
                                 ItemState::kClosed};
constexpr ItemStep kSteps[] = {ItemStep::kStart, ItemStep::kSubmit, ItemStep::kReject,
                               ItemStep::kClose};
constexpr ItemRelation kRelations[] = {ItemRelation::kNone, ItemRelation::kReader,
                                       ItemRelation::kWorker, ItemRelation::kSupervisor};

constexpr std::int64_t kSubmitter = 7, kSupervisorId = 9;

// The whole table: every step from every state in every relation, with evidence attached, a
// reason given and a supervisor other than the submitter. Exactly the four moves of SPEC §3
// succeed, each only for the relations that may take it.
TEST(RectificationItem, EveryStepFromEveryStateInEveryRelation) {
  const std::map<std::pair<ItemState, ItemStep>, ItemState> legal = {
      {{ItemState::kOpen, ItemStep::kStart}, ItemState::kInProgress},
      {{ItemState::kInProgress, ItemStep::kSubmit}, ItemState::kSubmitted},
      {{ItemState::kSubmitted, ItemStep::kReject}, ItemState::kInProgress},
      {{ItemState::kSubmitted, ItemStep::kClose}, ItemState::kClosed},
  };
  int succeeded = 0;
  for (ItemRelation relation : kRelations) {
    for (ItemState state : kStates) {
      for (ItemStep step : kSteps) {
        SCOPED_TRACE(std::string(ToString(state)) + " " + std::string(ToString(step)) + " as " +
                     std::to_string(static_cast<int>(relation)));
        const ItemFacts item{state, kSubmitter, 1};
        const auto next = NextItemState(item, step, relation, kSupervisorId, "未整改到位");
        const bool judging = step == ItemStep::kReject || step == ItemStep::kClose;
        const bool permitted = relation == ItemRelation::kSupervisor ||
                               (relation == ItemRelation::kWorker && !judging);
        const auto move = legal.find({state, step});
        if (!permitted) {
          ASSERT_FALSE(next.ok());
          EXPECT_EQ(next.error().code, ErrorCode::kForbidden);
          EXPECT_EQ(next.error().reason, "item_step_not_permitted");
        } else if (move == legal.end()) {
          ASSERT_FALSE(next.ok());
          EXPECT_EQ(next.error().code, ErrorCode::kConflict);
          EXPECT_EQ(next.error().reason, "item_step_illegal");
          EXPECT_EQ(next.error().params, (Params{{"step", std::string(ToString(step))},
                                                 {"state", std::string(ToString(state))}}));
        } else {
          ASSERT_TRUE(next.ok()) << next.error().message;
          EXPECT_EQ(next.value(), move->second);
          ++succeeded;
        }
      }
    }
  }
  EXPECT_EQ(succeeded, 2 + 4);  // the worker's start and submit; the supervisor's four
}

TEST(RectificationItem, ClosingNeedsEvidence) {
  const auto next = NextItemState({ItemState::kSubmitted, kSubmitter, 0}, ItemStep::kClose,
                                  ItemRelation::kSupervisor, kSupervisorId, "");
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.error().reason, "item_close_needs_evidence");
  EXPECT_EQ(next.error().field, "evidence");
}

TEST(RectificationItem, WhoSubmittedMayNotAlsoClose) {
  const ItemFacts item{ItemState::kSubmitted, kSupervisorId, 3};
  const auto own =
      NextItemState(item, ItemStep::kClose, ItemRelation::kSupervisor, kSupervisorId, "");
  ASSERT_FALSE(own.ok());
  EXPECT_EQ(own.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(own.error().reason, "item_close_by_submitter");
  // Another supervisor may, and the submitter may still reject their own submission.
  EXPECT_TRUE(NextItemState(item, ItemStep::kClose, ItemRelation::kSupervisor, 1, "").ok());
  EXPECT_TRUE(
      NextItemState(item, ItemStep::kReject, ItemRelation::kSupervisor, kSupervisorId, "补材料")
          .ok());
}

TEST(RectificationItem, ARejectionNeedsAReasonOfBoundedLength) {
  const ItemFacts item{ItemState::kSubmitted, kSubmitter, 1};
  for (std::string_view blank : {"", "  \n\t"}) {
    const auto next =
        NextItemState(item, ItemStep::kReject, ItemRelation::kSupervisor, kSupervisorId, blank);
    ASSERT_FALSE(next.ok());
    EXPECT_EQ(next.error().reason, "empty");
    EXPECT_EQ(next.error().field, "reason");
  }
  std::string long_reason;
  for (std::size_t i = 0; i <= kMaxRejectReasonLength; ++i) long_reason += "缺";
  const auto next =
      NextItemState(item, ItemStep::kReject, ItemRelation::kSupervisor, kSupervisorId, long_reason);
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.error().reason, "too_long");
  long_reason.resize(long_reason.size() - 3);  // one character fewer: exactly the maximum
  EXPECT_TRUE(
      NextItemState(item, ItemStep::kReject, ItemRelation::kSupervisor, kSupervisorId, long_reason)
          .ok());
}

Principal As(Role role, std::vector<std::string> scope) { return {1, "someone", role, scope}; }

TEST(RectificationItem, RelationsFollowTheRolesAndScope) {
  const std::vector<std::string> branch = {"MH001-01", "MH001"};  // a branch and its unit
  const std::vector<std::string> unit = {"MH001"};
  EXPECT_EQ(RelationToItem(As(Role::kAdmin, {}), branch, false), ItemRelation::kSupervisor);
  EXPECT_EQ(RelationToItem(As(Role::kAuditor, {}), branch, false), ItemRelation::kReader);
  EXPECT_EQ(RelationToItem(As(Role::kAuditor, {}), branch, true), ItemRelation::kReader);
  // A unit admin supervises what lies below its unit; its unit answers to the county.
  EXPECT_EQ(RelationToItem(As(Role::kUnitAdmin, {"MH001"}), branch, false),
            ItemRelation::kSupervisor);
  EXPECT_EQ(RelationToItem(As(Role::kUnitAdmin, {"MH001"}), unit, false), ItemRelation::kWorker);
  EXPECT_EQ(RelationToItem(As(Role::kUnitAdmin, {"MH002"}), branch, false), ItemRelation::kNone);
  EXPECT_EQ(RelationToItem(As(Role::kSecretary, {"MH001-01"}), branch, false),
            ItemRelation::kWorker);
  EXPECT_EQ(RelationToItem(As(Role::kSecretary, {"MH001-02"}), branch, false), ItemRelation::kNone);
  EXPECT_EQ(RelationToItem(As(Role::kFirstSecretary, {"MH001-01"}), branch, false),
            ItemRelation::kWorker);
  EXPECT_EQ(RelationToItem(As(Role::kLeader, {"MH001-01"}), branch, false), ItemRelation::kReader);
  EXPECT_EQ(RelationToItem(As(Role::kLeader, {"MH002"}), branch, false), ItemRelation::kNone);
  // The supervisor five-level support assigns supervises whatever its role.
  EXPECT_EQ(RelationToItem(As(Role::kLeader, {"MH002"}), branch, true), ItemRelation::kSupervisor);
}

// The instant `date` `hh:mm:ss` in the county (UTC+8).
UnixSeconds CountyTime(CivilDate date, int hh, int mm, int ss) {
  return CountyDayStart(date) + hh * 3600 + mm * 60 + ss;
}

TEST(RectificationItem, OverdueCountsWholeCountyDaysPastTheDeadline) {
  struct Case {
    CivilDate deadline;
    UnixSeconds now;
    int days;
  };
  const std::vector<Case> cases = {
      // A month's end: the deadline's own day is not overdue, up to its last second.
      {{2016, 4, 30}, CountyTime({2016, 4, 30}, 23, 59, 59), 0},
      {{2016, 4, 30}, CountyTime({2016, 5, 1}, 0, 0, 0), 1},
      // A quarter's end, seen at 16:00 UTC, which is already the next county day.
      {{2016, 3, 31}, ParseIsoInstant("2016-03-31T15:59:59Z").value(), 0},
      {{2016, 3, 31}, ParseIsoInstant("2016-03-31T16:00:00Z").value(), 1},
      // A year's end, and a leap February.
      {{2016, 12, 31}, CountyTime({2017, 1, 1}, 8, 0, 0), 1},
      {{2016, 2, 28}, CountyTime({2016, 3, 1}, 0, 0, 0), 2},
      // Before the deadline: not overdue, never negative.
      {{2016, 6, 30}, CountyTime({2016, 6, 1}, 12, 0, 0), 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(FormatIsoDate(c.deadline) + " at " + FormatUtc(c.now));
    for (ItemState state : {ItemState::kOpen, ItemState::kInProgress, ItemState::kSubmitted}) {
      EXPECT_EQ(OverdueDays(c.deadline, state, c.now), c.days);
    }
    EXPECT_EQ(OverdueDays(c.deadline, ItemState::kClosed, c.now), 0);
  }
}

TEST(RectificationItem, NamesReadBack) {
  for (ItemState state : kStates) EXPECT_EQ(ParseItemState(ToString(state)), state);
  for (ItemStep step : kSteps) EXPECT_EQ(ParseItemStep(ToString(step)), step);
  EXPECT_FALSE(ParseItemState("done").has_value());
  EXPECT_FALSE(ParseItemStep("").has_value());
}

}  // namespace
}  // namespace grassroots::core
