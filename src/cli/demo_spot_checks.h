// The demo database's monthly spot checks (issue 13), drawn and recorded through the use cases
// as the department's admin would: after the plans, so that a finding can open an item.
#pragma once

#include "core/error.h"
#include "core/policy.h"
#include "storage/store.h"

namespace grassroots::cli {

// Draws March to May of `year` from fixed seeds and June from the derived seed, and records a
// finding for each drawn organization of March to May (checked on the month's 15th, unless that
// is after today): a problem for every third and for the first under rectification, the rest
// fine; that first problem of an organization with a plan opens an item.
core::Status FillSpotCheckDemo(storage::Store& store, const core::Policy& policy, int year);

}  // namespace grassroots::cli
