// The moment and the county's day a route handler acts at, from the default clock. One copy
// for every route file: the unity build compiles them all as one translation unit.
#pragma once

#include "core/clock.h"

namespace grassroots::http {

inline core::UnixSeconds Now() { return core::DefaultClock().Now(); }

inline core::CivilDate Today() { return core::CountyDate(Now()); }

}  // namespace grassroots::http
