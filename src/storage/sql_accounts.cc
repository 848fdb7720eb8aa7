// Changes to accounts made through the server: role, scope, password, whether the account
// may sign in, the holder's name and phone, in one audited transaction that also ends the
// sessions opened under old access values (remembering why, for their holders).
#include "storage/audit_chain.h"
#include "storage/server_sql.h"
#include "storage/sql_store.h"

namespace grassroots::storage {
namespace {

std::string JoinCodes(const std::vector<std::string>& scope) {
  std::string text;
  for (const std::string& code : scope) text += (text.empty() ? "" : ",") + code;
  return text;
}

std::string ScopeJson(const std::vector<std::string>& scope) {
  std::string json = "[";
  for (const std::string& code : scope) json += (json.size() > 1 ? "," : "") + JsonQuote(code);
  return json + "]";
}

// The audited fields of an account: never the password hash.
std::string AccountJson(const UserRecord& user, bool password_changed) {
  std::vector<std::pair<std::string_view, std::string>> fields = {
      {"id", std::to_string(user.id)},
      {"name", JsonQuote(user.name)},
      {"role", JsonQuote(core::ToString(user.role))},
      {"scope", ScopeJson(user.scope)},
      {"real_name", JsonQuote(user.real_name)},
      {"phone", JsonQuote(user.phone)},
      {"disabled", user.disabled() ? "true" : "false"},
      {"must_change_password", user.must_change_password ? "true" : "false"}};
  if (password_changed) fields.emplace_back("password", JsonQuote("changed"));
  return JsonObject(fields);
}

// Why a change ends the account's sessions: what its holder may do or sign in with changed.
// Empty when it keeps them (the real name, the phone).
std::string_view EndedBy(const UserChange& change) {
  if (change.disabled.value_or(false)) return kEndedAccountDisabled;
  if (change.password_hash) return kEndedPasswordChanged;
  if (change.role || change.scope || change.disabled) return kEndedAccountChanged;
  return {};
}

}  // namespace

core::Status SqlStore::UpdateUser(std::int64_t user_id, const UserChange& change,
                                  const std::string& keep_session, const Actor& actor) {
  return Guarded("changing an account", [&]() -> core::Status {
    core::Result<Transaction> txn = Transaction::Begin(db_);
    if (!txn.ok()) return txn.error();
    core::Result<std::optional<UserRecord>> before = GetUser(user_id);
    if (!before.ok()) return before.error();
    if (!before.value()) return core::Error::NotFound("no such user", "name");
    UserRecord after = *before.value();
    if (change.role) after.role = *change.role;
    if (change.scope) after.scope = *change.scope;
    if (change.password_hash) after.password_hash = *change.password_hash;
    if (change.disabled && *change.disabled != after.disabled()) {
      after.disabled_at = *change.disabled ? core::FormatUtc(db_.clock().Now()) : std::string();
    }
    if (change.real_name) after.real_name = *change.real_name;
    if (change.phone) after.phone = *change.phone;
    if (change.must_change_password) after.must_change_password = *change.must_change_password;
    if (core::Status s =
            Execute(db_,
                    "UPDATE users SET role = ?, scope = ?, password_hash = ?, disabled_at = ?,"
                    " real_name = ?, phone = ?, must_change_password = ? WHERE id = ?",
                    {std::string(core::ToString(after.role)), JoinCodes(after.scope),
                     after.password_hash, NullIfEmpty(after.disabled_at), after.real_name,
                     after.phone, std::int64_t{after.must_change_password ? 1 : 0}, user_id});
        !s.ok()) {
      return s;
    }
    if (const std::string_view ended = EndedBy(change); !ended.empty()) {
      if (core::Status s = EndUserSessions(db_, user_id, keep_session, ended); !s.ok()) return s;
    }
    const char* action = !change.disabled   ? "user.update"
                         : *change.disabled ? "user.disable"
                                            : "user.enable";
    AuditEntry entry = NewEntry(actor, action, "user:" + after.name);
    entry.before_json = AccountJson(*before.value(), false);
    entry.after_json = AccountJson(after, change.password_hash.has_value());
    if (core::Status s = AppendAudit(db_, std::move(entry)); !s.ok()) return s;
    return txn.value().Commit();
  });
}

}  // namespace grassroots::storage
