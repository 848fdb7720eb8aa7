// `grassroots plan create --year Y`: a rectification plan for each organization that year's
// stored assessment selected; `grassroots plan import FILE`: items of plans from a CSV or
// .xlsx file, all or nothing, errors as FILE:LINE. Whoever runs the CLI holds the database
// file, so they act with admin's rights (as `import` does), under the CLI's audit actor.
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/plan_import.h"
#include "app/rectification_service.h"
#include "cli/commands.h"

namespace grassroots::cli {
namespace {

int Create(const GlobalOptions& global, int year) {
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  auto created = app::CreatePlans(*store.value(), CliPrincipal(), year, CliActor());
  if (!created.ok()) return ReportError(created.error());
  std::cout << "plans for " << year << ": " << created.value().created << " created, "
            << created.value().existing << " existing\n";
  return kExitOk;
}

int Import(const GlobalOptions& global, const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return ReportError(core::Error::Invalid(path + ": cannot be read", path));
  std::ostringstream content;
  content << file.rdbuf();
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  auto imported = app::ImportPlanItems(*store.value(), CliPrincipal(), content.str(), CliActor());
  if (!imported.ok()) {
    std::cerr << path << ": " << imported.error().message << "\n";
    return kExitBadInput;
  }
  const std::vector<core::LineError>& errors = imported.value().errors;
  if (!errors.empty()) {
    PrintRowErrors(path, errors);
    std::cerr << path << ": nothing imported\n";
    return kExitBadInput;
  }
  std::cout << path << ": " << imported.value().items << " items imported ("
            << imported.value().problems << " new problems)\n";
  return kExitOk;
}

}  // namespace

Command AddPlanCommand(CLI::App& root, const GlobalOptions& global) {
  CLI::App* app = root.add_subcommand("plan", "Rectification plans of selected organizations");
  app->require_subcommand(1);
  auto year = std::make_shared<int>(0);
  auto path = std::make_shared<std::string>();
  CLI::App* create = app->add_subcommand(
      "create", "Create a plan for each organization the year's assessment selected");
  create->add_option("--year", *year, "The assessed year")->required();
  CLI::App* import =
      app->add_subcommand("import", "Add items to plans from a CSV or .xlsx file (all or nothing)");
  import
      ->add_option("FILE", *path,
                   "org_code,year,dimension,problem,measure,responsible,"
                   "responsible_user,support_role,deadline")
      ->required();
  return {app, [&global, create, year, path] {
            if (create->parsed()) return Create(global, *year);
            return Import(global, *path);
          }};
}

}  // namespace grassroots::cli
