#include "core/rectification_plan.h"

#include <algorithm>
#include <numeric>

namespace grassroots::core {

std::vector<Dimension> ProposedProblems(const std::array<double, kDimensionCount>& dimensions,
                                        int count) {
  std::array<int, kDimensionCount> order{};
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return dimensions[a] < dimensions[b]; });
  const int taken = std::clamp(count, 0, kDimensionCount);
  std::vector<Dimension> problems;
  for (int i = 0; i < taken; ++i) problems.push_back(static_cast<Dimension>(order[i]));
  return problems;
}

PlanProgress ProgressOf(std::span<const ItemDue> items, UnixSeconds now) {
  PlanProgress progress;
  for (const ItemDue& item : items) {
    ++progress.items;
    if (item.state == ItemState::kClosed) ++progress.closed;
    if (OverdueDays(item.deadline, item.state, now) > 0) ++progress.overdue;
  }
  return progress;
}

std::string_view ToString(PlanStanding standing) {
  switch (standing) {
    case PlanStanding::kUpgraded:
      return "upgraded";
    case PlanStanding::kNotUpgraded:
      return "not_upgraded";
    case PlanStanding::kFinished:
      return "finished";
    case PlanStanding::kUnfinished:
      return "unfinished";
  }
  return "unfinished";
}

PlanStanding StandingOf(std::string_view outcome, const PlanProgress& progress) {
  if (outcome == "upgraded") return PlanStanding::kUpgraded;
  if (outcome == "not_upgraded") return PlanStanding::kNotUpgraded;
  return progress.finished() ? PlanStanding::kFinished : PlanStanding::kUnfinished;
}

}  // namespace grassroots::core
