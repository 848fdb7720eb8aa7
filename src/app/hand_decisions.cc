#include "app/hand_decisions.h"

#include "core/score_rules.h"
#include "storage/hand_decision_records.h"
#include "storage/tx.h"

namespace grassroots::app {

core::Status DecideByHand(storage::Store& store, int year,
                          const storage::StoredManualDecision& decision,
                          const storage::Actor& actor) {
  if (core::Status rule = core::CheckDecisionReason(decision.reason); !rule.ok()) return rule;
  return store.Write(actor, [&](storage::Tx& tx) {
    return storage::HandDecisionRecords(tx).Save(year, decision);
  });
}

core::Status WithdrawHandDecision(storage::Store& store, int year, const std::string& code,
                                  const storage::Actor& actor) {
  return store.Write(
      actor, [&](storage::Tx& tx) { return storage::HandDecisionRecords(tx).Delete(year, code); });
}

core::Result<std::vector<storage::StoredManualDecision>> HandDecisionsOf(storage::Store& store,
                                                                         int year) {
  return storage::ReadValue(
      store, [&](storage::Tx& tx) { return storage::HandDecisionRecords(tx).List(year); });
}

}  // namespace grassroots::app
