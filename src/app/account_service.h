// Accounts as one use case for the CLI (`grassroots user`) and the HTTP API (/api/v1/users):
// the checks (core/account_rules.h, core::CheckPassword), the hashing and the store's
// audited write. Knows neither HTTP nor SQL.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/login_throttle.h"
#include "core/access.h"
#include "core/error.h"
#include "storage/store.h"

namespace grassroots::app {

// The scope codes, sorted with duplicates dropped, when each names a stored organization and
// together they fit the role (core::CheckScopeFitsRole). kInvalid (field "scope") otherwise.
core::Result<std::vector<std::string>> CheckScope(storage::Store& store, core::Role role,
                                                  std::vector<std::string> scope);

struct NewAccount {
  std::string name;
  core::Role role = core::Role::kAuditor;
  std::vector<std::string> scope;
  std::string password;
  std::string real_name;
  std::string phone;
  // The holder must choose their own password before anything else: set when an administrator
  // gives the password (POST /users), not for the operator's own accounts at the console.
  bool must_change_password = false;
};

// Checks name, scope, password, real name and phone, hashes the password and creates the
// account (audited). kInvalid naming "name", "scope", "password", "real_name" or "phone";
// kConflict (field "name") when the name is taken. Nothing is written on any error.
core::Result<storage::UserRecord> CreateAccount(storage::Store& store, const NewAccount& account,
                                                const storage::Actor& actor);

// What an administrator changes of an account; nullopt leaves it as it is.
struct AccountChange {
  std::optional<core::Role> role;
  std::optional<std::vector<std::string>> scope;
  std::optional<std::string> password;  // a reset: the new password in clear
  // true: the account may no longer sign in, and its sessions end; false: it may again. The
  // account and its name stay in the record either way: nothing refers to a deleted account.
  std::optional<bool> disabled;
  std::optional<std::string> real_name;
  std::optional<std::string> phone;
  // true with a password an administrator resets: its holder must choose their own.
  std::optional<bool> must_change_password;
};

// Changes the account `name` on behalf of `by`. A change of role, scope, password or disabled
// ends all of the account's sessions (its holder signs in again under the new role, scope or
// password, or not at all once disabled; told why: storage::SessionRecords::EndReason), in
// the same transaction as the change and its audit entry. The resulting
// role and scope are checked together. kNotFound (field "name"); kInvalid naming "role",
// "scope", "password", "real_name" or "phone"; kForbidden when `by` would take away their own admin
// role (field "role") or disable their own account (field "disabled"): the last administrator must
// not lock everyone out.
core::Result<storage::UserRecord> ChangeAccount(storage::Store& store, const std::string& name,
                                                const AccountChange& change,
                                                const core::Principal& by,
                                                const storage::Actor& actor);

// A user changes their own password, which also ends an obligation to change it. Ends the
// user's other sessions and keeps the one whose token hash is `keep_session`. kForbidden (field
// "old_password") when `old_password` is wrong: counted as a failed login of the account from
// `actor.origin` (login_guard.h, under `limits`) and recorded as `password_change_failed`, so
// the form cannot be used to guess a password an open session hides; the caller asks
// LoginWait first. kInvalid (field "new_password") when the new one breaks the password rule or
// equals the old one. A change clears the pair's count, as a successful login does.
core::Status ChangeOwnPassword(storage::Store& store, const auth::ThrottleLimits& limits,
                               std::int64_t user_id, const std::string& old_password,
                               const std::string& new_password, const std::string& keep_session,
                               const storage::Actor& actor);

// A user changes their own real name or phone (nullopt: kept). kInvalid naming "real_name" or
// "phone". Keeps the user's sessions.
core::Status ChangeOwnProfile(storage::Store& store, std::int64_t user_id,
                              const std::optional<std::string>& real_name,
                              const std::optional<std::string>& phone, const storage::Actor& actor);

// The operator sets the password of the account `name` at the console (`grassroots user
// passwd`, the password chosen and checked by the caller): audited as "user.password", and
// every session of the account ends (whoever knew the old password may be signed in), told
// why, in one transaction. kNotFound (field "name").
core::Status ResetPassword(storage::Store& store, const std::string& name,
                           const std::string& password, const storage::Actor& actor);

// Every account, by name.
core::Result<std::vector<storage::UserRecord>> ListAccounts(storage::Store& store);

// The account `user_id`, or the account named `name`; nullopt when there is none.
core::Result<std::optional<storage::UserRecord>> AccountOf(storage::Store& store,
                                                           std::int64_t user_id);
core::Result<std::optional<storage::UserRecord>> AccountNamed(storage::Store& store,
                                                              const std::string& name);

}  // namespace grassroots::app
