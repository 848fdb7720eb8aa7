// Sessions as storage over a transaction (tx.h): the sessions signed in, and why one a request
// still carries was ended (ended_sessions), so that its holder is told. Sessions are not data:
// nothing here is audited, so they never move the data version (Store::DataVersion); the
// sign-in's events are the audit log's (audit_log.h). SQL shared by SQLite and PostgreSQL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::storage {

class SessionRecords {
 public:
  explicit SessionRecords(Tx& tx) : tx_(&tx) {}

  core::Status Create(const SessionRecord& session);
  // nullopt when missing or expired at `now` (Unix seconds).
  core::Result<std::optional<SessionRecord>> Find(const std::string& token_hash, std::int64_t now);
  // Ends one session (a logout): its end is not remembered.
  core::Status Delete(const std::string& token_hash);
  // Ends every session of the user but the one whose token hash is `keep_session` (empty: none
  // kept), remembering `reason` (kEndedPasswordChanged, ...) for each until it would have
  // expired, and forgets the remembered ends that have expired.
  core::Status EndAllOf(std::int64_t user_id, std::string_view reason,
                        const std::string& keep_session = {});
  // Why the session whose token hash this is no longer holds: "password_changed",
  // "account_disabled" or "account_changed" when a change to its account ended it,
  // "session_expired" when it ran out at `now`, empty when it is unknown (never issued, logged
  // out, or ended so long ago that it would have expired by now).
  core::Result<std::string> EndReason(const std::string& token_hash, std::int64_t now);

 private:
  Tx* tx_;
};

}  // namespace grassroots::storage
