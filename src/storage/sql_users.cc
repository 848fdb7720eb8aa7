// Users and sessions of the server (issue 3).
#include "storage/audit_chain.h"
#include "storage/server_sql.h"
#include "storage/sql_store.h"

namespace grassroots::storage {
namespace {

constexpr std::string_view kUserColumns =
    "SELECT id, name, role, scope, password_hash, created_at, disabled_at, real_name, phone,"
    " must_change_password FROM users";

std::string JoinScope(const std::vector<std::string>& scope) {
  std::string text;
  for (const std::string& code : scope) {
    if (!text.empty()) text += ',';
    text += code;
  }
  return text;
}

std::vector<std::string> SplitScope(std::string_view text) {
  std::vector<std::string> codes;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    if (comma != 0) codes.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return codes;
}

UserRecord ReadUser(const Statement& s) {
  UserRecord user;
  user.id = s.Int(0);
  user.name = s.Text(1);
  user.role = core::ParseRole(s.Text(2)).value_or(core::Role::kAuditor);
  user.scope = SplitScope(s.Text(3));
  user.password_hash = s.Text(4);
  if (!s.IsNull(5)) user.created_at = s.Text(5);
  if (!s.IsNull(6)) user.disabled_at = s.Text(6);
  user.real_name = s.Text(7);
  user.phone = s.Text(8);
  user.must_change_password = s.Int(9) != 0;
  return user;
}

// A user's audited fields: never the password hash.
std::string UserJson(const UserRecord& user) {
  std::string scope = "[";
  for (const std::string& code : user.scope) {
    if (scope.size() > 1) scope += ',';
    scope += JsonQuote(code);
  }
  scope += ']';
  return JsonObject({{"id", std::to_string(user.id)},
                     {"name", JsonQuote(user.name)},
                     {"role", JsonQuote(core::ToString(user.role))},
                     {"scope", scope},
                     {"real_name", JsonQuote(user.real_name)},
                     {"phone", JsonQuote(user.phone)},
                     {"created_at", JsonQuote(user.created_at)},
                     {"disabled", user.disabled() ? "true" : "false"},
                     {"must_change_password", user.must_change_password ? "true" : "false"}});
}

core::Result<std::optional<UserRecord>> QueryUser(Database& db, std::string_view where,
                                                  const SqlParam& key) {
  core::Result<std::vector<UserRecord>> users =
      QueryAll<UserRecord>(db, std::string(kUserColumns) + std::string(where), {key}, ReadUser);
  if (!users.ok()) return users.error();
  if (users.value().empty()) return std::optional<UserRecord>();
  return std::optional<UserRecord>(std::move(users.value().front()));
}

core::Status AppendAndCommit(Database& db, Transaction& txn, AuditEntry entry) {
  if (core::Status s = AppendAudit(db, std::move(entry)); !s.ok()) return s;
  return txn.Commit();
}

}  // namespace

// --- Users ---

core::Result<std::int64_t> SqlStore::CreateUser(const UserRecord& user, const Actor& actor) {
  return Guarded("creating user " + user.name, [&]() -> core::Result<std::int64_t> {
    if (user.name.empty()) return core::Error::Invalid("a user needs a name", "name");
    core::Result<Transaction> txn = Transaction::Begin(db_);
    if (!txn.ok()) return txn.error();
    UserRecord stored = user;
    if (stored.created_at.empty()) stored.created_at = core::FormatUtc(db_.clock().Now());
    if (core::Status s =
            Execute(db_,
                    "INSERT INTO users (name, role, scope, password_hash, created_at, real_name,"
                    " phone, must_change_password) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    {stored.name, std::string(core::ToString(stored.role)), JoinScope(stored.scope),
                     stored.password_hash, stored.created_at, stored.real_name, stored.phone,
                     std::int64_t{stored.must_change_password ? 1 : 0}});
        !s.ok()) {
      if (s.error().code == core::ErrorCode::kConflict) {
        return core::Error::Conflict("user " + user.name + " already exists", "name");
      }
      return s.error();
    }
    core::Result<std::optional<UserRecord>> created = QueryUser(db_, " WHERE name = ?", user.name);
    if (!created.ok() || !created.value()) {
      return created.ok() ? core::Error::Internal("the new user vanished") : created.error();
    }
    AuditEntry entry = NewEntry(actor, "user.create", "user:" + user.name);
    entry.after_json = UserJson(*created.value());
    if (core::Status s = AppendAndCommit(db_, txn.value(), std::move(entry)); !s.ok()) {
      return s.error();
    }
    return created.value()->id;
  });
}

