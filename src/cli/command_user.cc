// `grassroots user add|passwd|disable|enable|list`: accounts of the web UI. The first admin is
// created here; there is never a default password. The rules on names, scopes and passwords are the
// ones the HTTP API applies (core/account_rules.h, core/password_rules.h, app/account_service.h).
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app/account_service.h"
#include "auth/password.h"
#include "cli/commands.h"
#include "core/access.h"
#include "core/account_rules.h"
#include "core/password_rules.h"

namespace grassroots::cli {
namespace {

struct UserOptions {
  CLI::App* add = nullptr;
  CLI::App* passwd = nullptr;
  CLI::App* list = nullptr;
  CLI::App* disable = nullptr;
  CLI::App* enable = nullptr;
  std::string name;
  core::Role role = core::Role::kAuditor;
  std::vector<std::string> scope;
  bool password_stdin = false;
};

int UsageError(const std::string& message) {
  std::cerr << "grassroots: " << message << "\n";
  return kExitUsage;
}

struct ChosenPassword {
  std::string text;
  bool generated = false;
};

// One line from stdin (a trailing CR is dropped), or a fresh random password.
// The password is checked against the account's name `name` (core::CheckPassword).
core::Result<ChosenPassword> ChoosePassword(bool from_stdin, const std::string& name) {
  if (!from_stdin) return ChosenPassword{auth::RandomPassword(), true};
  std::string line;
  if (!std::getline(std::cin, line) && line.empty()) {
    return core::Error::Invalid("no password on standard input", "--password-stdin");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (core::Status strong = core::CheckPassword(line, name); !strong.ok()) {
    return strong.error();
  }
  return ChosenPassword{line, false};
}

void PrintPassword(const std::string& name, const ChosenPassword& password) {
  if (!password.generated) return;
  std::cout << "password: " << password.text << "\n";
  std::cerr << "grassroots: note: give the password to " << name
            << " now; it is stored only as a hash and cannot be shown again\n";
}

int RunAdd(const GlobalOptions& global, const UserOptions& options) {
  const std::string role_name(core::ToString(options.role));
  if (core::NeedsScope(options.role) && options.scope.empty()) {
    return UsageError("--scope is required for the role " + role_name);
  }
  if (!core::NeedsScope(options.role) && !options.scope.empty()) {
    return UsageError("--scope is not allowed for the role " + role_name + ": it sees everything");
  }
  if (core::Status name = core::CheckUserName(options.name); !name.ok()) {
    return ReportError(name.error());
  }
  auto password = ChoosePassword(options.password_stdin, options.name);
  if (!password.ok()) return ReportError(password.error());
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  app::NewAccount account;
  account.name = options.name;
  account.role = options.role;
  account.scope = options.scope;
  account.password = password.value().text;
  auto user = app::CreateAccount(*store.value(), account, CliActor());
  if (!user.ok()) return ReportError(user.error());
  std::cout << "created user " << options.name << " (" << role_name << ")\n";
  PrintPassword(options.name, password.value());
  return kExitOk;
}

int RunPasswd(const GlobalOptions& global, const UserOptions& options) {
  auto password = ChoosePassword(options.password_stdin, options.name);
  if (!password.ok()) return ReportError(password.error());
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  // Whoever knew the old password may be signed in: a new password ends those sessions.
  if (core::Status set =
          app::ResetPassword(*store.value(), options.name, password.value().text, CliActor());
      !set.ok()) {
    core::Error error = set.error();
    if (error.field == "name") error.field = "NAME";
    return ReportError(error);
  }
  std::cout << "password changed for " << options.name << "; their sessions are signed out\n";
  PrintPassword(options.name, password.value());
  return kExitOk;
}

// Disables or enables the account; the account and its name stay. Its sessions end: at once on
// this database, and within a few seconds on a running server, which remembers sessions
// briefly (http/session_cache.h).
int RunSetDisabled(const GlobalOptions& global, const UserOptions& options, bool disabled) {
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  app::AccountChange change;
  change.disabled = disabled;
  // The CLI acts as the machine's operator, not as an account: no account is "your own".
  const core::Principal operator_principal{0, "cli", core::Role::kAdmin, {}};
  auto changed =
      app::ChangeAccount(*store.value(), options.name, change, operator_principal, CliActor());
  if (!changed.ok()) {
    core::Error error = changed.error();
    if (error.field == "name") error.field = "NAME";
    return ReportError(error);
  }
  std::cout << (disabled ? "disabled " : "enabled ") << options.name
            << (disabled ? "; their sessions are signed out\n" : "\n");
  return kExitOk;
}

// Columns as a terminal shows them: CJK characters take two cells.
std::size_t DisplayWidth(const std::string& text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) == 0x80) continue;
    // A three- or four-byte sequence is U+0800 and above: in this domain, CJK.
    width += byte >= 0xE0 ? 2 : 1;
  }
  return width;
}

