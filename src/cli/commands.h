// The subcommands of `grassroots`, one file each.
#pragma once

#include "cli/context.h"

namespace grassroots::cli {

Command AddInitCommand(CLI::App& root, const GlobalOptions& global);
Command AddImportCommand(CLI::App& root, const GlobalOptions& global);
Command AddAssessCommand(CLI::App& root, const GlobalOptions& global);
Command AddExplainCommand(CLI::App& root, const GlobalOptions& global);
Command AddVerifyCommand(CLI::App& root, const GlobalOptions& global);
Command AddDemoCommand(CLI::App& root, const GlobalOptions& global);
Command AddUserCommand(CLI::App& root, const GlobalOptions& global);
Command AddAuditCommand(CLI::App& root, const GlobalOptions& global);
Command AddServeCommand(CLI::App& root, const GlobalOptions& global);
Command AddBackupCommand(CLI::App& root, const GlobalOptions& global);
Command AddCopyDbCommand(CLI::App& root);
Command AddLedgerCommand(CLI::App& root, const GlobalOptions& global);
Command AddPlanCommand(CLI::App& root, const GlobalOptions& global);
Command AddEligibleCommand(CLI::App& root, const GlobalOptions& global);
Command AddSpotCheckCommand(CLI::App& root, const GlobalOptions& global);
Command AddRemindCommand(CLI::App& root, const GlobalOptions& global);
Command AddBulletinCommand(CLI::App& root, const GlobalOptions& global);
Command AddMeetingsCommand(CLI::App& root, const GlobalOptions& global);

}  // namespace grassroots::cli
