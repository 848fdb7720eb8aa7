// First secretaries' monthly reports (第一书记月初报工作计划、月末报履职台账; issue 14, SPEC §5):
// when each is due and whether it came on time. Days are the county's (UTC+8). Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "core/clock.h"

namespace grassroots::core {

enum class ReportKind : std::uint8_t {
  kWorkPlan,    // 月初工作计划: due by the 5th of the month
  kDutyLedger,  // 月末履职台账: due by the month's last day
};
std::string_view ToString(ReportKind kind);  // "work_plan", "duty_ledger"
std::optional<ReportKind> ParseReportKind(std::string_view text);

inline constexpr int kWorkPlanDueDay = 5;

// A month of the calendar.
struct YearMonth {
  int year = 1970;
  int month = 1;  // 1..12
  friend auto operator<=>(const YearMonth&, const YearMonth&) = default;
};

// The last day a report of `kind` for `month` is on time.
CivilDate ReportDueDate(ReportKind kind, YearMonth month);

enum class ReportStatus : std::uint8_t {
  kPending,  // not in yet, not yet due
  kOnTime,   // in by the end of its due day
  kLate,     // in, after its due day
  kMissing,  // not in, its due day over
};
std::string_view ToString(ReportStatus status);  // "pending", "on_time", "late", "missing"

// Where a report stands at `now`: `submitted_at`, when it came in.
ReportStatus StatusOfReport(ReportKind kind, YearMonth month,
                            std::optional<UnixSeconds> submitted_at, UnixSeconds now);

// The share of due reports that came on time, in percent rounded down; nullopt when none was
// due yet (a first secretary just posted has no rate, rather than 0% or 100%).
std::optional<int> OnTimePercent(std::span<const ReportStatus> statuses);

}  // namespace grassroots::core