void PrintTable(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
    }
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - DisplayWidth(row[i]) + 2, ' ');
    }
    std::cout << line << "\n";
  }
}

std::string JoinScope(const std::vector<std::string>& scope) {
  std::string joined;
  for (const std::string& code : scope) joined += (joined.empty() ? "" : ",") + code;
  return joined.empty() ? "-" : joined;
}

int RunList(const GlobalOptions& global) {
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  auto users = app::ListAccounts(*store.value());
  if (!users.ok()) return ReportError(users.error());
  std::vector<std::vector<std::string>> rows = {{"name", "role", "scope", "created", "state"}};
  for (const storage::UserRecord& user : users.value()) {
    rows.push_back({user.name, std::string(core::ToString(user.role)), JoinScope(user.scope),
                    user.created_at,
                    user.disabled() ? "disabled since " + user.disabled_at : "active"});
  }
  PrintTable(rows);
  return kExitOk;
}

void AddRoleOption(CLI::App& app, UserOptions& options) {
  app.add_option_function<std::string>(
         "--role", [&options](const std::string& text) { options.role = *core::ParseRole(text); },
         "admin, unit_admin, secretary, first_secretary, leader or auditor")
      ->required()
      ->check(CLI::Validator(
          [](std::string& text) {
            return core::ParseRole(text) ? std::string() : "unknown role " + text;
          },
          "ROLE"));
}

}  // namespace

Command AddUserCommand(CLI::App& root, const GlobalOptions& global) {
  CLI::App* app = root.add_subcommand("user", "Manage the accounts of the web UI");
  app->require_subcommand(1);
  auto options = std::make_shared<UserOptions>();
  options->add = app->add_subcommand("add", "Create a user and print a fresh password once");
  options->add->add_option("NAME", options->name, "The login name")->required();
  AddRoleOption(*options->add, *options);
  options->add
      ->add_option("--scope", options->scope,
                   "Organization codes, comma-separated (required for every role but admin and "
                   "auditor)")
      ->delimiter(',');
  options->passwd = app->add_subcommand("passwd", "Set a new password and sign the user out");
  options->passwd->add_option("NAME", options->name, "The login name")->required();
  for (CLI::App* sub : {options->add, options->passwd}) {
    sub->add_flag("--password-stdin", options->password_stdin,
                  "Read the password from the first line of stdin instead of generating one");
  }
  options->disable = app->add_subcommand(
      "disable", "Disable an account: it can no longer sign in and its sessions end (kept)");
  options->disable->add_option("NAME", options->name, "The login name")->required();
  options->enable = app->add_subcommand("enable", "Let a disabled account sign in again");
  options->enable->add_option("NAME", options->name, "The login name")->required();
  options->list = app->add_subcommand("list", "List users: name, role, scope, created, state");
  return {app, [&global, options] {
            if (options->add->parsed()) return RunAdd(global, *options);
            if (options->passwd->parsed()) return RunPasswd(global, *options);
            if (options->disable->parsed()) return RunSetDisabled(global, *options, true);
            if (options->enable->parsed()) return RunSetDisabled(global, *options, false);
            if (options->list->parsed()) return RunList(global);
            return kExitUsage;
          }};
}

}  // namespace grassroots::cli
