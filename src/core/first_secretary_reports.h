// First secretaries' monthly reports (第一书记月初报工作计划、月末报履职台账; issue 14, SPEC §5):
// when each is due and whether it came on time. Days are the county's (UTC+8). Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"

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

YearMonth MonthOf(const CivilDate& day);
YearMonth NextMonth(YearMonth month);
std::string FormatYearMonth(YearMonth month);  // "2016-05"
// Exactly "YYYY-MM" (core/periods.h ParseMonth): kInvalid naming `field`, not_a_period.
Result<YearMonth> ParseYearMonth(std::string_view field, std::string_view text);

// A first secretary's posting to a village (five-level support's first_secretary holder,
// core/support_rules.h): from `start` until `ended_on`, the day their successor starts (they
// hold it no longer that day); nullopt while current.
struct Posting {
  CivilDate start;
  std::optional<CivilDate> ended_on;
  bool Holds(const CivilDate& day) const { return start <= day && (!ended_on || day < *ended_on); }
};

// Who owes a month's report: whoever holds the posting on its due date. A secretary posted on
// the 20th owes that month's duty ledger but not its work plan; one replaced on the 20th owes
// the plan but not the ledger; so each report is owed by exactly one holder.
bool PostingOwes(const Posting& posting, ReportKind kind, YearMonth month);

// The reports owed in `year` by the holders of one village's postings (in any order), for the
// months that have begun by the county's `today`: each month's plan and ledger, owed by the
// posting that holds on its due day (none when the village had no holder then; of postings
// overlapping, as when recorded for two selection years, the one started last). By month, then
// kind (plan first).
struct OwedReport {
  std::size_t posting = 0;  // index into `postings`
  YearMonth month;
  ReportKind kind = ReportKind::kWorkPlan;
};
std::vector<OwedReport> OwedReports(std::span<const Posting> postings, int year,
                                    const CivilDate& today);

// Why `posting` may not file the report of `kind` for `month` at county day `today`, or Ok:
// the month must have begun (month_not_started {month}) and be one the posting owes
// (not_posted_for_month {month, kind, start, ended_on}); kInvalid naming "month".
Status CheckReportMonth(const Posting& posting, ReportKind kind, YearMonth month,
                        const CivilDate& today);

// A report's text: required, at most this many characters (lines allowed).
inline constexpr std::size_t kMaxReportTextLength = 5000;
Status CheckReportText(std::string_view text);

}  // namespace grassroots::core
