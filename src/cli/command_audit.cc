// `grassroots audit verify`: walks the hash chain of the audit log.
#include <iostream>

#include "cli/commands.h"

namespace grassroots::cli {
namespace {

int RunVerify(const GlobalOptions& global) {
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  auto verification = store.value()->VerifyAudit();
  if (!verification.ok()) return ReportError(verification.error());
  const storage::AuditVerification& result = verification.value();
  if (!result.ok) {
    std::cerr << "grassroots: audit log broken at entry " << result.first_bad_id << ": "
              << result.message << "\n";
    return kExitBadInput;
  }
  std::cout << "audit log intact: " << result.entries << " entries\n";
  return kExitOk;
}

}  // namespace

Command AddAuditCommand(CLI::App& root, const GlobalOptions& global) {
  CLI::App* app = root.add_subcommand("audit", "Check the audit log");
  app->require_subcommand(1);
  CLI::App* verify = app->add_subcommand(
      "verify", "Check that no entry of the audit log was edited, deleted or reordered");
  return {app, [&global, verify] { return verify->parsed() ? RunVerify(global) : kExitUsage; }};
}

}  // namespace grassroots::cli
