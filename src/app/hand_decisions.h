// The committee's hand decisions (手动列入 / 排除) of a year: include or exclude an
// organization with a reason, withdraw a decision, list them. The engine reads them at the next
// run (assessment_service.h). The caller has checked that `by` may run the assessment and read
// the organization. Knows neither HTTP nor SQL.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "storage/store.h"

namespace grassroots::app {

// Records (or replaces) the decision on `decision.code` in `year`, audited; `decision.decided_by`
// names the deciding account. kInvalid (field "reason") when the reason breaks
// core::CheckDecisionReason; nothing is written then.
core::Status DecideByHand(storage::Store& store, int year,
                          const storage::StoredManualDecision& decision,
                          const storage::Actor& actor);

// Withdraws the decision on `code` in `year`, audited.
core::Status WithdrawHandDecision(storage::Store& store, int year, const std::string& code,
                                  const storage::Actor& actor);

// The decisions of `year`, by code.
core::Result<std::vector<storage::StoredManualDecision>> HandDecisionsOf(storage::Store& store,
                                                                         int year);

}  // namespace grassroots::app
