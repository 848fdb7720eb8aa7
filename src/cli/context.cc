#include "cli/context.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

namespace grassroots::cli {

core::Result<std::unique_ptr<storage::Store>> OpenStore(const GlobalOptions& global) {
  auto store = storage::OpenSqliteStore(global.db_path);
  if (!store.ok()) return store.error();
  if (core::Status status = store.value()->Migrate(); !status.ok()) return status.error();
  return store;
}

core::Result<config::LoadedPolicy> LoadPolicy(const GlobalOptions& global) {
  if (global.policy_path.empty()) return config::BuiltInPolicy();
  return config::LoadPolicyFile(global.policy_path);
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

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }
bool StdoutIsTerminal() { return isatty(STDOUT_FILENO) == 1; }

}  // namespace grassroots::cli
