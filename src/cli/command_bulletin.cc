// `grassroots bulletin --quarter 2016-Q2 [--unit U] [--issue] --format html|xlsx|pdf --out FILE`:
// the quarterly bulletin (每季一通报, issue 13) of the county or of one direct organization, as
// GET /bulletins/{quarter} answers it (the console acts for the department). An issued quarter is
// written from its stored figures; `--issue` issues a finished quarter first (explicit, as
// POST /bulletins/{quarter}/issue: reading never stores). A quarter not issued is written as a
// draft or preview. On failure the file is removed. stderr says what was written.
#include <iostream>
#include <memory>

#include "app/bulletin_service.h"
#include "cli/commands.h"

namespace grassroots::cli {
namespace {

struct BulletinOptions {
  std::string quarter;
  std::string unit;
  std::string format;
  std::string out;
  bool issue = false;
};

int RunBulletin(const GlobalOptions& global, const BulletinOptions& options) {
  auto policy = LoadPolicy(global);
  if (!policy.ok()) return ReportError(policy.error());
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  const core::Principal console{0, "cli", core::Role::kAdmin, {}};
  const app::BulletinQuery query{options.quarter, options.unit};
  const std::string& office = policy.value().policy.bulletin_office;
  const core::UnixSeconds now = core::DefaultClock().Now();
  auto doc = options.issue
                 ? app::IssueBulletin(*store.value(), console, query, office, CliActor(), now)
                 : app::ReadBulletin(*store.value(), console, query, office, now);
  if (!doc.ok()) {
    core::Error error = doc.error();
    if (error.field == "quarter" || error.field == "unit") error.field = "--" + error.field;
    return ReportError(error);
  }
  if (core::Status s = app::WriteBulletin(doc.value(), options.format, options.out); !s.ok()) {
    core::Error error = s.error();
    if (error.field == "format") error.field = "--format";
    return ReportError(error);
  }
  std::cerr << options.out << ": " << core::BulletinTitle(doc.value()) << " ("
            << core::ToString(doc.value().status);
  if (doc.value().status == core::BulletinDocument::Status::kIssued) {
    std::cerr << ", No. " << doc.value().number << ", audit head " << doc.value().audit_head;
  }
  std::cerr << ")\n";
  return kExitOk;
}

}  // namespace

Command AddBulletinCommand(CLI::App& root, const GlobalOptions& global) {
  CLI::App* app = root.add_subcommand(
      "bulletin",
      "Write a quarter's bulletin (items closed, open and overdue per direct organization, "
      "ranking, findings) as HTML, .xlsx or PDF; --issue stores a finished quarter's for good");
  auto options = std::make_shared<BulletinOptions>();
  app->add_option("--quarter", options->quarter, "The quarter, e.g. 2016-Q2")->required();
  app->add_option("--unit", options->unit,
                  "Only this direct organization (its code); the county when left out");
  app->add_option("--format", options->format, "html, xlsx or pdf")
      ->required()
      ->check(CLI::IsMember({"html", "xlsx", "pdf"}));
  app->add_option("--out", options->out, "The file to write")->required();
  app->add_flag(
      "--issue", options->issue,
      "Issue the bulletin of a finished quarter (stored with its figures) before writing");
  return {app, [&global, options] { return RunBulletin(global, *options); }};
}

}  // namespace grassroots::cli
