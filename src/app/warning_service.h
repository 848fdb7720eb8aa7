// The early-warning colour (预警, issue 13) of each organization under rectification in a year:
// its items' colours by the policy's [supervision] thresholds (core::WarningOf), grouped by
// direct organization for the dashboard's picture of the county. Scope is the caller's filter
// (http::ApplyScope), as the ledger's.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/early_warning.h"
#include "core/error.h"
#include "core/policy.h"
#include "storage/store.h"

namespace grassroots::app {

struct OrgWarning {
  std::string org_code, org_name;
  std::string direct;  // the direct organization it belongs to (itself when it is one)
  core::Warning warning = core::Warning::kGreen;
  int open = 0;                    // items not closed
  int overdue = 0;                 // of which overdue
  int due_soon = 0;                // of which due within due_soon_days
  bool failed_spot_check = false;  // a spot check found a problem this year (see WarningsOf)
};

// Every organization with items in `year`'s plans that `scope` lets the caller read, by code.
// A failed spot check is a problem found by a monthly spot check on a day from the year's first
// to the county's today (app::FailedSpotChecks, read as `who`): it makes the organization red,
// and a later "fine" finding does not undo it — the problem opens an item, and closing that
// item is what records the repair.
core::Result<std::vector<OrgWarning>> WarningsOf(storage::Store& store, const core::Principal& who,
                                                 int year, const storage::OrgFilter& scope,
                                                 const core::SupervisionThresholds& thresholds,
                                                 core::UnixSeconds now);

}  // namespace grassroots::app
