#include "app/hand_decisions.h"

#include "core/score_rules.h"

namespace grassroots::app {

core::Status DecideByHand(storage::Store& store, int year,
                          const storage::StoredManualDecision& decision,
                          const storage::Actor& actor) {
  if (core::Status rule = core::CheckDecisionReason(decision.reason); !rule.ok()) return rule;
  return store.SaveManualDecision(year, decision, actor);
}

core::Status WithdrawHandDecision(storage::Store& store, int year, const std::string& code,
                                  const storage::Actor& actor) {
  return store.DeleteManualDecision(year, code, actor);
}

core::Result<std::vector<storage::StoredManualDecision>> HandDecisionsOf(storage::Store& store,
                                                                         int year) {
  return store.ListManualDecisions(year);
}

}  // namespace grassroots::app
