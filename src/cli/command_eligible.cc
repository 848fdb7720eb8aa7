// `grassroots eligible PERSON --year Y`: whether a person may be promoted or given an award in
// year Y (core/eligibility.h: not when interviewed, 约谈, that year). PERSON is the person key
// (core::PersonKey): the member id of a member, else the name as recorded. Prints `yes` or `no`
// and the interviews that block the year, one a line; exit 0 either way.
#include <iostream>
#include <memory>

#include "app/interview_service.h"
#include "cli/commands.h"

namespace grassroots::cli {
namespace {

int RunEligible(const GlobalOptions& global, const std::string& person, int year) {
  if (person.empty()) {
    return ReportError(core::Error::Invalid("PERSON is empty", "PERSON").With("empty"));
  }
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  auto answer = app::EligibilityOf(*store.value(), person, year);
  if (!answer.ok()) return ReportError(answer.error());
  std::cout << (answer.value().eligible ? "yes" : "no") << "\n";
  for (const core::InterviewRecord& i : answer.value().blocking) {
    std::cout << core::FormatIsoDate(i.on) << "\tinterview " << i.id << "\t" << i.person;
    if (!i.post.empty()) std::cout << " (" << i.post << ")";
    std::cout << "\tby " << i.interviewer << "\t" << i.reason << "\n";
  }
  return kExitOk;
}

}  // namespace

Command AddEligibleCommand(CLI::App& root, const GlobalOptions& global) {
  CLI::App* app = root.add_subcommand(
      "eligible",
      "Whether a person may be promoted or given an award in a year (not when interviewed "
      "that year): prints yes or no with the interviews that block it");
  auto person = std::make_shared<std::string>();
  auto year = std::make_shared<int>(0);
  app->add_option("PERSON", *person, "The member id of a member, else the name as recorded")
      ->required();
  app->add_option("--year", *year, "The year asked about")
      ->required()
      ->check(CLI::Range(1900, 2200));
  return {app, [&global, person, year] { return RunEligible(global, *person, *year); }};
}

}  // namespace grassroots::cli
