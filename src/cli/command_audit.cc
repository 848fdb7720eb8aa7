// `grassroots audit verify [--expect ID:HASH]` checks the audit trail (the hash chain, the change
// records of bulk writes, the checkpoints and the head file); `grassroots audit head` prints the
// newest entry as ID:HASH, to write down.
#include <iostream>
#include <memory>

#include "app/audit_trail.h"
#include "cli/commands.h"

namespace grassroots::cli {
namespace {

struct AuditOptions {
  CLI::App* verify = nullptr;
  CLI::App* head = nullptr;
  std::string expect;
};

int RunVerify(const GlobalOptions& global, const AuditOptions& options) {
  std::optional<storage::ChainHead> expect;
  if (!options.expect.empty()) expect = storage::ParseAuditHead(options.expect);
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  auto verification = app::VerifyAudit(*store.value(), expect);
  if (!verification.ok()) return ReportError(verification.error());
  const storage::AuditVerification& result = verification.value();
  if (!result.ok) {
    std::cerr << "grassroots: audit log broken";
    if (result.first_bad_id > 0) std::cerr << " at entry " << result.first_bad_id;
    std::cerr << ": " << result.message << "\n";
    return kExitBadInput;
  }
  std::cout << "audit log intact: " << result.entries << " entries, head "
            << storage::FormatAuditHead(result.head) << "\n"
            << "  " << result.changes << " change records, " << result.checkpoints
            << " checkpoints";
  if (result.head_file.empty()) {
    std::cout << "; this database keeps no head file\n";
  } else if (result.recorded_heads == 0) {
    std::cout << "; no head recorded in " << result.head_file << " yet\n";
  } else {
    std::cout << ", " << result.recorded_heads << " heads of " << result.head_file
              << " checked (newest " << storage::FormatAuditHead(*result.newest_recorded) << ")\n";
  }
  if (expect) std::cout << "  " << options.expect << " is in the chain\n";
  return kExitOk;
}

int RunHead(const GlobalOptions& global) {
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  auto head = app::AuditHead(*store.value());
  if (!head.ok()) return ReportError(head.error());
  std::cout << storage::FormatAuditHead(head.value()) << "\n";
  return kExitOk;
}

}  // namespace

Command AddAuditCommand(CLI::App& root, const GlobalOptions& global) {
  CLI::App* app = root.add_subcommand("audit", "Check the audit log");
  app->require_subcommand(1);
  auto options = std::make_shared<AuditOptions>();
  options->verify = app->add_subcommand(
      "verify",
      "Check that no entry of the audit log was edited, deleted, reordered or cut from the end");
  options->verify
      ->add_option("--expect", options->expect,
                   "A head written down earlier (ID:HASH, as `audit head` prints it) that must "
                   "still be in the chain")
      ->check([](const std::string& text) {
        return storage::ParseAuditHead(text) ? std::string()
                                             : std::string("expected ID:HASH (64 hex digits)");
      });
  options->head = app->add_subcommand(
      "head", "Print the newest entry as ID:HASH, to write down and check later");
  return {app, [&global, options] {
            if (options->verify->parsed()) return RunVerify(global, *options);
            if (options->head->parsed()) return RunHead(global);
            return kExitUsage;
          }};
}

}  // namespace grassroots::cli
