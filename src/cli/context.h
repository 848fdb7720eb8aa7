// What every command shares: the global options, opening the store, loading the policy, and
// turning errors into messages and exit codes (the one place that maps them).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "config/checklist_file.h"
#include "config/policy_file.h"
#include "core/access.h"
#include "core/error.h"
#include "core/import_rows.h"
#include "storage/open_store.h"
#include "storage/store.h"

namespace grassroots::cli {

// The exit codes of docs/contract.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitUsage = 2;

// Where `serve` and `demo` find the built web pages (`make web`) unless --web says otherwise.
inline constexpr char kDefaultWebDir[] = "web/dist";

struct GlobalOptions {
  std::string db_path = "grassroots.db";
  std::string policy_path;      // empty: the built-in Mohe 2016 policy
  std::string checklists_path;  // empty: the built-in Mohe 2016 checklists
};

// A subcommand and what runs when it was given.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

// Opens the database at the global path and migrates it.
core::Result<std::unique_ptr<storage::Store>> OpenStore(const GlobalOptions& global);

// The policy named by --policy, or the built-in one.
core::Result<config::LoadedPolicy> LoadPolicy(const GlobalOptions& global);

// The checklists named by --checklists, or the built-in ones.
core::Result<config::LoadedChecklists> LoadChecklists(const GlobalOptions& global);

// Prints "grassroots: <field>: <message>" to stderr and returns the exit code for it.
int ReportError(const core::Error& error);

// The actor recorded in the audit log for a CLI change: the OS user.
storage::Actor CliActor();

// Who a CLI command acts as where a use case asks for a principal: the county's admin, under
// the OS user's name (whoever runs the binary on the database file holds it whole).
core::Principal CliPrincipal();

// Prints a file's row errors to stderr as "path:line: message", the first 100 of them
// (docs/contract.md), then how many more; returns kExitBadInput.
int PrintRowErrors(const std::string& path, const std::vector<core::LineError>& errors);

// A testing aid (docs/contract.md): when the environment variable GRASSROOTS_NOW holds an ISO
// 8601 instant ("2016-07-01T00:00:00+08:00"), the process's clock is fixed at it
// (core::SetDefaultClock) for everything that asks for the time. Call once, first. False, with
// the problem printed, when the variable holds something else.
bool FixClockFromEnvironment();

// True when stderr (progress) or stdout (format choice) is a terminal.
bool StderrIsTerminal();
bool StdoutIsTerminal();

}  // namespace grassroots::cli
