#include "core/first_secretary_reports.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace grassroots::core {
namespace {

UnixSeconds County(CivilDate date, int hour) { return CountyDayStart(date) + hour * 3600; }

TEST(FirstSecretaryReports, ThePlanIsDueByTheFifthAndTheLedgerByTheMonthsLastDay) {
  EXPECT_EQ(ReportDueDate(ReportKind::kWorkPlan, {2016, 2}), (CivilDate{2016, 2, 5}));
  EXPECT_EQ(ReportDueDate(ReportKind::kDutyLedger, {2016, 2}), (CivilDate{2016, 2, 29}));
  EXPECT_EQ(ReportDueDate(ReportKind::kDutyLedger, {2015, 2}), (CivilDate{2015, 2, 28}));
  EXPECT_EQ(ReportDueDate(ReportKind::kDutyLedger, {2016, 4}), (CivilDate{2016, 4, 30}));
  EXPECT_EQ(ReportDueDate(ReportKind::kDutyLedger, {2016, 12}), (CivilDate{2016, 12, 31}));
}

TEST(FirstSecretaryReports, OnTimeMeansByTheEndOfTheDueDayInTheCounty) {
  const YearMonth may{2016, 5};
  const ReportKind plan = ReportKind::kWorkPlan;
  // 23:30 on the 5th in the county is 15:30 UTC: on time; 00:30 on the 6th is late.
  EXPECT_EQ(StatusOfReport(plan, may, County({2016, 5, 5}, 23) + 1800, County({2016, 6, 1}, 9)),
            ReportStatus::kOnTime);
  EXPECT_EQ(StatusOfReport(plan, may, County({2016, 5, 6}, 0) + 1800, County({2016, 6, 1}, 9)),
            ReportStatus::kLate);
  // Not in: pending through the 5th, missing from the 6th.
  EXPECT_EQ(StatusOfReport(plan, may, std::nullopt, County({2016, 5, 5}, 23)),
            ReportStatus::kPending);
  EXPECT_EQ(StatusOfReport(plan, may, std::nullopt, County({2016, 5, 6}, 0)),
            ReportStatus::kMissing);
  // The year's last ledger, due on 31 December, seen on New Year's Day.
  EXPECT_EQ(
      StatusOfReport(ReportKind::kDutyLedger, {2016, 12}, std::nullopt, County({2017, 1, 1}, 0)),
      ReportStatus::kMissing);
}

TEST(FirstSecretaryReports, TheOnTimeRateCountsOnlyReportsAlreadyDue) {
  const std::vector<ReportStatus> statuses = {ReportStatus::kOnTime, ReportStatus::kLate,
                                              ReportStatus::kMissing, ReportStatus::kPending};
  EXPECT_EQ(OnTimePercent(statuses), 33);
  EXPECT_EQ(OnTimePercent(std::vector<ReportStatus>{ReportStatus::kPending}), std::nullopt);
  EXPECT_EQ(OnTimePercent(std::vector<ReportStatus>{ReportStatus::kOnTime}), 100);
}

TEST(FirstSecretaryReports, NamesReadBack) {
  for (ReportKind kind : {ReportKind::kWorkPlan, ReportKind::kDutyLedger}) {
    EXPECT_EQ(ParseReportKind(ToString(kind)), kind);
  }
  EXPECT_FALSE(ParseReportKind("plan").has_value());
}

TEST(FirstSecretaryReports, TheLedgerOfALeapFebruaryIsDueOnThe29th) {
  const ReportKind ledger = ReportKind::kDutyLedger;
  // 2016-02-29 23:59 county time is on time; 2016-03-01 00:00 is late.
  EXPECT_EQ(StatusOfReport(ledger, {2016, 2}, County({2016, 2, 29}, 23) + 59 * 60,
                           County({2016, 3, 2}, 9)),
            ReportStatus::kOnTime);
  EXPECT_EQ(StatusOfReport(ledger, {2016, 2}, County({2016, 3, 1}, 0), County({2016, 3, 2}, 9)),
            ReportStatus::kLate);
  // In 2100 (not a leap year) it is due on the 28th: the 1st of March at 00:00 finds it missing.
  EXPECT_EQ(ReportDueDate(ledger, {2100, 2}), (CivilDate{2100, 2, 28}));
  EXPECT_EQ(StatusOfReport(ledger, {2100, 2}, std::nullopt, County({2100, 3, 1}, 0)),
            ReportStatus::kMissing);
  EXPECT_EQ(StatusOfReport(ledger, {2100, 2}, std::nullopt, County({2100, 2, 28}, 23) + 3599),
            ReportStatus::kPending);
}

TEST(FirstSecretaryReports, AReportOwedIsOwedByWhoeverHoldsThePostingOnItsDueDay) {
  // Posted on 20 May, replaced on 20 September.
  const Posting posting{{2016, 5, 20}, CivilDate{2016, 9, 20}};
  EXPECT_FALSE(PostingOwes(posting, ReportKind::kWorkPlan, {2016, 5}));
  EXPECT_TRUE(PostingOwes(posting, ReportKind::kDutyLedger, {2016, 5}));
  EXPECT_TRUE(PostingOwes(posting, ReportKind::kWorkPlan, {2016, 9}));
  EXPECT_FALSE(PostingOwes(posting, ReportKind::kDutyLedger, {2016, 9}));
  // The successor, from 20 September, owes September's ledger: each report has one holder.
  const Posting successor{{2016, 9, 20}, std::nullopt};
  EXPECT_TRUE(PostingOwes(successor, ReportKind::kDutyLedger, {2016, 9}));
  EXPECT_FALSE(PostingOwes(successor, ReportKind::kWorkPlan, {2016, 9}));
  EXPECT_TRUE(PostingOwes(successor, ReportKind::kWorkPlan, {2017, 3}));
}

TEST(FirstSecretaryReports, AMonthThePostingDidNotCoverIsRefusedWithTheReason) {
  const Posting posting{{2016, 5, 20}, std::nullopt};
  const CivilDate today{2016, 6, 10};
  Status before = CheckReportMonth(posting, ReportKind::kWorkPlan, {2016, 5}, today);
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.error().field, "month");
  EXPECT_EQ(before.error().reason, "not_posted_for_month");
  Status future = CheckReportMonth(posting, ReportKind::kWorkPlan, {2016, 7}, today);
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.error().reason, "month_not_started");
  // This month's ledger may be filed early, before its due day.
  EXPECT_TRUE(CheckReportMonth(posting, ReportKind::kDutyLedger, {2016, 6}, today).ok());
  EXPECT_TRUE(CheckReportMonth(posting, ReportKind::kWorkPlan, {2016, 6}, today).ok());
}

