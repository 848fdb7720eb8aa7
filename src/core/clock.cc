#include "core/clock.h"

#include <atomic>
#include <chrono>
#include <cstdio>

namespace grassroots::core {
namespace {

const SystemClock kSystemClock;
std::atomic<const Clock*> default_clock{nullptr};

constexpr std::int64_t kSecondsPerDay = 86400;

// Floor division: the day of an instant before 1970 is still the day it falls in.
std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

bool ReadDigits(std::string_view text, int& out) {
  out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

}  // namespace

UnixSeconds SystemClock::Now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

const Clock& DefaultClock() {
  const Clock* clock = default_clock.load(std::memory_order_acquire);
  return clock != nullptr ? *clock : kSystemClock;
}

void SetDefaultClock(const Clock* clock) { default_clock.store(clock, std::memory_order_release); }

std::int64_t DaysFromCivil(const CivilDate& date) {
  const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const std::int64_t era = FloorDiv(y, 400);
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (date.month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(std::int64_t days) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = FloorDiv(z, 146097);
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

bool IsValidDate(const CivilDate& date) {
  return date.year >= 1 && date.year <= 9999 && date.month >= 1 && date.month <= 12 &&
         date.day >= 1 && date.day <= DaysInMonth(date.year, date.month);
}

std::optional<CivilDate> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  CivilDate date;
  if (!ReadDigits(text.substr(0, 4), date.year) || !ReadDigits(text.substr(5, 2), date.month) ||
      !ReadDigits(text.substr(8, 2), date.day) || !IsValidDate(date)) {
    return std::nullopt;
  }
  return date;
}

std::string FormatIsoDate(const CivilDate& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
  return text;
}

CivilDate CountyDate(UnixSeconds at) {
  return CivilFromDays(FloorDiv(at + kCountyUtcOffsetSeconds, kSecondsPerDay));
}

UnixSeconds CountyDayStart(const CivilDate& date) {
  return DaysFromCivil(date) * kSecondsPerDay - kCountyUtcOffsetSeconds;
}

std::string FormatUtc(UnixSeconds at) {
  const std::int64_t days = FloorDiv(at, kSecondsPerDay);
  const std::int64_t rest = at - days * kSecondsPerDay;
  const CivilDate date = CivilFromDays(days);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", date.year, date.month,
                date.day, static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                static_cast<int>(rest % 60));
  return text;
}

std::optional<UnixSeconds> ParseIsoInstant(std::string_view text) {
  if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  const std::optional<CivilDate> date = ParseIsoDate(text.substr(0, 10));
  int hour = 0, minute = 0, second = 0;
  if (!date || !ReadDigits(text.substr(11, 2), hour) || !ReadDigits(text.substr(14, 2), minute) ||
      !ReadDigits(text.substr(17, 2), second) || hour > 23 || minute > 59 || second > 59) {
    return std::nullopt;
  }
  const std::string_view zone = text.substr(19);
  UnixSeconds offset = 0;
  if (zone != "Z") {
    int zone_hours = 0, zone_minutes = 0;
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':' ||
        !ReadDigits(zone.substr(1, 2), zone_hours) ||
        !ReadDigits(zone.substr(4, 2), zone_minutes) || zone_hours > 23 || zone_minutes > 59) {
      return std::nullopt;
    }
    offset = (zone[0] == '+' ? 1 : -1) * (zone_hours * 3600 + zone_minutes * 60);
  }
  return DaysFromCivil(*date) * kSecondsPerDay + hour * 3600 + minute * 60 + second - offset;
}

}  // namespace grassroots::core
