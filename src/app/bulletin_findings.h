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
// Read from the monthly spot check's stored findings (storage/spot_check_records.h) as they are
// now: who may read the bulletin of `unit` is the bulletin's rule (core/bulletin.h), decided by
// the caller before this is asked; an issued bulletin keeps the findings it was issued with.
core::Result<std::vector<core::BulletinFinding>> QuarterFindings(storage::Store& store,
                                                                 const core::DayRange& days,
                                                                 const std::string& unit);

}  // namespace grassroots::app
