// The spot-check findings a quarterly bulletin lists (每月一抽查 feeds 每季一通报, issue 13): the
// one place the bulletin reads them, so that wiring the spot check in is a change here only.
#pragma once

#include <string>
#include <vector>

#include "core/bulletin.h"
#include "core/error.h"
#include "core/periods.h"
#include "storage/store.h"

namespace grassroots::app {

// The findings recorded on the days `days` for organizations under `unit` (a direct
// organization; "" for the county), oldest first.
//
// TODO(h13-spot): answer the monthly spot check's findings here, from its app function that
// gives the findings of a date range within a scope (branch h13-spot), mapping each to a
// core::BulletinFinding (unit = the direct organization of the sampled organization). Until it
// is merged this answers an empty list: the bulletin never invents findings.
core::Result<std::vector<core::BulletinFinding>> QuarterFindings(storage::Store& store,
                                                                 const core::DayRange& days,
                                                                 const std::string& unit);

}  // namespace grassroots::app
