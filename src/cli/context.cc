#include "cli/context.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "core/clock.h"

namespace grassroots::cli {

core::Result<std::unique_ptr<storage::Store>> OpenStore(const GlobalOptions& global) {
  auto store = storage::OpenStore(global.db_path);
  if (!store.ok()) return store.error();
  if (core::Status status = store.value()->Migrate(); !status.ok()) return status.error();
  // A command's large write (an import, an assessment run) may have the database to itself
  // while no server or other process has it open (Store::WriteSize).
  store.value()->AllowExclusiveBulkWrites();
  return store;
}

core::Result<config::LoadedPolicy> LoadPolicy(const GlobalOptions& global) {
  if (global.policy_path.empty()) return config::BuiltInPolicy();
  return config::LoadPolicyFile(global.policy_path);
}

core::Result<config::LoadedChecklists> LoadChecklists(const GlobalOptions& global) {
  if (global.checklists_path.empty()) return config::BuiltInChecklists();
  return config::LoadChecklistsFile(global.checklists_path);
}

bool FixClockFromEnvironment() {
  const char* text = std::getenv("GRASSROOTS_NOW");
  if (text == nullptr || *text == '\0') return true;
  const std::optional<core::UnixSeconds> now = core::ParseIsoInstant(text);
  if (!now) {
    std::cerr << "grassroots: GRASSROOTS_NOW: \"" << text
              << "\" is not an instant (expected e.g. 2016-07-01T00:00:00+08:00)\n";
    return false;
  }
  static core::FixedClock fixed(*now);  // lives as long as the process
  core::SetDefaultClock(&fixed);
  return true;
}

int ReportError(const core::Error& error) {
  std::cerr << "grassroots: ";
  // Messages that already start with their file name carry their own location.
  if (!error.field.empty() && error.message.rfind(error.field, 0) != 0) {
    std::cerr << error.field << ": ";
  }
  std::cerr << error.message << "\n";
  return kExitBadInput;
}

storage::Actor CliActor() {
  const char* user = std::getenv("USER");
  return {std::string("cli:") + (user != nullptr && *user ? user : "unknown"), "cli"};
}

core::Principal CliPrincipal() {
  core::Principal who;
  who.name = CliActor().name;
  who.role = core::Role::kAdmin;
  return who;
}

int PrintRowErrors(const std::string& path, const std::vector<core::LineError>& errors) {
  constexpr std::size_t kMaxPrintedErrors = 100;
  const std::size_t shown = std::min(errors.size(), kMaxPrintedErrors);
  for (std::size_t i = 0; i < shown; ++i) {
    std::cerr << path << ":" << errors[i].line << ": " << errors[i].message << "\n";
  }
  if (errors.size() > shown) {
    std::cerr << path << ": " << errors.size() - shown << " more errors not shown\n";
  }
  return kExitBadInput;
}

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }
bool StdoutIsTerminal() { return isatty(STDOUT_FILENO) == 1; }

}  // namespace grassroots::cli
