// `grassroots spotcheck --month YYYY-MM [--seed S] [--format table|json]`: draws the month's
// spot check (每月一抽查, issue 13) once and prints the drawn list; a month already drawn is
// refused naming it (exit 1). `grassroots spotcheck verify --month YYYY-MM`: draws the month
// again from the stored seed and today's data and says `identical` (exit 0) or the first
// difference (exit 1). `grassroots spotcheck show --month YYYY-MM`: the stored draw. Whoever runs
// the CLI holds the database file, so they act with admin's rights (as `plan` does).
#include <iostream>
#include <memory>

#include "app/spot_check_service.h"
#include "cli/commands.h"
#include "core/organization.h"
#include "http/spot_check_json.h"

namespace grassroots::cli {
namespace {

struct SpotOptions {
  std::string month;
  std::string seed;
  std::string format;  // "json", "table", or empty: table on a terminal, else json
};

bool Json(const SpotOptions& options) {
  return options.format == "json" || (options.format.empty() && !StdoutIsTerminal());
}

std::string TypeLabel(const std::string& type) {
  const auto parsed = core::ParseOrgType(type);
  return parsed ? std::string(core::ChineseLabel(*parsed)) : type;
}

void PrintTable(const app::SpotCheckView& view) {
  const storage::SpotCheckRecord& c = view.check;
  std::cout << "spot check " << c.month << ": seed " << c.seed << " (" << c.seed_source
            << "), audit head " << c.audit_head << ", ratio " << c.ratio_ppm / 10000.0
            << "%, at least " << c.min_selected << " under rectification, " << c.candidate_count
            << " candidates (sha256 " << c.candidates_digest << ")\n";
  for (const storage::DrawnRecord& d : view.drawn) {
    std::cout << d.seq << "\t" << d.org_code << "\t" << d.org_name << "\t" << TypeLabel(d.type)
              << "\tx=" << d.number << (d.under_rectification ? "\t整顿中" : "") << "\n";
  }
}

int Draw(const GlobalOptions& global, const SpotOptions& options) {
  std::optional<std::uint64_t> seed;
  if (!options.seed.empty()) {
    core::Result<std::uint64_t> parsed = core::ParseSeed("--seed", options.seed);
    if (!parsed.ok()) return ReportError(parsed.error());
    seed = parsed.value();
  }
  auto policy = LoadPolicy(global);
  if (!policy.ok()) return ReportError(policy.error());
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  auto view = app::RunSpotCheck(*store.value(), CliPrincipal(), options.month, seed,
                                policy.value().policy, CliActor());
  if (!view.ok()) return ReportError(view.error());
  if (Json(options)) {
    std::cout << http::SpotCheckToJson(view.value()).dump(2) << "\n";
  } else {
    PrintTable(view.value());
  }
  return kExitOk;
}

int Show(const GlobalOptions& global, const SpotOptions& options) {
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  auto view = app::GetSpotCheck(*store.value(), CliPrincipal(), options.month);
  if (!view.ok()) return ReportError(view.error());
  if (Json(options)) {
    std::cout << http::SpotCheckToJson(view.value()).dump(2) << "\n";
  } else {
    PrintTable(view.value());
  }
  return kExitOk;
}

// "identical", or the first difference in words.
std::string Describe(const app::SpotVerification& v) {
  if (v.identical) return "identical";
  std::string out = "not identical: ";
  if (v.difference == "seed") return out + "the stored seed is not the one its month and head give";
  if (v.difference == "digest") return out + "the stored candidates do not match their digest";
  if (v.difference == "candidates") {
    const core::CandidateDifference& c = *v.candidate;
    out += "candidate list changed (" + std::to_string(v.stored_count) + " then, " +
           std::to_string(v.now_count) + " now): " + c.code + " ";
    if (c.what == "added" || c.what == "removed") return out + c.what;
    return out + c.what + " " + c.stored + " -> " + c.now;
  }
  return out + "draw differs at position " + std::to_string(v.position);
}

int Verify(const GlobalOptions& global, const SpotOptions& options) {
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  auto verified = app::VerifySpotCheck(*store.value(), CliPrincipal(), options.month);
  if (!verified.ok()) return ReportError(verified.error());
  // The answer is a sentence ("identical") unless JSON is asked for: scripts read the exit code.
  if (options.format == "json") {
    std::cout << http::SpotVerificationToJson(verified.value()).dump(2) << "\n";
  } else {
    std::cout << options.month << ": " << Describe(verified.value()) << "\n";
  }
  return verified.value().identical ? kExitOk : kExitBadInput;
}

void AddCommon(CLI::App* app, SpotOptions& options) {
  app->add_option("--month", options.month, "The month, YYYY-MM")->required();
  app->add_option("--format", options.format,
                  "json or table (default: table on a terminal, json otherwise; verify: a "
                  "sentence unless json)")
      ->check(CLI::IsMember({"json", "table"}));
}

}  // namespace

Command AddSpotCheckCommand(CLI::App& root, const GlobalOptions& global) {
  CLI::App* app = root.add_subcommand(
      "spotcheck",
      "Draw a month's spot check (每月一抽查) once and print the drawn organizations; "
      "`spotcheck verify` draws it again from the stored seed, `spotcheck show` prints it");
  auto draw = std::make_shared<SpotOptions>();
  auto verify = std::make_shared<SpotOptions>();
  auto show = std::make_shared<SpotOptions>();
  app->add_option("--month", draw->month, "The month, YYYY-MM");
  app->add_option("--seed", draw->seed,
                  "The seed (0..2^64-1); without it the seed is derived from the month and the "
                  "audit chain's head");
  app->add_option("--format", draw->format,
                  "json or table (default: table on a terminal, json otherwise)")
      ->check(CLI::IsMember({"json", "table"}));
  CLI::App* verify_app =
      app->add_subcommand("verify", "Draw a stored month again and compare: identical or not");
  AddCommon(verify_app, *verify);
  CLI::App* show_app = app->add_subcommand("show", "Print a stored month's draw");
  AddCommon(show_app, *show);
  app->require_subcommand(0, 1);
  return {app, [&global, app, verify_app, show_app, draw, verify, show] {
            if (verify_app->parsed()) return Verify(global, *verify);
            if (show_app->parsed()) return Show(global, *show);
            if (draw->month.empty()) {  // a usage error, as CLI11 reports one
              std::cerr << "--month is required: the month to draw, YYYY-MM\n" << app->help();
              return kExitUsage;
            }
            return Draw(global, *draw);
          }};
}

}  // namespace grassroots::cli
