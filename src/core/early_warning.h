// The early-warning colour of an organization under rectification (预警, issue 13): from its
// items, the policy's [supervision] thresholds and whether a spot check failed it. Pure: the
// adapters read the items and the spot-check outcome and show the answer in the ledger and on
// the dashboard.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "core/clock.h"
#include "core/policy.h"
#include "core/rectification_item.h"

namespace grassroots::core {

// Worst last, so the colour of several items is their maximum.
enum class Warning : std::uint8_t { kGreen, kYellow, kOrange, kRed };
std::string_view ToString(Warning warning);  // "green", "yellow", "orange", "red"
std::optional<Warning> ParseWarning(std::string_view text);

struct WarningItem {
  CivilDate deadline;
  ItemState state = ItemState::kOpen;
};

// One item's colour at `now` (the county's day, UTC+8): red when OverdueDays is above
// red_overdue_days, orange when above 0, yellow when not closed and the deadline is within
// due_soon_days of today (today included), else green. Closed items are green.
Warning WarningOf(const WarningItem& item, const SupervisionThresholds& thresholds,
                  UnixSeconds now);

// An organization's colour: red when `failed_spot_check`, else the worst of its items' (green
// with no items).
Warning WarningOf(std::span<const WarningItem> items, bool failed_spot_check,
                  const SupervisionThresholds& thresholds, UnixSeconds now);

}  // namespace grassroots::core
