// A rectification plan (个性整顿方案) of an organization selected in a year's assessment (issue
// 12, SPEC §3): the problems it is proposed from and when it is finished. Pure.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/rectification_item.h"
#include "core/score.h"

namespace grassroots::core {

// How many of an organization's dimensions a new plan proposes as its problems.
inline constexpr int kProposedProblems = 3;

// The problems a new plan proposes: the `count` weakest of the organization's six dimension
// scores, weakest first; equal scores in the contract's dimension order (team, leader, venue,
// routine, service, members), so the proposal is the same wherever it is made. The county
// edits the plan afterwards; this is only where it starts.
std::vector<Dimension> ProposedProblems(const std::array<double, kDimensionCount>& dimensions,
                                        int count = kProposedProblems);

// Where a plan's items stand at an instant.
struct PlanProgress {
  int items = 0;
  int closed = 0;
  int overdue = 0;  // not closed and past the deadline (OverdueDays > 0)
  // Finished when it has items and every one is closed: an empty plan is not finished.
  bool finished() const { return items > 0 && closed == items; }
};

struct ItemDue {
  ItemState state = ItemState::kOpen;
  CivilDate deadline;
};
PlanProgress ProgressOf(std::span<const ItemDue> items, UnixSeconds now);

// Where a plan stands, as the next year's assessment shows it: the outcome the county recorded
// at year end (转化升级 upgraded, or not_upgraded with its reason), else finished (every item
// closed, no outcome yet) or unfinished. The names are the API's.
enum class PlanStanding : std::uint8_t { kUpgraded, kNotUpgraded, kFinished, kUnfinished };
std::string_view ToString(PlanStanding standing);
// `outcome` as stored: "upgraded", "not_upgraded" or "" (none recorded).
PlanStanding StandingOf(std::string_view outcome, const PlanProgress& progress);

}  // namespace grassroots::core
