// The committee's hand decisions (table manual_decisions): for a year, the organizations it
// includes in or excludes from the list whatever the ranking says, each with a reason, as storage
// over a transaction (tx.h). A run reads them aligned with the organizations it ranks
// (core::ManualDecision) and keeps a copy with its inputs; the decisions themselves stand until
// changed. Every change appends its audit entry in the same transaction, entity
// "manual:CODE:YEAR". SQL shared by SQLite and PostgreSQL.
#pragma once

#include <string>
#include <vector>

#include "core/assessment.h"
#include "core/error.h"
#include "core/org_table.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::storage {

class HandDecisionRecords {
 public:
  explicit HandDecisionRecords(Tx& tx) : tx_(&tx) {}

  // Year's decisions by code.
  core::Result<std::vector<StoredManualDecision>> List(int year);
  // Year's decisions of the organizations of `orgs` (sorted by code, as loaded), as the engine
  // reads them; those of organizations the table lacks are left out.
  core::Result<std::vector<core::ManualDecision>> Aligned(int year, const core::OrgTable& orgs);

  // Records the decision on decision.code for `year`, replacing one there was (audited
  // "assessment.manual" with before and after). An empty decided_at is the store's now.
  // kInvalid (field "reason") without a reason. Only in a write transaction.
  core::Status Save(int year, const StoredManualDecision& decision);
  // Withdraws the decision on `code` (audited "assessment.manual.delete" with the decision
  // before). kNotFound (field "code") when there is none. Only in a write transaction.
  core::Status Delete(int year, const std::string& code);

 private:
  Tx* tx_;
};

}  // namespace grassroots::storage
