// The demo's year before (issue 12): plans for the selection of the year before the demo's last,
// closed out at that year's end — upgraded (转化升级) where the organization was not selected
// again, not upgraded with a reason or left unfinished where it was — so that the last year's
// assessment page shows each organization's previous plan.
#pragma once

#include "storage/store.h"

namespace grassroots::cli {

// `year`: the year of the plans (the demo's second-to-last); `next`: the year assessed after it.
core::Status AddDemoOutcomes(storage::Store& store, int year, int next);

}  // namespace grassroots::cli