core::Result<std::optional<UserRecord>> SqlStore::FindUser(const std::string& name) {
  return Guarded("finding user " + name, [&] { return QueryUser(db_, " WHERE name = ?", name); });
}

core::Result<std::optional<UserRecord>> SqlStore::GetUser(std::int64_t id) {
  return Guarded("reading a user", [&] { return QueryUser(db_, " WHERE id = ?", id); });
}

core::Result<std::vector<UserRecord>> SqlStore::ListUsers() {
  return Guarded("listing users", [&] {
    return QueryAll<UserRecord>(db_, std::string(kUserColumns) + " ORDER BY name", {}, ReadUser);
  });
}

core::Status SqlStore::SetPasswordHash(std::int64_t user_id, const std::string& hash,
                                       const Actor& actor) {
  return Guarded("setting a password", [&]() -> core::Status {
    core::Result<Transaction> txn = Transaction::Begin(db_);
    if (!txn.ok()) return txn.error();
    core::Result<std::optional<UserRecord>> user = QueryUser(db_, " WHERE id = ?", user_id);
    if (!user.ok()) return user.error();
    if (!user.value()) return core::Error::NotFound("no such user", "user_id");
    if (core::Status s =
            Execute(db_, "UPDATE users SET password_hash = ? WHERE id = ?", {hash, user_id});
        !s.ok()) {
      return s;
    }
    AuditEntry entry = NewEntry(actor, "user.password", "user:" + user.value()->name);
    entry.before_json = UserJson(*user.value());
    entry.after_json = JsonObject({{"id", std::to_string(user_id)},
                                   {"name", JsonQuote(user.value()->name)},
                                   {"password", JsonQuote("changed")}});
    return AppendAndCommit(db_, txn.value(), std::move(entry));
  });
}

// --- Sessions ---

core::Status SqlStore::CreateSession(const SessionRecord& session) {
  return Guarded("creating a session", [&] {
    return Execute(db_,
                   "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)"
                   " VALUES (?, ?, ?, ?)",
                   {session.token_hash, session.user_id, session.csrf_token, session.expires_at});
  });
}

core::Result<std::optional<SessionRecord>> SqlStore::FindSession(const std::string& token_hash,
                                                                 std::int64_t now) {
  return Guarded("finding a session", [&]() -> core::Result<std::optional<SessionRecord>> {
    core::Result<std::vector<SessionRecord>> found = QueryAll<SessionRecord>(
        db_,
        "SELECT token_hash, user_id, csrf_token, expires_at FROM sessions"
        " WHERE token_hash = ? AND expires_at > ?",
        {token_hash, now}, [](const Statement& s) {
          return SessionRecord{std::string(s.Text(0)), s.Int(1), std::string(s.Text(2)), s.Int(3)};
        });
    if (!found.ok()) return found.error();
    if (found.value().empty()) return std::optional<SessionRecord>();
    return std::optional<SessionRecord>(std::move(found.value().front()));
  });
}

core::Status SqlStore::DeleteSession(const std::string& token_hash) {
  return Guarded("deleting a session", [&] {
    return Execute(db_, "DELETE FROM sessions WHERE token_hash = ?", {token_hash});
  });
}

core::Status SqlStore::DeleteUserSessions(std::int64_t user_id, std::string_view reason) {
  return Guarded("deleting a user's sessions", [&]() -> core::Status {
    core::Result<Transaction> txn = Transaction::Begin(db_);
    if (!txn.ok()) return txn.error();
    if (core::Status s = EndUserSessions(db_, user_id, "", reason); !s.ok()) return s;
    return txn.value().Commit();
  });
}

core::Result<std::string> SqlStore::SessionEndReason(const std::string& token_hash,
                                                     std::int64_t now) {
  return Guarded("reading why a session ended", [&]() -> core::Result<std::string> {
    core::Result<std::vector<std::string>> ended = QueryAll<std::string>(
        db_, "SELECT reason FROM ended_sessions WHERE token_hash = ? AND expires_at > ?",
        {token_hash, now}, [](const Statement& s) { return std::string(s.Text(0)); });
    if (!ended.ok()) return ended.error();
    if (!ended.value().empty()) return ended.value().front();
    core::Result<std::vector<std::string>> expired = QueryAll<std::string>(
        db_, "SELECT 'session_expired' FROM sessions WHERE token_hash = ? AND expires_at <= ?",
        {token_hash, now}, [](const Statement& s) { return std::string(s.Text(0)); });
    if (!expired.ok()) return expired.error();
    return expired.value().empty() ? std::string() : expired.value().front();
  });
}

core::Status EndUserSessions(Database& db, std::int64_t user_id, const std::string& keep_session,
                             std::string_view reason) {
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

}  // namespace grassroots::storage
