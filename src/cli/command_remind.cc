// `grassroots remind --week 2016-W20|current [--out DIR]`: records the week's reminder (每周一提示,
// issue 13) — a digest per responsible person and per direct organization of the items due
// within the week and those overdue — once: a second run of the week records nothing new and
// says so. With --out, every digest of the week (as stored, this run's and earlier ones) is
// also written to DIR as one UTF-8 text file per recipient for an operator to forward
// (app::DigestFileWriter, the only DigestSender). Meant for a weekly timer (docs/operations.md).
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/digest_files.h"
#include "app/reminder_service.h"
#include "cli/commands.h"

namespace grassroots::cli {
namespace {

struct RemindOptions {
  std::string week;
  std::string out;
};

core::Status WriteFiles(storage::Store& store, const core::IsoWeek& week, const std::string& dir,
                        std::size_t& written) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return core::Error::Unavailable("cannot create " + dir + ": " + ec.message(), "--out");
  auto digests = app::DigestsOfWeek(store, week);
  if (!digests.ok()) return digests.error();
  app::DigestFileWriter writer(dir);
  for (const storage::DigestRecord& digest : digests.value()) {
    if (core::Status s = writer.Send(digest); !s.ok()) return s;
    ++written;
  }
  return core::Status::Ok();
}

int RunRemind(const GlobalOptions& global, const RemindOptions& options) {
  auto week = app::ParseWeek("--week", options.week, core::DefaultClock().Now());
  if (!week.ok()) return ReportError(week.error());
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  auto run = app::RunWeeklyReminder(*store.value(), week.value(), CliActor());
  if (!run.ok()) return ReportError(run.error());
  const app::ReminderRun& r = run.value();
  std::int64_t deliveries = 0;
  for (const storage::DigestRecord& d : r.digests) {
    deliveries += static_cast<std::int64_t>(d.delivered_to.size());
  }
  if (r.recorded == 0 && r.already > 0) {
    std::cout << r.week << ": already recorded, 0 new (" << r.already << " digests)\n";
  } else {
    std::cout << r.week << ": " << r.recorded << " new digests, " << deliveries
              << " inbox deliveries";
    if (r.already > 0) std::cout << "; " << r.already << " recorded before";
    std::cout << "\n";
  }
  if (!options.out.empty()) {
    std::size_t written = 0;
    if (core::Status s = WriteFiles(*store.value(), week.value(), options.out, written); !s.ok()) {
      return ReportError(s.error());
    }
    std::cerr << options.out << ": " << written << " digest files\n";
  }
  return kExitOk;
}

}  // namespace

Command AddRemindCommand(CLI::App& root, const GlobalOptions& global) {
  CLI::App* app = root.add_subcommand(
      "remind",
      "Record a week's reminder (每周一提示): a digest per responsible person and per direct "
      "organization of items due within the week and overdue, once per week");
  auto options = std::make_shared<RemindOptions>();
  app->add_option("--week", options->week,
                  "The ISO week, 2016-W20, or \"current\" (the county's week, UTC+8)")
      ->required();
  app->add_option("--out", options->out,
                  "Also write each of the week's digests to this directory, a file per recipient");
  return {app, [&global, options] { return RunRemind(global, *options); }};
}

}  // namespace grassroots::cli
