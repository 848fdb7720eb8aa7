#include "core/first_secretary_reports.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace grassroots::core
