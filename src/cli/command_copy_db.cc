// `grassroots copy-db FROM TO`: a database copied whole into an empty one of either backend
// (storage/copy_db.h), e.g. a county's SQLite file into the province's PostgreSQL. Prints how
// many rows went and the audit head, the same on both sides, and verifies TO's trail.
#include <iostream>

#include "app/audit_trail.h"
#include "cli/commands.h"
#include "storage/copy_db.h"

namespace grassroots::cli {

Command AddCopyDbCommand(CLI::App& root) {
  CLI::App* app = root.add_subcommand(
      "copy-db", "Copy a whole database into an empty one (SQLite file <-> postgresql://...)");
  auto from = std::make_shared<std::string>();
  auto to = std::make_shared<std::string>();
  app->add_option("FROM", *from, "The database to copy: PATH, sqlite:PATH or postgresql://...")
      ->required();
  app->add_option("TO", *to, "An empty database to copy into, named the same ways")->required();
  return {app, [from, to] {
            auto copied = storage::CopyDatabase(*from, *to);
            if (!copied.ok()) return ReportError(copied.error());
            auto store = storage::OpenStore(*to);
            if (!store.ok()) return ReportError(store.error());
            auto verified = app::VerifyAudit(*store.value(), copied.value().head);
            if (!verified.ok()) return ReportError(verified.error());
            if (!verified.value().ok) {
              std::cerr << "grassroots: the copy's audit log does not verify: "
                        << verified.value().message << "\n";
              return kExitBadInput;
            }
            std::cout << "copied " << copied.value().rows << " rows; audit log intact, head "
                      << storage::FormatAuditHead(copied.value().head) << "\n";
            return kExitOk;
          }};
}

}  // namespace grassroots::cli
