// Organizational adjustments (组织调整, issue 14): the removals a stored assessment proposes
// under the consecutive-years rule (core::ProposedActionKinds, as the dashboard reads them)
// become a queue, one entry per organization whose secretary is to be removed; a person records
// the decision — done, on a day, with the successor; or not done, with the reason — and a
// decision still open 30 days after the assessment run is flagged. Pure.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/assessment.h"
#include "core/assessment_summary.h"
#include "core/clock.h"
#include "core/error.h"

namespace grassroots::core {

// Days a proposed removal may stay undecided after the assessment run before it is flagged.
inline constexpr int kAdjustmentDecisionDays = 30;

// The removal of `org`'s secretary and the consecutive cases that propose it: (the action, the
// consecutive organization) — its own remove_secretary, or remove_parent_secretary of a child.
struct ProposedRemoval {
  std::string org;
  std::vector<std::pair<ActionKind, std::string>> because;  // by the consecutive one's code
};

// The removals `cases` propose (AssessmentSummary::cases), one per organization, by code: a
// secretary proposed for removal by several cases is removed once.
std::vector<ProposedRemoval> ProposedRemovals(const std::vector<ConsecutiveCase>& cases);

enum class AdjustmentOutcome : std::uint8_t { kDone, kNotDone };
std::string_view ToString(AdjustmentOutcome outcome);  // "done", "not_done"
std::optional<AdjustmentOutcome> ParseAdjustmentOutcome(std::string_view text);

struct AdjustmentDecision {
  AdjustmentOutcome outcome = AdjustmentOutcome::kDone;
  std::optional<CivilDate> on;  // done: the day the secretary was removed; nullopt otherwise
  std::string successor;        // done: the new secretary (names the organization's secretary)
  std::string reason;           // not done: why (required); done: an optional note
  std::string decided_by;       // account name, set when stored
  std::string decided_at;       // ISO 8601 UTC, set when stored
};

// The decision's fields as sent.
struct AdjustmentDecisionInput {
  std::string outcome;  // "done" or "not_done"
  std::string on;       // YYYY-MM-DD, done only
  std::string successor;
  std::string reason;
};

// The first rule `input` breaks as an Invalid error naming the field: outcome one of done,
// not_done (unknown_value); done: `on` a real day not after `today` (not_a_date,
// date_out_of_range) and a successor (empty, too_long, control_characters); not done: a reason
// (empty, too_long) and neither day nor successor (not_allowed). Else the decision to store.
Result<AdjustmentDecision> CheckAdjustmentDecision(const AdjustmentDecisionInput& input,
                                                   const CivilDate& today);

// True when a decision is still open `today` although kAdjustmentDecisionDays or more have
// passed since `run_day`, the day of the assessment run that proposed it.
bool AdjustmentOverdue(bool decided, const CivilDate& run_day, const CivilDate& today);

}  // namespace grassroots::core
