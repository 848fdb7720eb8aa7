// The escalation ladder of an overdue item (提醒 → 函询 → 诫勉, issue 13) as use cases: what the
// system proposes now (core::ProposeEscalation from the policy's [supervision] thresholds and
// the steps confirmed so far), whether the caller may confirm it (core::MayConfirmEscalation),
// and the confirmation, recorded with who and when (audited "item.escalate"). An item the
// caller may not see does not exist for them (item_not_found, as rectification_service.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/escalation.h"
#include "core/policy.h"
#include "storage/escalation_records.h"
#include "storage/store.h"

namespace grassroots::app {

struct EscalationView {
  std::int64_t item_id = 0;
  int overdue_days = 0;
  std::vector<storage::EscalationRecord> steps;  // confirmed, oldest first
  std::optional<core::EscalationStep> proposed;  // nullopt: nothing to confirm now
  bool can_confirm = false;                      // a step is proposed and the caller may
};

core::Result<EscalationView> EscalationOf(storage::Store& store, const core::Principal& who,
                                          std::int64_t item_id,
                                          const core::SupervisionThresholds& thresholds,
                                          core::UnixSeconds now);

// Confirms `step` (a core::EscalationStep name): kInvalid unknown_value naming "step" for
// another word; core::CheckEscalation's refusals; the view after it otherwise.
core::Result<EscalationView> ConfirmEscalation(storage::Store& store, const core::Principal& who,
                                               std::int64_t item_id, const std::string& step,
                                               const core::SupervisionThresholds& thresholds,
                                               core::UnixSeconds now, const storage::Actor& actor);

}  // namespace grassroots::app
