#include "storage/session_records.h"

#include "storage/server_sql.h"

namespace grassroots::storage {

core::Status SessionRecords::Create(const SessionRecord& session) {
  if (core::Status s = tx_->RequireWritable(); !s.ok()) return s;
  return Execute(tx_->db(),
                 "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)"
                 " VALUES (?, ?, ?, ?)",
                 {session.token_hash, session.user_id, session.csrf_token, session.expires_at});
}

core::Result<std::optional<SessionRecord>> SessionRecords::Find(const std::string& token_hash,
                                                                std::int64_t now) {
  return QueryOne<SessionRecord>(
      tx_->db(),
      "SELECT token_hash, user_id, csrf_token, expires_at FROM sessions"
      " WHERE token_hash = ? AND expires_at > ?",
      {token_hash, now}, [](const Statement& s) {
        return SessionRecord{std::string(s.Text(0)), s.Int(1), std::string(s.Text(2)), s.Int(3)};
      });
}

core::Status SessionRecords::Delete(const std::string& token_hash) {
  if (core::Status s = tx_->RequireWritable(); !s.ok()) return s;
  return Execute(tx_->db(), "DELETE FROM sessions WHERE token_hash = ?", {token_hash});
}

core::Status SessionRecords::EndAllOf(std::int64_t user_id, std::string_view reason,
                                      const std::string& keep_session) {
  if (core::Status s = tx_->RequireWritable(); !s.ok()) return s;
  Database& db = tx_->db();
  const std::int64_t now = db.clock().Now();
  if (core::Status s = Execute(db, "DELETE FROM ended_sessions WHERE expires_at <= ?", {now});
      !s.ok()) {
    return s;
  }
  if (core::Status s = Execute(db,
                               "INSERT INTO ended_sessions (token_hash, reason, expires_at)"
                               " SELECT token_hash, ?, expires_at FROM sessions"
                               " WHERE user_id = ? AND token_hash <> ? AND expires_at > ?"
                               " ON CONFLICT (token_hash) DO UPDATE SET reason = excluded.reason,"
                               " expires_at = excluded.expires_at",
                               {std::string(reason), user_id, keep_session, now});
      !s.ok()) {
    return s;
  }
  return Execute(db, "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?",
                 {user_id, keep_session});
}

core::Result<std::string> SessionRecords::EndReason(const std::string& token_hash,
                                                    std::int64_t now) {
  auto text = [](const Statement& s) { return std::string(s.Text(0)); };
  core::Result<std::optional<std::string>> ended = QueryOne<std::string>(
      tx_->db(), "SELECT reason FROM ended_sessions WHERE token_hash = ? AND expires_at > ?",
      {token_hash, now}, text);
  if (!ended.ok()) return ended.error();
  if (ended.value()) return *ended.value();
  core::Result<std::optional<std::string>> expired = QueryOne<std::string>(
      tx_->db(), "SELECT 'session_expired' FROM sessions WHERE token_hash = ? AND expires_at <= ?",
      {token_hash, now}, text);
  if (!expired.ok()) return expired.error();
  return expired.value().value_or(std::string());
}

}  // namespace grassroots::storage
