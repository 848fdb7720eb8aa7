// `grassroots backup --out FILE`: an online copy of the database and its audit heads, taken
// while servers run (app/backup_service.h). Progress goes to stderr; the summary to stdout.
#include <iostream>
#include <memory>

#include "app/backup_service.h"
#include "cli/commands.h"

namespace grassroots::cli {
namespace {

int RunBackup(const GlobalOptions& global, const std::string& out) {
  int next = 0;  // the next percentage worth a line: every 10%
  const bool terminal = StderrIsTerminal();
  auto result = app::BackupDatabase(global.db_path, out, [&](std::int64_t done, std::int64_t all) {
    const int percent = all > 0 ? static_cast<int>(done * 100 / all) : 100;
    if (percent < next) return;
    next = percent / 10 * 10 + 10;
    std::cerr << "backup: " << percent << "% of " << all << " pages" << (terminal ? "\r" : "\n")
              << std::flush;
  });
  if (terminal && next > 0) std::cerr << "\n";
  if (!result.ok()) return ReportError(result.error());
  const storage::BackupResult& backup = result.value();
  std::cout << "backup written: " << out << " (" << backup.pages << " pages)\n";
  if (backup.head.id > 0) {
    std::cout << "audit head: " << storage::FormatAuditHead(backup.head) << " ("
              << backup.head_lines << " head lines carried over)\n";
  }
  return kExitOk;
}

}  // namespace

Command AddBackupCommand(CLI::App& root, const GlobalOptions& global) {
  CLI::App* app = root.add_subcommand(
      "backup", "Copy the database and its audit heads while it is in use (never overwrites)");
  auto out = std::make_shared<std::string>();
  app->add_option("--out", *out, "The backup file to write (must not exist)")->required();
  return {app, [&global, out] { return RunBackup(global, *out); }};
}

}  // namespace grassroots::cli
