#include <iostream>

#include "cli/commands.h"

namespace grassroots::cli {

Command AddInitCommand(CLI::App& root, const GlobalOptions& global) {
  CLI::App* app = root.add_subcommand("init", "Create the database, or migrate it to this version");
  return {app, [&global] {
            auto store = OpenStore(global);
            if (!store.ok()) return ReportError(store.error());
            std::cout << "database ready: " << global.db_path << "\n";
            return kExitOk;
          }};
}

}  // namespace grassroots::cli
