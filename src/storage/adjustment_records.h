// Organizational adjustments as stored (migration 017): the decisions on the removals a year's
// assessment proposed, and the history of each organization's secretary. Reached from a use
// case's transaction (tx.h); the queue itself is derived from the stored assessment by
// app/adjustment_service.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/adjustment.h"
#include "core/error.h"
#include "storage/tx.h"

namespace grassroots::storage {

struct StoredDecision {
  std::int64_t id = 0;
  int year = 0;
  std::string org;
  core::AdjustmentDecision decision;
};

// One change of an organization's secretary.
struct SecretaryChange {
  std::int64_t id = 0;
  std::string org;
  core::CivilDate on;
  std::string previous;
  std::string successor;
  std::optional<int> year;  // the adjustment year whose decision made it, if one did
  std::string recorded_by;
  std::string recorded_at;
};

class AdjustmentRecords {
 public:
  explicit AdjustmentRecords(Tx& tx) : tx_(tx) {}

  // The decisions recorded for `year`'s proposals, by organization code.
  core::Result<std::vector<StoredDecision>> Decisions(int year);

  // Records the decision on `org`'s removal proposed by `year`'s assessment, with its audit
  // entry "adjustment.decide", entity "adjustment:YEAR:CODE"; answers it as stored. kConflict
  // ("adjustment_already_decided") when one was recorded already: a decision is final.
  core::Result<StoredDecision> Decide(int year, const std::string& org,
                                      core::AdjustmentDecision decision);

  // Appends `change` to the organization's secretary history (audited "secretary.change",
  // entity "organization:CODE"), naming the decision `decision_id` when not 0.
  core::Status AddSecretaryChange(const SecretaryChange& change, std::int64_t decision_id);

  // `org`'s secretary changes, oldest first.
  core::Result<std::vector<SecretaryChange>> SecretaryHistory(const std::string& org);

 private:
  Tx& tx_;
};

}  // namespace grassroots::storage
