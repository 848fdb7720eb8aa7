// The audit log as storage over a transaction (tx.h): events that change no data, and the
// reads and checks of the trail. The entries of changes are appended by the writes themselves
// (Tx::Audit, audit_chain.h). SQL shared by SQLite and PostgreSQL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::storage {

class AuditLog {
 public:
  explicit AuditLog(Tx& tx) : tx_(&tx) {}

  // An event that changes no data (login, logout, failed login) by the transaction's actor:
  // recorded in the chain like any entry, but the data version (Store::DataVersion) does not
  // move, so remembered answers stay. `after_json` empty: none.
  core::Status RecordEvent(const std::string& action, const std::string& entity,
                           const std::string& after_json = {});

  // A page of the entries, newest first. kInvalid naming "offset" or "limit" (CheckPaging).
  core::Result<Page<AuditRecord>> List(std::int64_t offset, std::int64_t limit);
  // The per-row change records of one entry (a bulk write or import), in order: `entity`,
  // before and after of each, with the entry's id, time, actor, origin and action.
  core::Result<Page<AuditRecord>> Changes(std::int64_t entry_id, std::int64_t offset,
                                          std::int64_t limit);
  // Everything recorded about `entity` ("score:V01:2016", "organization:V01", "member:M1")
  // in entries after `after_id`, oldest first: single writes and the change records of bulk
  // writes and imports alike, each with its entry's id, time, actor, origin and action.
  core::Result<std::vector<AuditRecord>> ChangesOf(const std::string& entity,
                                                   std::int64_t after_id);
  // The newest entry of the chain.
  core::Result<ChainHead> Head();
  // Checks the whole trail (audit_verify.h): the hash chain and the change records it covers,
  // the checkpoints, the head file the backend keeps beside the database (SQLite's; none on
  // PostgreSQL: Database::HeadFile), and `expect` (a head written down earlier) when given. A
  // broken trail is an answer with ok = false, not an error.
  core::Result<AuditVerification> Verify(const std::optional<ChainHead>& expect);

 private:
  Tx* tx_;
};

}  // namespace grassroots::storage
