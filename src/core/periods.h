// The periods supervision runs on (issue 13, SPEC §4): ISO weeks for the weekly reminder
// ("2016-W20"), months for the spot check ("2016-05"), quarters for the bulletin ("2016-Q2"),
// as the CLI and API name them, each a range of the county's calendar days. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/error.h"

namespace grassroots::core {

// The days a period covers, both ends included.
struct DayRange {
  CivilDate first, last;
  bool Contains(const CivilDate& day) const { return first <= day && day <= last; }
  friend bool operator==(const DayRange&, const DayRange&) = default;
};

// ISO 8601 weeks: Monday to Sunday; week 1 is the one with the year's first Thursday, so
// 2015-12-28 .. 2016-01-03 is 2015-W53 and 2016-W01 begins on 2016-01-04.
struct IsoWeek {
  int year = 1970;
  int week = 1;  // 1..52 or 53
  friend auto operator<=>(const IsoWeek&, const IsoWeek&) = default;
};
IsoWeek IsoWeekOf(const CivilDate& day);
DayRange DaysOf(const IsoWeek& week);
std::string FormatIsoWeek(const IsoWeek& week);  // "2016-W05"

struct Quarter {
  int year = 1970;
  int quarter = 1;  // 1..4
  friend auto operator<=>(const Quarter&, const Quarter&) = default;
};
DayRange DaysOf(const Quarter& quarter);
std::string FormatQuarter(const Quarter& quarter);  // "2016-Q2"

// Exactly "YYYY-Www" (a week the year has), "YYYY-MM" and "YYYY-Qn", the year from kMinYear to
// kMaxYear (field_rules.h). kInvalid naming `field`, reason not_a_period {value, form}, where
// form is the pattern expected ("YYYY-Www").
Result<IsoWeek> ParseIsoWeek(std::string_view field, std::string_view text);
Result<DayRange> ParseMonth(std::string_view field, std::string_view text);
Result<Quarter> ParseQuarter(std::string_view field, std::string_view text);

}  // namespace grassroots::core
