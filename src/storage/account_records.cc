#include "storage/account_records.h"

#include <utility>

#include "storage/audit_chain.h"
#include "storage/server_sql.h"

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

std::string ScopeJson(const std::vector<std::string>& scope) {
  std::string json = "[";
  for (const std::string& code : scope) json += (json.size() > 1 ? "," : "") + JsonQuote(code);
  return json + "]";
}

// The audited fields of an account as created (and before a password is set): never the hash.
std::string CreatedJson(const UserRecord& user) {
  return JsonObject({{"id", std::to_string(user.id)},
                     {"name", JsonQuote(user.name)},
                     {"role", JsonQuote(core::ToString(user.role))},
                     {"scope", ScopeJson(user.scope)},
                     {"real_name", JsonQuote(user.real_name)},
                     {"phone", JsonQuote(user.phone)},
                     {"created_at", JsonQuote(user.created_at)},
                     {"disabled", user.disabled() ? "true" : "false"},
                     {"must_change_password", user.must_change_password ? "true" : "false"}});
}

// The audited fields of an account before and after a change: never the password hash.
std::string ChangedJson(const UserRecord& user, bool password_changed) {
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

}  // namespace

core::Result<std::int64_t> AccountRecords::Create(const UserRecord& user) {
  if (core::Status s = tx_->RequireWritable(); !s.ok()) return s.error();
  if (user.name.empty()) return core::Error::Invalid("a user needs a name", "name");
  Database& db = tx_->db();
  UserRecord stored = user;
  if (stored.created_at.empty()) stored.created_at = core::FormatUtc(db.clock().Now());
  if (core::Status s =
          Execute(db,
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
  core::Result<std::optional<UserRecord>> created = Find(user.name);
  if (!created.ok()) return created.error();
  if (!created.value()) return core::Error::Internal("the new user vanished");
  if (core::Status s = tx_->Audit("user.create", "user:" + user.name, std::nullopt,
                                  CreatedJson(*created.value()));
      !s.ok()) {
    return s.error();
  }
  return created.value()->id;
}

core::Result<std::optional<UserRecord>> AccountRecords::Find(const std::string& name) {
  return QueryOne<UserRecord>(tx_->db(), std::string(kUserColumns) + " WHERE name = ?", {name},
                              ReadUser);
}

core::Result<std::optional<UserRecord>> AccountRecords::Get(std::int64_t id) {
  return QueryOne<UserRecord>(tx_->db(), std::string(kUserColumns) + " WHERE id = ?", {id},
                              ReadUser);
}

core::Result<std::vector<UserRecord>> AccountRecords::List() {
  return QueryAll<UserRecord>(tx_->db(), std::string(kUserColumns) + " ORDER BY name", {},
                              ReadUser);
}

core::Result<bool> AccountRecords::Exists(const std::string& name) {
  core::Result<std::optional<std::int64_t>> id =
      QueryOne<std::int64_t>(tx_->db(), "SELECT id FROM users WHERE name = ?", {name},
                             [](const Statement& s) { return s.Int(0); });
  if (!id.ok()) return id.error();
  return id.value().has_value();
}

core::Status AccountRecords::SetPasswordHash(std::int64_t user_id, const std::string& hash) {
  if (core::Status s = tx_->RequireWritable(); !s.ok()) return s;
  core::Result<std::optional<UserRecord>> user = Get(user_id);
  if (!user.ok()) return user.error();
  if (!user.value()) return core::Error::NotFound("no such user", "user_id");
  if (core::Status s =
          Execute(tx_->db(), "UPDATE users SET password_hash = ? WHERE id = ?", {hash, user_id});
      !s.ok()) {
    return s;
  }
  const std::string after = JsonObject({{"id", std::to_string(user_id)},
                                        {"name", JsonQuote(user.value()->name)},
                                        {"password", JsonQuote("changed")}});
  return tx_->Audit("user.password", "user:" + user.value()->name, CreatedJson(*user.value()),
                    after);
}

core::Result<UserRecord> AccountRecords::Update(std::int64_t user_id, const UserChange& change) {
  if (core::Status s = tx_->RequireWritable(); !s.ok()) return s.error();
  core::Result<std::optional<UserRecord>> before = Get(user_id);
  if (!before.ok()) return before.error();
  if (!before.value()) return core::Error::NotFound("no such user", "name");
  UserRecord after = *before.value();
  if (change.role) after.role = *change.role;
  if (change.scope) after.scope = *change.scope;
  if (change.password_hash) after.password_hash = *change.password_hash;
  if (change.disabled && *change.disabled != after.disabled()) {
    after.disabled_at = *change.disabled ? core::FormatUtc(tx_->db().clock().Now()) : std::string();
  }
  if (change.real_name) after.real_name = *change.real_name;
  if (change.phone) after.phone = *change.phone;
  if (change.must_change_password) after.must_change_password = *change.must_change_password;
  if (core::Status s =
          Execute(tx_->db(),
                  "UPDATE users SET role = ?, scope = ?, password_hash = ?, disabled_at = ?,"
                  " real_name = ?, phone = ?, must_change_password = ? WHERE id = ?",
                  {std::string(core::ToString(after.role)), JoinScope(after.scope),
                   after.password_hash, NullIfEmpty(after.disabled_at), after.real_name,
                   after.phone, std::int64_t{after.must_change_password ? 1 : 0}, user_id});
      !s.ok()) {
    return s.error();
  }
  const char* action = !change.disabled   ? "user.update"
                       : *change.disabled ? "user.disable"
                                          : "user.enable";
  if (core::Status s = tx_->Audit(action, "user:" + after.name, ChangedJson(*before.value(), false),
                                  ChangedJson(after, change.password_hash.has_value()));
      !s.ok()) {
    return s.error();
  }
  return after;
}

}  // namespace grassroots::storage
