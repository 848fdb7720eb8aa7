// The demo's year of rectification (issue 12): plans for the selection of the demo's last
// year, items in every state — some overdue, some finished — and a few evidence files, made
// through the same use cases the API calls, so `make demo` shows a county mid-year.
#pragma once

#include "storage/store.h"

namespace grassroots::cli {

// Deadlines are set around the clock's county day (core::DefaultClock, GRASSROOTS_NOW in
// tests), so that whatever day the demo is built, some items are overdue and some are not.
core::Status AddDemoPlans(storage::Store& store, int year);

}  // namespace grassroots::cli
