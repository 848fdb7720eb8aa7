#include <iostream>
#include <memory>

#include "app/assessment_service.h"
#include "cli/assessment_table.h"
#include "cli/commands.h"
#include "export/assessment_json.h"

namespace grassroots::cli {
namespace {

struct AssessOptions {
  int year = 0;
  std::string format;  // "json", "table", or empty: table on a terminal, else json
};

int RunAssess(const GlobalOptions& global, const AssessOptions& options) {
  auto policy = LoadPolicy(global);
  if (!policy.ok()) return ReportError(policy.error());
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  auto run = app::RunAssessment(
      *store.value(), policy.value(), options.year, CliActor(),
      [](std::string_view notice) { std::cerr << "grassroots: note: " << notice << "\n"; });
  if (!run.ok()) {
    core::Error error = run.error();
    if (error.field == "year") error.field = "--year";
    return ReportError(error);
  }
  const bool json = options.format == "json" || (options.format.empty() && !StdoutIsTerminal());
  if (json) {
    exporting::WriteAssessmentJson(std::cout, run.value().orgs, run.value().result,
                                   run.value().policy_version);
    std::cout << "\n";
  } else {
    PrintAssessmentTable(std::cout, run.value().orgs, run.value().result,
                         run.value().policy_version);
  }
  // The head of the audit chain with the run in it: kept outside the database, it shows later
  // whether the trail was cut back (stdout stays the assessment alone).
  std::cerr << "grassroots: audit head " << run.value().audit_hash << "\n";
  return kExitOk;
}

}  // namespace

Command AddAssessCommand(CLI::App& root, const GlobalOptions& global) {
  CLI::App* app = root.add_subcommand(
      "assess", "Run and store a year's assessment (replacing a stored one) and print it");
  auto options = std::make_shared<AssessOptions>();
  app->add_option("--year", options->year, "The year to assess")
      ->required()
      ->check(CLI::Range(1900, 2200));
  app->add_option("--format", options->format,
                  "json or table (default: table on a terminal, json otherwise)")
      ->check(CLI::IsMember({"json", "table"}));
  return {app, [&global, options] { return RunAssess(global, *options); }};
}

}  // namespace grassroots::cli
