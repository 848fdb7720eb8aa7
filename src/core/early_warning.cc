#include "core/early_warning.h"

#include <algorithm>
#include <array>

namespace grassroots::core {
namespace {

constexpr std::array<std::string_view, 4> kWarningNames = {"green", "yellow", "orange", "red"};

}  // namespace

std::string_view ToString(Warning warning) { return kWarningNames[static_cast<int>(warning)]; }

std::optional<Warning> ParseWarning(std::string_view text) {
  for (std::size_t i = 0; i < kWarningNames.size(); ++i) {
    if (kWarningNames[i] == text) return static_cast<Warning>(i);
  }
  return std::nullopt;
}

Warning WarningOf(const WarningItem& item, const SupervisionThresholds& thresholds,
                  UnixSeconds now) {
  if (item.state == ItemState::kClosed) return Warning::kGreen;
  const int overdue = OverdueDays(item.deadline, item.state, now);
  if (overdue > thresholds.red_overdue_days) return Warning::kRed;
  if (overdue > 0) return Warning::kOrange;
  const std::int64_t days_left = DaysFromCivil(item.deadline) - DaysFromCivil(CountyDate(now));
  if (days_left < thresholds.due_soon_days) return Warning::kYellow;
  return Warning::kGreen;
}

Warning WarningOf(std::span<const WarningItem> items, bool failed_spot_check,
                  const SupervisionThresholds& thresholds, UnixSeconds now) {
  if (failed_spot_check) return Warning::kRed;
  Warning worst = Warning::kGreen;
  for (const WarningItem& item : items) worst = std::max(worst, WarningOf(item, thresholds, now));
  return worst;
}

}  // namespace grassroots::core
