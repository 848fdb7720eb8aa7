// `grassroots meetings import FILE [--dry-run]`: a quarter's Party life meetings (三会一课) from a
// CSV or .xlsx file (org_code,kind,date,attended,expected,topic; English or Chinese headers),
// all or nothing, errors as FILE:LINE. Whoever runs the CLI holds the database file, so they
// act with admin's rights (as `import` does), under the CLI's audit actor.
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/party_life_service.h"
#include "cli/commands.h"

namespace grassroots::cli {
namespace {

struct MeetingsOptions {
  std::string path;
  bool dry_run = false;
};

int Import(const GlobalOptions& global, const MeetingsOptions& options) {
  const std::string& path = options.path;
  std::ifstream file(path, std::ios::binary);
  if (!file) return ReportError(core::Error::Invalid(path + ": cannot be read", path));
  std::ostringstream content;
  content << file.rdbuf();
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  core::Principal who;
  who.name = CliActor().name;
  who.role = core::Role::kAdmin;
  auto imported = app::ImportMeetings(*store.value(), who, content.str(),
                                      core::CountyDate(core::DefaultClock().Now()), options.dry_run,
                                      CliActor());
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
  std::cout << path << ": " << imported.value().meetings
            << (options.dry_run ? " meetings would be imported (dry run)\n"
                                : " meetings imported\n");
  return kExitOk;
}

}  // namespace

Command AddMeetingsCommand(CLI::App& root, const GlobalOptions& global) {
  CLI::App* app = root.add_subcommand("meetings", "Party life (三会一课): branches' meetings");
  app->require_subcommand(1);
  auto options = std::make_shared<MeetingsOptions>();
  CLI::App* import = app->add_subcommand(
      "import", "Import a quarter's meetings from a CSV or .xlsx file (all or nothing)");
  import->add_option("FILE", options->path, "org_code,kind,date,attended,expected,topic")
      ->required();
  import->add_flag("--dry-run", options->dry_run, "Check every row, write nothing");
  return {app, [&global, options] { return Import(global, *options); }};
}

}  // namespace grassroots::cli
