// Accounts: the list, creation and changes by an administrator (/users: role, scope, password,
// disabled, real name, phone), what scope each role takes (/roles), and a user's own password
// (/session/password) and real name and phone (/session/profile). An account an administrator
// created or gave a new password must change it before anything else (server.cc). The rules are
// app/account_service's; every change clears the server's remembered sessions (ForgetSessions) so
// that none is served under the old values.
#include "app/account_service.h"
#include "app/login_guard.h"
#include "core/account_rules.h"
#include "http/access.h"
#include "http/errors.h"
#include "http/json_input.h"
#include "http/route.h"
#include "http/session.h"

namespace grassroots::http {
namespace {

nlohmann::json AccountJson(const storage::UserRecord& user) {
  return {{"id", user.id},
          {"name", user.name},
          {"role", core::ToString(user.role)},
          {"scope", user.scope},
          {"real_name", user.real_name},
          {"phone", user.phone},
          {"created_at", user.created_at},
          {"disabled", user.disabled()},
          {"disabled_at", user.disabled() ? nlohmann::json(user.disabled_at) : nullptr},
          {"must_change_password", user.must_change_password}};
}

// The optional text `key` of `body` into `out` (left nullopt when absent); false after 422.
bool GetOptionalString(const nlohmann::json& body, const char* key, std::optional<std::string>& out,
                       httplib::Response& res) {
  std::string text;
  if (!GetString(body, key, text, false, res)) return false;
  if (body.contains(key)) out = std::move(text);
  return true;
}

// The role in `body` (when present) into `out`; false after writing 422.
bool GetRole(const nlohmann::json& body, std::optional<core::Role>& out, bool required,
             httplib::Response& res) {
  std::string text;
  const bool present = body.contains("role");
  if (!GetString(body, "role", text, required, res)) return false;
  if (!present) return true;
  out = core::ParseRole(text);
  if (out) return true;
  WriteError(res, 422, "invalid",
             "role must be admin, unit_admin, secretary, first_secretary, leader or auditor",
             "role", "unknown_role");
  return false;
}

// The scope in `body` (when present): an array of organization codes.
bool GetScope(const nlohmann::json& body, std::optional<std::vector<std::string>>& out,
              httplib::Response& res) {
  auto it = body.find("scope");
  if (it == body.end()) return true;
  std::vector<std::string> codes;
  bool ok = it->is_array() && it->size() <= 1000;
  for (std::size_t i = 0; ok && i < it->size(); ++i) {
    ok = (*it)[i].is_string() && IsValidCode((*it)[i].get<std::string>());
    if (ok) codes.push_back((*it)[i].get<std::string>());
  }
  if (!ok) {
    WriteError(res, 422, "invalid", "scope must be a list of organization codes", "scope",
               "wrong_type");
    return false;
  }
  out = std::move(codes);
  return true;
}

void Users(Call& call) {
  if (!Require(call, core::GlobalAction::kManageUsers)) return;
  auto users = app::ListAccounts(call.store);
  if (!users.ok()) return WriteError(call.res, users.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& u : users.value()) items.push_back(AccountJson(u));
  WriteJson(call.res, {{"items", items}, {"total", items.size()}});
}

void CreateUser(Call& call) {
  if (!Require(call, core::GlobalAction::kManageUsers)) return;
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  app::NewAccount account;
  std::optional<core::Role> role;
  std::optional<std::vector<std::string>> scope;
  if (!OnlyFields(*body, {"name", "role", "scope", "password", "real_name", "phone"}, call.res) ||
      !GetString(*body, "name", account.name, true, call.res) ||
      !GetRole(*body, role, true, call.res) || !GetScope(*body, scope, call.res) ||
      !GetString(*body, "password", account.password, true, call.res) ||
      !GetString(*body, "real_name", account.real_name, false, call.res) ||
      !GetString(*body, "phone", account.phone, false, call.res)) {
    return;
  }
  account.role = *role;
  account.scope = scope.value_or(std::vector<std::string>{});
  // The administrator knows this password: its holder chooses their own at first login.
  account.must_change_password = true;
  auto created = app::CreateAccount(call.store, account, call.actor);
  if (!created.ok()) return WriteError(call.res, created.error());
  WriteJson(call.res, AccountJson(created.value()), 201);
}

void UpdateUser(Call& call) {
  if (!Require(call, core::GlobalAction::kManageUsers)) return;
  const std::string name = call.req.matches.size() > 1 ? call.req.matches[1].str() : "";
  if (!core::CheckUserName(name).ok()) {
    return WriteError(call.res, 404, "not_found", "no such user", "name");
  }
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  app::AccountChange change;
  std::string password;
  bool disabled = false;
  if (!OnlyFields(*body, {"role", "scope", "password", "disabled", "real_name", "phone"},
                  call.res) ||
      !GetRole(*body, change.role, false, call.res) || !GetScope(*body, change.scope, call.res) ||
      !GetString(*body, "password", password, false, call.res) ||
      !GetBool(*body, "disabled", disabled, false, call.res) ||
      !GetOptionalString(*body, "real_name", change.real_name, call.res) ||
      !GetOptionalString(*body, "phone", change.phone, call.res)) {
    return;
  }
  if (body->contains("password")) {
    change.password = password;
    change.must_change_password = true;  // a reset: its holder chooses their own next
  }
  if (body->contains("disabled")) change.disabled = disabled;
  if (!change.role && !change.scope && !change.password && !change.disabled && !change.real_name &&
      !change.phone) {
    return WriteError(call.res, 422, "invalid",
                      "give a role, a scope, a password, disabled, real_name or phone to change",
                      "body", "nothing_to_change");
  }
  auto changed = app::ChangeAccount(call.store, name, change, call.principal, call.actor);
  if (!changed.ok()) return WriteError(call.res, changed.error());
  ForgetSessions(call.services);
  WriteJson(call.res, AccountJson(changed.value()));
}

// Wrong current passwords count as failed logins of the account, so the form cannot be used
// to guess a password that an open session hides.
void ChangeOwnPassword(Call& call) {
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  std::string old_password, new_password;
  if (!OnlyFields(*body, {"old_password", "new_password"}, call.res) ||
      !GetString(*body, "old_password", old_password, true, call.res) ||
      !GetString(*body, "new_password", new_password, true, call.res)) {
    return;
  }
  auto wait = app::LoginWait(call.store, call.services.login_limits, call.principal.name,
                             call.actor.origin);
  if (!wait.ok()) return WriteError(call.res, wait.error());
  if (wait.value() > 0) {
    const std::string seconds = std::to_string(wait.value());
    call.res.set_header("Retry-After", seconds);
    return WriteError(call.res, 429, "too_many_requests",
                      "too many wrong passwords; try again in " + seconds + " s", "old_password",
                      "too_many_failed_logins", {{"seconds", seconds}});
  }
  core::Status changed =
      app::ChangeOwnPassword(call.store, call.services.login_limits, call.principal.user_id,
                             old_password, new_password, call.session.token_hash, call.actor);
  if (!changed.ok()) return WriteError(call.res, changed.error());
  ForgetSessions(call.services);
  WriteJson(call.res, {{"status", "password changed; your other sessions are signed out"}});
}

// A user's own real name and phone.
void ChangeOwnProfile(Call& call) {
  auto body = ParseBody(call.req, call.res);
  if (!body) return;
  std::optional<std::string> real_name, phone;
  if (!OnlyFields(*body, {"real_name", "phone"}, call.res) ||
      !GetOptionalString(*body, "real_name", real_name, call.res) ||
      !GetOptionalString(*body, "phone", phone, call.res)) {
    return;
  }
  core::Status changed =
      app::ChangeOwnProfile(call.store, call.principal.user_id, real_name, phone, call.actor);
  if (!changed.ok()) return WriteError(call.res, changed.error());
  auto user = app::AccountOf(call.store, call.principal.user_id);
  if (!user.ok()) return WriteError(call.res, user.error());
  if (!user.value()) return WriteError(call.res, 404, "not_found", "no such user", "name");
  WriteJson(call.res, {{"real_name", user.value()->real_name}, {"phone", user.value()->phone}});
}

// What scope each role takes (core::ScopeRuleOf), so that a form asks for what the server
// will accept without keeping its own copy of the rule.
void Roles(Call& call) {
  nlohmann::json items = nlohmann::json::array();
  for (core::Role role : {core::Role::kAdmin, core::Role::kUnitAdmin, core::Role::kSecretary,
                          core::Role::kFirstSecretary, core::Role::kLeader, core::Role::kAuditor}) {
    items.push_back({{"role", core::ToString(role)},
                     {"scope", core::ToString(core::ScopeRuleOf(role))},
                     {"needs_scope", core::NeedsScope(role)}});
  }
  WriteJson(call.res, {{"items", items}, {"total", items.size()}});
}

}  // namespace

void AddAccountRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kGet, "/api/v1/users", "Accounts (admin)", true, Users});
  routes.push_back({Method::kPost, "/api/v1/users",
                    "Create an account: {name, role, scope: [codes], password, real_name?, "
                    "phone?}; its holder must change the password at first login (admin)",
                    true, CreateUser});
  routes.push_back({Method::kPut, "/api/v1/users/{name}",
                    "Change an account's role, scope, password, real name or phone, or disable "
                    "it or enable it again: {role?, scope?, password?, disabled?, real_name?, "
                    "phone?}; a change of role, scope, password or disabled ends its sessions, "
                    "and a new password must be changed by its holder at login (admin)",
                    true, UpdateUser});
  routes.push_back({Method::kGet, "/api/v1/roles",
                    "The roles and the scope each takes: none, direct (direct organizations), "
                    "village or any",
                    true, Roles});
  routes.push_back({Method::kPut, "/api/v1/session/password",
                    "Change your own password: {old_password, new_password}; ends your other "
                    "sessions and an obligation to change it",
                    true, ChangeOwnPassword, true});
  routes.push_back({Method::kPut, "/api/v1/session/profile",
                    "Change your own real name or phone: {real_name?, phone?}", true,
                    ChangeOwnProfile});
}

}  // namespace grassroots::http
