// Explaining one organization's stored result (`grassroots explain`, GET .../explain) from the
// record alone: the stored row and the inputs kept with it, its group's stored quota
// arithmetic, the run's policy version and audit head, and the audit entries recorded since
// the run about what the explanation rests on. It never runs the engine on today's data.
#pragma once

#include <string>

#include "core/error.h"
#include "core/explanation.h"
#include "storage/store.h"

namespace grassroots::app {

// The audit entity names the changes after a run are found by: the ones single writes use
// ("score:CODE:YEAR", "manual:CODE:YEAR", "organization:CODE"); bulk writes and imports record
// per-row entries under the same names.
std::string ScoreEntity(const std::string& code, int year);
std::string ManualEntity(const std::string& code, int year);
std::string OrganizationEntity(const std::string& code);

// The explanation of `code`'s result in year's stored assessment. kNotFound naming "year"
// (reason "year_not_assessed") when the year was never assessed, naming "code" (reason
// "not_in_assessment") when the organization was not in it. Reads one snapshot of the store.
core::Result<core::Explanation> ExplainResult(storage::Store& store, int year,
                                              const std::string& code);

}  // namespace grassroots::app
