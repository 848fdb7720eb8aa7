// `grassroots verify --year Y`: recomputes the stored assessment from its stored inputs and
// policy and prints `identical` (exit 0) or the first difference (exit 1).
#include <iostream>
#include <memory>

#include "app/verify_service.h"
#include "cli/commands.h"
#include "cli/explanation_table.h"

namespace grassroots::cli {
namespace {

int RunVerify(const GlobalOptions& global, int year) {
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  auto verification = app::VerifyAssessment(*store.value(), year);
  if (!verification.ok()) {
    core::Error error = verification.error();
    if (error.field == "year") error.field = "--year";
    return ReportError(error);
  }
  if (verification.value().identical()) {
    std::cout << "identical\n";
    return kExitOk;
  }
  PrintDifference(std::cout, *verification.value().difference);
  return kExitBadInput;
}

}  // namespace

Command AddVerifyCommand(CLI::App& root, const GlobalOptions& global) {
  CLI::App* app = root.add_subcommand(
      "verify", "Recompute a stored assessment from its stored inputs and policy and compare");
  auto year = std::make_shared<int>(0);
  app->add_option("--year", *year, "The assessed year")->required()->check(CLI::Range(1900, 2200));
  return {app, [&global, year] { return RunVerify(global, *year); }};
}

}  // namespace grassroots::cli
