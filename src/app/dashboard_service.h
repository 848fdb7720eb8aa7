// The dashboard's figures (core/assessment_summary.h) read from the stored assessments, over
// the organizations a caller may see. Knows neither HTTP nor SQL.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/assessment_summary.h"
#include "core/error.h"
#include "storage/store.h"

namespace grassroots::app {

// `scope` limits the rows as it limits the organization list (storage::OrgFilter with
// restrict_to_scope; a filter without it sees everything). nullopt when `year` was never
// assessed.
core::Result<std::optional<core::AssessmentSummary>> SummarizeAssessment(
    storage::Store& store, int year, const storage::OrgFilter& scope);

// Grade counts and the number selected for every assessed year, oldest first, over `scope`.
core::Result<std::vector<core::YearCounts>> AssessmentTrend(storage::Store& store,
                                                            const storage::OrgFilter& scope);

// The names of the organizations `codes` names (which the caller may see), by code, those that
// ended since included: the parents a dashboard's proposed actions name.
core::Result<std::map<std::string, std::string>> NamesOf(storage::Store& store,
                                                         const std::vector<std::string>& codes);

}  // namespace grassroots::app
