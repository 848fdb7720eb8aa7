// Whether a cadre may be promoted or given an award in a year (issue 14, SPEC §5): a cadre
// interviewed (约谈) for neglecting Party building in a calendar year may not be, that year.
// Pure: the adapters give the person's interviews as stored.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/clock.h"

namespace grassroots::core {

struct Interview {
  std::int64_t id = 0;
  CivilDate on;  // the day it was held (the county's calendar)
};

struct Eligibility {
  bool eligible = true;
  // The interviews that block the year, by date then id; empty when eligible.
  std::vector<Interview> blocking;
};

// Eligible in `year` unless interviewed on a day of that calendar year; an interview of another
// year blocks nothing in this one.
Eligibility EligibilityIn(int year, std::span<const Interview> interviews);

}  // namespace grassroots::core
