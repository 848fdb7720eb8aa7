// Time as Grassroots sees it. The present is injected (a Clock), never read where it is used, so
// every result can be recomputed and every test runs at a fixed instant. Days are civil dates in
// the county's zone, UTC+8 (China has one zone and no daylight saving time): a deadline of
// 2016-06-30 ends at 2016-06-30 24:00 in the county, 16:00 UTC.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace grassroots::core {

// Seconds since 1970-01-01T00:00:00Z.
using UnixSeconds = std::int64_t;

// The county's offset from UTC.
inline constexpr UnixSeconds kCountyUtcOffsetSeconds = 8 * 3600;

// Where "now" comes from. Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual UnixSeconds Now() const = 0;
};

// The machine's clock.
class SystemClock final : public Clock {
 public:
  UnixSeconds Now() const override;
};

// A clock that says what it is told: tests, and recomputing something as of a stored instant.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(UnixSeconds now) : now_(now) {}
  UnixSeconds Now() const override { return now_; }
  void Set(UnixSeconds now) { now_ = now; }
  void Advance(UnixSeconds seconds) { now_ += seconds; }

 private:
  UnixSeconds now_;
};

// The process-wide clock the adapters use when none is passed in: the system clock until a test
// or a tool replaces it (SetDefaultClock(nullptr) restores it). Not meant to be swapped while
// other threads read it.
const Clock& DefaultClock();
void SetDefaultClock(const Clock* clock);

// A calendar day (proleptic Gregorian).
struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  friend bool operator==(const CivilDate&, const CivilDate&) = default;
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// Days since 1970-01-01 and back (Howard Hinnant's algorithms; valid far beyond any year used).
std::int64_t DaysFromCivil(const CivilDate& date);
CivilDate CivilFromDays(std::int64_t days);

// True for a real calendar day: month 1..12, day within the month, leap years counted.
bool IsValidDate(const CivilDate& date);
// Reads exactly YYYY-MM-DD (four-digit year from 0001) of a real day; nullopt otherwise
// ("2016-02-30", "2016-2-3", "not-a-date").
std::optional<CivilDate> ParseIsoDate(std::string_view text);
std::string FormatIsoDate(const CivilDate& date);  // "2016-05-01"

// The county's calendar day at an instant, and the instant its day `date` begins.
CivilDate CountyDate(UnixSeconds at);
UnixSeconds CountyDayStart(const CivilDate& date);

// "2016-05-01T04:00:00Z".
std::string FormatUtc(UnixSeconds at);

// Reads exactly YYYY-MM-DDTHH:MM:SS followed by Z or an offset +HH:MM / -HH:MM
// ("2016-07-01T00:00:00+08:00" is 2016-06-30T16:00:00Z); nullopt for anything else.
std::optional<UnixSeconds> ParseIsoInstant(std::string_view text);

}  // namespace grassroots::core
