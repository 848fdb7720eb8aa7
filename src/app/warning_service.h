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
  int open = 0;      // items not closed
  int overdue = 0;   // of which overdue
  int due_soon = 0;  // of which due within due_soon_days
};

// Every organization with items in `year`'s plans that `scope` lets the caller read, by code.
// A failed spot check is not an input yet: every organization is given `false` (see the
// comment at the call to core::WarningOf).
core::Result<std::vector<OrgWarning>> WarningsOf(storage::Store& store, int year,
                                                 const storage::OrgFilter& scope,
                                                 const core::SupervisionThresholds& thresholds,
                                                 core::UnixSeconds now);

}  // namespace grassroots::app
