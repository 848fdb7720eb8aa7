// The demo database's standardized branches and pairings (issue 14), recorded through the use
// cases as the department's admin would, after the assessments.
#pragma once

#include "core/error.h"
#include "core/pairing_terms.h"
#include "storage/store.h"

namespace grassroots::cli {

// Of `year`'s stored assessment: two batches of standardized branches among organizations it
// did not select (one designation revoked with a reason), its selected villages tagged with
// their problems for the year after (the year they are rectified), a registry of partner
// agencies and every tagged village but the last paired with the first partner proposed for it.
// Nothing when `year` was not assessed.
core::Status FillStandardsDemo(storage::Store& store, int year, const core::PairingMatch& match);

}  // namespace grassroots::cli
