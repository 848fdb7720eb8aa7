// The confirmed steps of items' escalation ladders (migration 014, core/escalation.h), reached
// from a use case's transaction (tx.h). Each step written with its audit entry
// "item.escalate" (entity "item:ID"). Who may confirm is core's and app's.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "storage/tx.h"

namespace grassroots::storage {

struct EscalationRecord {
  std::int64_t id = 0;
  std::int64_t item_id = 0;
  std::string step;  // core::EscalationStep name
  int overdue_days = 0;
  std::string decided_at, decided_by;
};

class EscalationRecords {
 public:
  explicit EscalationRecords(Tx& tx) : tx_(tx) {}

  // The item's confirmed steps, oldest first.
  core::Result<std::vector<EscalationRecord>> OfItem(std::int64_t item_id);
  // Records `step` (decided now by the transaction's actor; id, decided_at and decided_by
  // filled in). kConflict escalation_recorded when the item has that step already. Write
  // transactions only.
  core::Status Add(EscalationRecord& step);

 private:
  Tx& tx_;
};

}  // namespace grassroots::storage