TEST(FirstSecretaryReports, MonthsParseStrictlyAndPrintPadded) {
  auto may = ParseYearMonth("month", "2016-05");
  ASSERT_TRUE(may.ok());
  EXPECT_EQ(may.value(), (YearMonth{2016, 5}));
  EXPECT_EQ(FormatYearMonth({2016, 5}), "2016-05");
  EXPECT_EQ(NextMonth({2016, 12}), (YearMonth{2017, 1}));
  for (const char* bad : {"2016-13", "2016-5", "16-05", "2016-05-01", ""}) {
    auto parsed = ParseYearMonth("month", bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().field, "month");
  }
}

TEST(FirstSecretaryReports, AReportNeedsTextWithinItsLength) {
  EXPECT_FALSE(CheckReportText("").ok());
  EXPECT_TRUE(CheckReportText("走访农户12户\n召开支部会议").ok());
  Status long_text = CheckReportText(std::string(kMaxReportTextLength + 1, 'a'));
  ASSERT_FALSE(long_text.ok());
  EXPECT_EQ(long_text.error().field, "text");
}

TEST(FirstSecretaryReports, TheReportsOwedFollowTheHoldersUpToThisMonth) {
  const std::vector<Posting> postings = {{{2016, 1, 1}, CivilDate{2016, 2, 20}},
                                         {{2016, 2, 20}, std::nullopt}};
  const std::vector<OwedReport> owed = OwedReports(postings, 2016, {2016, 3, 2});
  // Jan plan+ledger by the first, Feb plan by the first and ledger by the second, March both by
  // the second (March has begun); nothing of April.
  ASSERT_EQ(owed.size(), 6u);
  EXPECT_EQ(owed[2].posting, 0u);
  EXPECT_EQ(owed[2].kind, ReportKind::kWorkPlan);
  EXPECT_EQ(owed[3].posting, 1u);
  EXPECT_EQ(owed[3].month, (YearMonth{2016, 2}));
  EXPECT_EQ(owed[5].month, (YearMonth{2016, 3}));
  // A village without a holder owes nothing.
  EXPECT_TRUE(OwedReports({}, 2016, {2016, 12, 31}).empty());
}

TEST(FirstSecretaryReports, OfOverlappingPostingsTheOneStartedLastOwes) {
  // Recorded for two selection years, neither ended by the other.
  const std::vector<Posting> postings = {{{2017, 2, 1}, std::nullopt},
                                         {{2018, 2, 10}, std::nullopt}};
  const std::vector<OwedReport> owed = OwedReports(postings, 2018, {2018, 2, 28});
  ASSERT_EQ(owed.size(), 4u);
  EXPECT_EQ(owed[1].posting, 0u);  // January's ledger
  EXPECT_EQ(owed[2].posting, 0u);  // February's plan, due before the 10th
  EXPECT_EQ(owed[3].posting, 1u);  // February's ledger
}

}  // namespace
}  // namespace grassroots::core
