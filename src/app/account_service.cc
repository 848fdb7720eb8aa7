#include "app/account_service.h"

#include <algorithm>

#include "app/login_guard.h"
#include "auth/password.h"
#include "core/account_rules.h"
#include "core/password_rules.h"
#include "storage/organization_subject.h"
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
  auto existing = store.FindUser(account.name);
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
  auto id = store.CreateUser(user, actor);
  if (!id.ok()) return id.error();
  auto created = store.GetUser(id.value());
  if (!created.ok()) return created.error();
  if (!created.value()) return core::Error::Internal("the new user vanished");
  return *created.value();
}

core::Result<storage::UserRecord> ChangeAccount(storage::Store& store, const std::string& name,
                                                const AccountChange& change,
                                                const core::Principal& by,
                                                const storage::Actor& actor) {
  auto found = store.FindUser(name);
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
  if (core::Status updated = store.UpdateUser(user.id, stored, "", actor); !updated.ok()) {
    return updated.error();
  }
  auto changed = store.GetUser(user.id);
  if (!changed.ok()) return changed.error();
  if (!changed.value()) return core::Error::NotFound("no user is named " + name, "name");
  return *changed.value();
}

core::Status ChangeOwnPassword(storage::Store& store, const auth::ThrottleLimits& limits,
                               std::int64_t user_id, const std::string& old_password,
                               const std::string& new_password, const std::string& keep_session,
                               const storage::Actor& actor) {
  auto user = store.GetUser(user_id);
  if (!user.ok()) return user.error();
  if (!user.value()) return core::Error::NotFound("no such user", "name");
  const std::string& name = user.value()->name;
  if (!auth::VerifyPassword(old_password, user.value()->password_hash)) {
    if (core::Status counted = RecordLoginFailure(store, limits, name, actor.origin, actor);
        !counted.ok()) {
      return counted;
    }
    (void)store.RecordEvent("password_change_failed", "user:" + name, "", actor);
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
  if (core::Status updated = store.UpdateUser(user_id, change, keep_session, actor);
      !updated.ok()) {
    return updated;
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
  return store.UpdateUser(user_id, change, "", actor);
}

core::Result<std::vector<storage::UserRecord>> ListAccounts(storage::Store& store) {
  return store.ListUsers();
}

core::Result<std::optional<storage::UserRecord>> AccountOf(storage::Store& store,
                                                           std::int64_t user_id) {
  return store.GetUser(user_id);
}

}  // namespace grassroots::app
