#include "app/account_service.h"

#include <algorithm>

#include "app/audit_trail.h"
#include "app/login_guard.h"
#include "auth/password.h"
#include "core/account_rules.h"
#include "core/password_rules.h"
#include "storage/account_records.h"
#include "storage/organization_subject.h"
#include "storage/session_records.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

core::Error Renamed(core::Error error, std::string field) {
  error.field = std::move(field);
  return error;
}

core::Status CheckProfile(const std::optional<std::string>& real_name,
                          const std::optional<std::string>& phone) {
  if (real_name) {
    if (core::Status valid = core::CheckRealName(*real_name); !valid.ok()) return valid;
  }
  if (phone) {
    if (core::Status valid = core::CheckPhone(*phone); !valid.ok()) return valid;
  }
  return core::Status::Ok();
}

// Why a change ends the account's sessions: what its holder may do or sign in with changed.
// Empty when it keeps them (the real name, the phone, must_change_password).
std::string_view SessionsEndedBy(const storage::UserChange& change) {
  if (change.disabled.value_or(false)) return storage::kEndedAccountDisabled;
  if (change.password_hash) return storage::kEndedPasswordChanged;
  if (change.role || change.scope || change.disabled) return storage::kEndedAccountChanged;
  return {};
}

// Applies `change` to the account and ends the sessions it outdates but `keep_session`, each
// remembered with why, in one transaction with its audit entry. Answers the account as changed.
core::Result<storage::UserRecord> Apply(storage::Store& store, std::int64_t user_id,
                                        const storage::UserChange& change,
                                        const std::string& keep_session,
                                        const storage::Actor& actor) {
  storage::UserRecord changed;
  core::Status written = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    auto after = storage::AccountRecords(tx).Update(user_id, change);
    if (!after.ok()) return after.error();
    changed = std::move(after).value();
    const std::string_view ended = SessionsEndedBy(change);
    if (ended.empty()) return core::Status::Ok();
    return storage::SessionRecords(tx).EndAllOf(user_id, ended, keep_session);
  });
  if (!written.ok()) return written.error();
  return changed;
}

}  // namespace

core::Result<std::vector<std::string>> CheckScope(storage::Store& store, core::Role role,
                                                  std::vector<std::string> scope) {
  std::sort(scope.begin(), scope.end());
  scope.erase(std::unique(scope.begin(), scope.end()), scope.end());
  std::vector<core::Organization> orgs;
  for (const std::string& code : scope) {
    auto found = storage::ReadValue(
        store, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Detail(code); });
    if (!found.ok()) return found.error();
    if (code.empty() || !found.value()) {
      return core::Error::Invalid("no organization has the code " + code, "scope")
          .With("unknown_organization", {{"code", code}});
    }
    orgs.push_back(found.value()->org);
  }
  if (core::Status fits = core::CheckScopeFitsRole(role, orgs); !fits.ok()) return fits.error();
  return scope;
}

core::Result<storage::UserRecord> CreateAccount(storage::Store& store, const NewAccount& account,
                                                const storage::Actor& actor) {
  if (core::Status name = core::CheckUserName(account.name); !name.ok()) return name.error();
  if (core::Status profile = CheckProfile(account.real_name, account.phone); !profile.ok()) {
    return profile.error();
  }
  if (core::Status strong = core::CheckPassword(account.password, account.name); !strong.ok()) {
    return strong.error();
  }
  auto existing = AccountNamed(store, account.name);
  if (!existing.ok()) return existing.error();
  if (existing.value()) {
    return core::Error::Conflict("a user named " + account.name + " already exists", "name")
        .With("user_name_taken", {{"name", account.name}});
  }
  auto scope = CheckScope(store, account.role, account.scope);
  if (!scope.ok()) return scope.error();
  auto hash = auth::HashPassword(account.password);
  if (!hash.ok()) return hash.error();
  storage::UserRecord user;
  user.name = account.name;
  user.role = account.role;
  user.scope = std::move(scope).value();
  user.password_hash = std::move(hash).value();
  user.real_name = account.real_name;
  user.phone = account.phone;
  user.must_change_password = account.must_change_password;
  std::optional<storage::UserRecord> created;
  core::Status written = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    storage::AccountRecords accounts(tx);
    auto id = accounts.Create(user);
    if (!id.ok()) return id.error();
    auto stored = accounts.Get(id.value());
    if (!stored.ok()) return stored.error();
    created = std::move(stored).value();
    return core::Status::Ok();
  });
  if (!written.ok()) return written.error();
  if (!created) return core::Error::Internal("the new user vanished");
  return *created;
}

