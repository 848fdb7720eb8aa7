// The demo's quarterly bulletins (issue 13): the first two quarters of the plans' year issued as
// the department would, once the demo's clock (core::DefaultClock, GRASSROOTS_NOW in tests) has
// finished them, so `make demo` shows issued bulletins beside the running quarter's preview.
#pragma once

#include <string>

#include "storage/store.h"

namespace grassroots::cli {

// Issues YEAR-Q1 and YEAR-Q2 for the county, each only when finished at the clock's now.
core::Status AddDemoBulletins(storage::Store& store, int year, const std::string& office);

}  // namespace grassroots::cli
