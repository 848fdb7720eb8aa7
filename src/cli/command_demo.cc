#include <iostream>

#include "cli/commands.h"

namespace grassroots::cli {

Command AddDemoCommand(CLI::App& root, const GlobalOptions& global) {
  CLI::App* app = root.add_subcommand("demo", "Build the Mohe-shaped demo database");
  return {app, [&global] {
            (void)global;
            std::cerr << "grassroots: demo is being built\n";
            return kExitBadInput;
          }};
}

}  // namespace grassroots::cli