core::Result<storage::UserRecord> ChangeAccount(storage::Store& store, const std::string& name,
                                                const AccountChange& change,
                                                const core::Principal& by,
                                                const storage::Actor& actor) {
  auto found = AccountNamed(store, name);
  if (!found.ok()) return found.error();
  if (!found.value()) return core::Error::NotFound("no user is named " + name, "name");
  const storage::UserRecord& user = *found.value();
  const core::Role role = change.role.value_or(user.role);
  if (user.id == by.user_id && user.role == core::Role::kAdmin && role != core::Role::kAdmin) {
    return core::Error::Forbidden("you may not take away your own admin role", "role")
        .With("own_admin_role");
  }
  if (user.id == by.user_id && change.disabled.value_or(false)) {
    return core::Error::Forbidden("you may not disable your own account", "disabled")
        .With("own_account_disabled");
  }
  storage::UserChange stored;
  if (change.role || change.scope) {
    auto scope = CheckScope(store, role, change.scope.value_or(user.scope));
    if (!scope.ok()) return scope.error();
    stored.role = role;
    stored.scope = std::move(scope).value();
  }
  if (change.password) {
    if (core::Status strong = core::CheckPassword(*change.password, user.name); !strong.ok()) {
      return strong.error();
    }
    auto hash = auth::HashPassword(*change.password);
    if (!hash.ok()) return hash.error();
    stored.password_hash = std::move(hash).value();
  }
  if (core::Status profile = CheckProfile(change.real_name, change.phone); !profile.ok()) {
    return profile.error();
  }
  stored.disabled = change.disabled;
  stored.real_name = change.real_name;
  stored.phone = change.phone;
  stored.must_change_password = change.must_change_password;
  auto changed = Apply(store, user.id, stored, "", actor);
  if (!changed.ok() && changed.error().code == core::ErrorCode::kNotFound) {
    return core::Error::NotFound("no user is named " + name, "name");
  }
  return changed;
}

core::Status ChangeOwnPassword(storage::Store& store, const auth::ThrottleLimits& limits,
                               std::int64_t user_id, const std::string& old_password,
                               const std::string& new_password, const std::string& keep_session,
                               const storage::Actor& actor) {
  auto user = AccountOf(store, user_id);
  if (!user.ok()) return user.error();
  if (!user.value()) return core::Error::NotFound("no such user", "name");
  const std::string& name = user.value()->name;
  if (!auth::VerifyPassword(old_password, user.value()->password_hash)) {
    if (core::Status counted = RecordLoginFailure(store, limits, name, actor.origin, actor);
        !counted.ok()) {
      return counted;
    }
    (void)RecordEvent(store, actor, "password_change_failed", "user:" + name);
    return core::Error::Forbidden("the current password is wrong", "old_password")
        .With("wrong_current_password");
  }
  if (core::Status strong = core::CheckPassword(new_password, user.value()->name); !strong.ok()) {
    return Renamed(strong.error(), "new_password");
  }
  if (new_password == old_password) {
    return core::Error::Invalid("the new password must differ from the current one", "new_password")
        .With("password_unchanged");
  }
  auto hash = auth::HashPassword(new_password);
  if (!hash.ok()) return hash.error();
  storage::UserChange change;
  change.password_hash = std::move(hash).value();
  change.must_change_password = false;
  if (auto updated = Apply(store, user_id, change, keep_session, actor); !updated.ok()) {
    return updated.error();
  }
  return RecordLoginSuccess(store, name, actor.origin, actor);
}

core::Status ChangeOwnProfile(storage::Store& store, std::int64_t user_id,
                              const std::optional<std::string>& real_name,
                              const std::optional<std::string>& phone,
                              const storage::Actor& actor) {
  if (core::Status profile = CheckProfile(real_name, phone); !profile.ok()) return profile;
  storage::UserChange change;
  change.real_name = real_name;
  change.phone = phone;
  auto updated = Apply(store, user_id, change, "", actor);
  return updated.ok() ? core::Status::Ok() : core::Status(updated.error());
}

core::Status ResetPassword(storage::Store& store, const std::string& name,
                           const std::string& password, const storage::Actor& actor) {
  auto hash = auth::HashPassword(password);
  if (!hash.ok()) return hash.error();
  return store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    storage::AccountRecords accounts(tx);
    auto user = accounts.Find(name);
    if (!user.ok()) return user.error();
    if (!user.value()) return core::Error::NotFound("no user is named " + name, "name");
    if (core::Status set = accounts.SetPasswordHash(user.value()->id, hash.value()); !set.ok()) {
      return set;
    }
    return storage::SessionRecords(tx).EndAllOf(user.value()->id, storage::kEndedPasswordChanged);
  });
}

core::Result<std::vector<storage::UserRecord>> ListAccounts(storage::Store& store) {
  std::vector<storage::UserRecord> users;
  core::Status read = store.Read([&](storage::Tx& tx) -> core::Status {
    auto listed = storage::AccountRecords(tx).List();
    if (!listed.ok()) return listed.error();
    users = std::move(listed).value();
    return core::Status::Ok();
  });
  if (!read.ok()) return read.error();
  return users;
}

core::Result<std::optional<storage::UserRecord>> AccountOf(storage::Store& store,
                                                           std::int64_t user_id) {
  std::optional<storage::UserRecord> user;
  core::Status read = store.Read([&](storage::Tx& tx) -> core::Status {
    auto found = storage::AccountRecords(tx).Get(user_id);
    if (!found.ok()) return found.error();
    user = std::move(found).value();
    return core::Status::Ok();
  });
  if (!read.ok()) return read.error();
  return user;
}

core::Result<std::optional<storage::UserRecord>> AccountNamed(storage::Store& store,
                                                              const std::string& name) {
  std::optional<storage::UserRecord> user;
  core::Status read = store.Read([&](storage::Tx& tx) -> core::Status {
    auto found = storage::AccountRecords(tx).Find(name);
    if (!found.ok()) return found.error();
    user = std::move(found).value();
    return core::Status::Ok();
  });
  if (!read.ok()) return read.error();
  return user;
}

}  // namespace grassroots::app
