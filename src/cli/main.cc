// grassroots: assessment and rectification of weak grassroots Party organizations.
// The commands live in src/cli/command_*.cc; this file only parses and dispatches.
#include <CLI/CLI.hpp>
#include <vector>

#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace grassroots::cli;
  if (!FixClockFromEnvironment()) return kExitUsage;
  CLI::App root{
      "Grassroots: yearly assessment and rectification of grassroots Party organizations"};
  root.fallthrough();  // --db and --policy may also follow the command name
  root.require_subcommand(1);
  GlobalOptions global;
  root.add_option(
          "--db", global.db_path,
          "Database: an SQLite file (PATH or sqlite:PATH) or postgresql://... (env GRASSROOTS_DB)")
      ->envname("GRASSROOTS_DB")
      ->capture_default_str();
  root.add_option("--policy", global.policy_path,
                  "Policy TOML file (default: the built-in Mohe 2016 rules)");
  root.add_option("--checklists", global.checklists_path,
                  "Checklists TOML file (default: the built-in Mohe 2016 checklists)");
  const std::vector<Command> commands = {AddInitCommand(root, global),
                                         AddImportCommand(root, global),
                                         AddAssessCommand(root, global),
                                         AddExplainCommand(root, global),
                                         AddVerifyCommand(root, global),
                                         AddDemoCommand(root, global),
                                         AddUserCommand(root, global),
                                         AddAuditCommand(root, global),
                                         AddServeCommand(root, global),
                                         AddBackupCommand(root, global),
                                         AddCopyDbCommand(root),
                                         AddLedgerCommand(root, global),
                                         AddPlanCommand(root, global),
                                         AddEligibleCommand(root, global),
                                         AddSpotCheckCommand(root, global),
                                         AddRemindCommand(root, global),
                                         AddBulletinCommand(root, global),
                                         AddMeetingsCommand(root, global)};
  try {
    root.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = root.exit(error);
    return code == 0 ? kExitOk : kExitUsage;
  }
  for (const Command& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  return kExitUsage;
}
