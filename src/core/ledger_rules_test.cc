#include "core/ledger_rules.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

// The instant `hh:mm` of `date` in the county (UTC+8).
UnixSeconds CountyTime(CivilDate date, int hours, int minutes) {
  return CountyDayStart(date) + hours * 3600 + minutes * 60;
}

// The ledger's filter (deadline < cut) selects exactly the items OverdueDays calls overdue,
// around a month's, a quarter's and a year's end, at the county's midnight and at UTC's.
TEST(OverdueCut, SelectsExactlyTheItemsWithOverdueDays) {
  const CivilDate deadlines[] = {{2016, 1, 31}, {2016, 2, 29},  {2016, 3, 31},
                                 {2016, 6, 30}, {2016, 12, 31}, {2017, 1, 1}};
  for (const CivilDate& deadline : deadlines) {
    const std::int64_t day = DaysFromCivil(deadline);
    for (std::int64_t offset = -1; offset <= 2; ++offset) {
      const CivilDate on = CivilFromDays(day + offset);
      for (auto [h, m] : {std::pair{0, 0}, {7, 59}, {8, 0}, {23, 59}}) {
        const UnixSeconds now = CountyTime(on, h, m);
        const bool by_filter = deadline < OverdueCut(now);
        const bool by_days = OverdueDays(deadline, ItemState::kOpen, now) > 0;
        EXPECT_EQ(by_filter, by_days) << FormatIsoDate(deadline) << " at " << FormatUtc(now);
      }
    }
  }
}

TEST(OverdueCut, IsTheCountysDayNotUtcs) {
  // 2016-12-31T16:30Z is already 2017-01-01 00:30 in the county.
  const UnixSeconds now = *ParseIsoInstant("2016-12-31T16:30:00Z");
  EXPECT_EQ(OverdueCut(now), (CivilDate{2017, 1, 1}));
  EXPECT_TRUE((CivilDate{2016, 12, 31}) < OverdueCut(now));
}

TEST(LedgerStateLabel, NamesEveryState) {
  EXPECT_EQ(LedgerStateLabel(ItemState::kOpen), "未启动");
  EXPECT_EQ(LedgerStateLabel(ItemState::kClosed), "已销号");
}

}  // namespace
}  // namespace grassroots::core
