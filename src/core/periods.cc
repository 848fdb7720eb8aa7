#include "core/periods.h"

#include "core/field_rules.h"

namespace grassroots::core {
namespace {

// 0 for Monday .. 6 for Sunday. 1970-01-01 was a Thursday.
int WeekdayFromMonday(const CivilDate& day) {
  const std::int64_t days = DaysFromCivil(day);
  return static_cast<int>(((days + 3) % 7 + 7) % 7);
}

CivilDate AddDays(const CivilDate& day, std::int64_t count) {
  return CivilFromDays(DaysFromCivil(day) + count);
}

// The Monday of week 1 of `year`: the week holding 4 January.
CivilDate FirstMonday(int year) {
  const CivilDate fourth{year, 1, 4};
  return AddDays(fourth, -WeekdayFromMonday(fourth));
}

int WeeksIn(int year) {
  return static_cast<int>(
      (DaysFromCivil(FirstMonday(year + 1)) - DaysFromCivil(FirstMonday(year))) / 7);
}

// `value` in decimal, zero-padded to `width` digits.
std::string Padded(int value, int width) {
  std::string text = std::to_string(value);
  if (static_cast<int>(text.size()) < width) text.insert(0, width - text.size(), '0');
  return text;
}

Error NotAPeriod(std::string_view field, std::string_view text, std::string_view form) {
  return Error::Invalid(
             "\"" + std::string(text) + "\" is not a period of the form " + std::string(form),
             std::string(field))
      .With("not_a_period", {{"value", std::string(text)}, {"form", std::string(form)}});
}

// Digits at [at, at + count) of `text` as a number; nullopt unless all are ASCII digits.
std::optional<int> Digits(std::string_view text, std::size_t at, std::size_t count) {
  if (text.size() < at + count) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// "YYYY" and the separator text[4] == '-', then `rest` characters: the year, or nullopt.
std::optional<int> YearOf(std::string_view text, std::size_t rest) {
  if (text.size() != 5 + rest || text[4] != '-') return std::nullopt;
  const auto year = Digits(text, 0, 4);
  if (!year || !IsValidYear(*year)) return std::nullopt;
  return year;
}

}  // namespace

IsoWeek IsoWeekOf(const CivilDate& day) {
  // The week belongs to the year of its Thursday.
  const CivilDate thursday = AddDays(day, 3 - WeekdayFromMonday(day));
  const std::int64_t since = DaysFromCivil(thursday) - DaysFromCivil(FirstMonday(thursday.year));
  return {thursday.year, static_cast<int>(since / 7) + 1};
}

DayRange DaysOf(const IsoWeek& week) {
  const CivilDate monday = AddDays(FirstMonday(week.year), (week.week - 1) * 7);
  return {monday, AddDays(monday, 6)};
}

std::string FormatIsoWeek(const IsoWeek& week) {
  return Padded(week.year, 4) + "-W" + Padded(week.week, 2);
}

DayRange DaysOf(const Quarter& quarter) {
  const int first_month = (quarter.quarter - 1) * 3 + 1;
  const CivilDate first{quarter.year, first_month, 1};
  const CivilDate next = quarter.quarter == 4 ? CivilDate{quarter.year + 1, 1, 1}
                                              : CivilDate{quarter.year, first_month + 3, 1};
  return {first, AddDays(next, -1)};
}

std::string FormatQuarter(const Quarter& quarter) {
  return Padded(quarter.year, 4) + "-Q" + std::to_string(quarter.quarter);
}

Result<IsoWeek> ParseIsoWeek(std::string_view field, std::string_view text) {
  const auto year = YearOf(text, 3);
  const auto week = text.size() == 8 && text[5] == 'W' ? Digits(text, 6, 2) : std::nullopt;
  if (!year || !week || *week < 1 || *week > WeeksIn(*year)) {
    return NotAPeriod(field, text, "YYYY-Www");
  }
  return IsoWeek{*year, *week};
}

Result<DayRange> ParseMonth(std::string_view field, std::string_view text) {
  const auto year = YearOf(text, 2);
  const auto month = Digits(text, 5, 2);
  if (!year || !month || *month < 1 || *month > 12) return NotAPeriod(field, text, "YYYY-MM");
  const CivilDate first{*year, *month, 1};
  const CivilDate next =
      *month == 12 ? CivilDate{*year + 1, 1, 1} : CivilDate{*year, *month + 1, 1};
  return DayRange{first, AddDays(next, -1)};
}

Result<Quarter> ParseQuarter(std::string_view field, std::string_view text) {
  const auto year = YearOf(text, 2);
  const auto quarter = text.size() == 7 && text[5] == 'Q' ? Digits(text, 6, 1) : std::nullopt;
  if (!year || !quarter || *quarter < 1 || *quarter > 4) return NotAPeriod(field, text, "YYYY-Qn");
  return Quarter{*year, *quarter};
}

}  // namespace grassroots::core
