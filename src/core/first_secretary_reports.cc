#include "core/first_secretary_reports.h"

#include <cstdio>

#include "core/field_rules.h"
#include "core/periods.h"

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

YearMonth MonthOf(const CivilDate& day) { return {day.year, day.month}; }

YearMonth NextMonth(YearMonth month) {
  return month.month == 12 ? YearMonth{month.year + 1, 1} : YearMonth{month.year, month.month + 1};
}

std::string FormatYearMonth(YearMonth month) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d", month.year, month.month);
  return text;
}

Result<YearMonth> ParseYearMonth(std::string_view field, std::string_view text) {
  Result<DayRange> days = ParseMonth(field, text);
  if (!days.ok()) return days.error();
  return MonthOf(days.value().first);
}

bool PostingOwes(const Posting& posting, ReportKind kind, YearMonth month) {
  return posting.Holds(ReportDueDate(kind, month));
}

std::vector<OwedReport> OwedReports(std::span<const Posting> postings, int year,
                                    const CivilDate& today) {
  std::vector<OwedReport> owed;
  for (int m = 1; m <= 12; ++m) {
    const YearMonth month{year, m};
    if (CivilDate{year, m, 1} > today) break;
    for (ReportKind kind : {ReportKind::kWorkPlan, ReportKind::kDutyLedger}) {
      std::optional<std::size_t> holder;
      for (std::size_t i = 0; i < postings.size(); ++i) {
        if (PostingOwes(postings[i], kind, month) &&
            (!holder || postings[*holder].start < postings[i].start)) {
          holder = i;
        }
      }
      if (holder) owed.push_back({*holder, month, kind});
    }
  }
  return owed;
}

Status CheckReportMonth(const Posting& posting, ReportKind kind, YearMonth month,
                        const CivilDate& today) {
  const std::string name = FormatYearMonth(month);
  if (CivilDate{month.year, month.month, 1} > today) {
    return Error::Invalid("the month " + name + " has not begun", "month")
        .With("month_not_started", {{"month", name}});
  }
  if (!PostingOwes(posting, kind, month)) {
    const std::string start = FormatIsoDate(posting.start);
    const std::string ended = posting.ended_on ? FormatIsoDate(*posting.ended_on) : "";
    return Error::Invalid("the posting (from " + start + (ended.empty() ? "" : " until " + ended) +
                              ") does not cover the " + std::string(ToString(kind)) + " of " + name,
                          "month")
        .With("not_posted_for_month", {{"month", name},
                                       {"kind", std::string(ToString(kind))},
                                       {"start", start},
                                       {"ended_on", ended}});
  }
  return Status::Ok();
}

Status CheckReportText(std::string_view text) {
  if (text.empty()) return Error::Invalid("text is required", "text").With("empty", {});
  return CheckText("text", text, kMaxReportTextLength);
}

}  // namespace grassroots::core
