#include "core/first_secretary_reports.h"

namespace grassroots::core {
namespace {

int DaysInMonth(YearMonth month) {
  const YearMonth next =
      month.month == 12 ? YearMonth{month.year + 1, 1} : YearMonth{month.year, month.month + 1};
  return static_cast<int>(DaysFromCivil({next.year, next.month, 1}) -
                          DaysFromCivil({month.year, month.month, 1}));
}

// Whether `at` falls on or before the county day `date`.
bool ByEndOf(const CivilDate& date, UnixSeconds at) { return CountyDate(at) <= date; }

}  // namespace

std::string_view ToString(ReportKind kind) {
  return kind == ReportKind::kWorkPlan ? "work_plan" : "duty_ledger";
}

std::optional<ReportKind> ParseReportKind(std::string_view text) {
  if (text == "work_plan") return ReportKind::kWorkPlan;
  if (text == "duty_ledger") return ReportKind::kDutyLedger;
  return std::nullopt;
}

std::string_view ToString(ReportStatus status) {
  switch (status) {
    case ReportStatus::kPending:
      return "pending";
    case ReportStatus::kOnTime:
      return "on_time";
    case ReportStatus::kLate:
      return "late";
    case ReportStatus::kMissing:
      return "missing";
  }
  return "pending";
}

CivilDate ReportDueDate(ReportKind kind, YearMonth month) {
  const int day = kind == ReportKind::kWorkPlan ? kWorkPlanDueDay : DaysInMonth(month);
  return {month.year, month.month, day};
}

ReportStatus StatusOfReport(ReportKind kind, YearMonth month,
                            std::optional<UnixSeconds> submitted_at, UnixSeconds now) {
  const CivilDate due = ReportDueDate(kind, month);
  if (submitted_at)
    return ByEndOf(due, *submitted_at) ? ReportStatus::kOnTime : ReportStatus::kLate;
  return ByEndOf(due, now) ? ReportStatus::kPending : ReportStatus::kMissing;
}

std::optional<int> OnTimePercent(std::span<const ReportStatus> statuses) {
  int due = 0, on_time = 0;
  for (ReportStatus status : statuses) {
    if (status == ReportStatus::kPending) continue;
    ++due;
    if (status == ReportStatus::kOnTime) ++on_time;
  }
  if (due == 0) return std::nullopt;
  return on_time * 100 / due;
}

}  // namespace grassroots::core
