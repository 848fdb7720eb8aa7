// The policies assessments were run under (table policies), as storage over a transaction
// (tx.h): each kept once by version with its canonical text (core::CanonicalPolicyText), so that
// a stored run can be recomputed under the very rules it was run with. A policy is kept by the
// run that first uses it (AssessmentRecords::Save), inside that run's write; there is no audit
// entry of its own. SQL shared by SQLite and PostgreSQL.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/policy.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::storage {

class PolicyRecords {
 public:
  explicit PolicyRecords(Tx& tx) : tx_(&tx) {}

  // Every policy kept, oldest first (then by version).
  core::Result<std::vector<PolicyInfo>> List();
  // The canonical text kept under `version`, or nullopt.
  core::Result<std::optional<std::string>> Text(const std::string& version);
  // Keeps `policy` under `version` with the store's now, unless that version is kept already
  // (the first text stays). Only in a write transaction.
  core::Status Keep(const core::Policy& policy, const std::string& version);

 private:
  Tx* tx_;
};

}  // namespace grassroots::storage
