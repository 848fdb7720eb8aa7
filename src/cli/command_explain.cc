// `grassroots explain --year Y CODE`: one organization's stored result, explained from the
// record (the same document as GET /api/v1/assessments/{year}/organizations/{code}/explain).
#include <iostream>
#include <memory>

#include "app/explain_service.h"
#include "cli/commands.h"
#include "cli/explanation_table.h"
#include "export/explanation_json.h"

namespace grassroots::cli {
namespace {

struct ExplainOptions {
  int year = 0;
  std::string code;
  std::string format;  // "json", "table", or empty: table on a terminal, else json
};

int RunExplain(const GlobalOptions& global, const ExplainOptions& options) {
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  auto explanation = app::ExplainResult(*store.value(), options.year, options.code);
  if (!explanation.ok()) {
    core::Error error = explanation.error();
    if (error.field == "year") error.field = "--year";
    return ReportError(error);
  }
  const bool json = options.format == "json" || (options.format.empty() && !StdoutIsTerminal());
  if (json) {
    std::cout << exporting::ExplanationToJson(explanation.value()).dump(1) << "\n";
  } else {
    PrintExplanation(std::cout, explanation.value());
  }
  return kExitOk;
}

}  // namespace

Command AddExplainCommand(CLI::App& root, const GlobalOptions& global) {
  CLI::App* app = root.add_subcommand(
      "explain", "Explain one organization's stored result and list what changed since the run");
  auto options = std::make_shared<ExplainOptions>();
  app->add_option("--year", options->year, "The assessed year")
      ->required()
      ->check(CLI::Range(1900, 2200));
  app->add_option("code", options->code, "The organization's code")->required();
  app->add_option("--format", options->format,
                  "json or table (default: table on a terminal, json otherwise)")
      ->check(CLI::IsMember({"json", "table"}));
  return {app, [&global, options] { return RunExplain(global, *options); }};
}

}  // namespace grassroots::cli
