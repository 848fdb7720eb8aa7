#include <filesystem>
#include <iostream>
#include <memory>

#include "app/assessment_service.h"
#include "auth/password.h"
#include "cli/commands.h"
#include "cli/demo_accountability.h"
#include "cli/demo_bulletins.h"
#include "cli/demo_checklists.h"
#include "cli/demo_first_secretary.h"
#include "cli/demo_outcomes.h"
#include "cli/demo_party_life.h"
#include "cli/demo_people.h"
#include "cli/demo_plans.h"
#include "cli/demo_reminders.h"
#include "cli/demo_spot_checks.h"
#include "cli/demo_standards.h"
#include "cli/demo_support.h"
#include "core/access.h"
#include "core/import_rows.h"
#include "demo/csv_sink.h"
#include "demo/demo_data.h"
#include "http/server.h"
#include "storage/account_records.h"
#include "storage/import_writer.h"
#include "storage/tx.h"

namespace grassroots::cli {
namespace {

struct DemoOptions {
  std::string scale = "county";
  std::string out_dir;  // when set: write CSV files there instead of building a database
  std::uint64_t seed = demo::kDefaultSeed;
  int port = 8080;
  std::string web_dir = kDefaultWebDir;
  bool no_serve = false;
};

// The organizations the demo accounts are scoped to, picked from the generated data.
struct DemoScopes {
  std::string direct;                 // unit_admin
  std::string branch;                 // secretary
  std::vector<std::string> villages;  // first_secretary: two villages
  std::string selected;               // leader: one selected organization
};

// Collects the generated data for one import per kind.
class CollectingSink : public demo::DemoSink {
 public:
  void OnOrganization(const core::Organization& org) override {
    orgs.push_back({static_cast<int>(orgs.size() + 2), org});
  }
  void OnMember(const core::Member& member) override { members.push_back(member); }
  void OnScore(const core::ScoreRecord& score) override {
    scores.push_back(score);
    if (years.empty() || years.back() != score.year) years.push_back(score.year);
  }
  std::vector<core::Row<core::Organization>> orgs;
  std::vector<core::Member> members;
  std::vector<core::ScoreRecord> scores;
  std::vector<int> years;
};

int WriteCsvFiles(demo::Scale scale, const DemoOptions& options) {
  auto sink = demo::CsvSink::Open(options.out_dir);
  if (!sink.ok()) return ReportError(sink.error());
  demo::GenerateDemo(scale, options.seed, *sink.value());
  if (core::Status status = sink.value()->Finish(); !status.ok()) {
    return ReportError(status.error());
  }
  const demo::DemoShape shape = demo::ShapeOf(scale);
  std::cout << "wrote " << options.out_dir
            << "/{orgs,members,scores}.csv: " << shape.direct + shape.subordinate
            << " organizations over " << shape.units << " units, " << shape.members << " members\n";
  return kExitOk;
}

// A demo database may be rebuilt; any other database is the user's and is never touched.
core::Status ClearDemoDatabase(const GlobalOptions& global) {
  if (!std::filesystem::exists(global.db_path)) return core::Status::Ok();
  {
    auto store = OpenStore(global);
    if (!store.ok()) return store.error();
    auto empty = store.value()->IsEmpty();
    if (!empty.ok()) return empty.error();
    auto is_demo = store.value()->IsDemo();
    if (!is_demo.ok()) return is_demo.error();
    if (!empty.value() && !is_demo.value()) {
      return core::Error::Conflict(global.db_path +
                                       " holds data that is not a demo database; demo will not "
                                       "overwrite it (use another --db)",
                                   "--db");
    }
  }
  // The head file belongs to the trail of the database it replaces (storage/audit_heads.h).
  for (const char* suffix : {"", "-wal", "-shm", ".audit-heads"}) {
    std::error_code ignored;
    std::filesystem::remove(global.db_path + suffix, ignored);
  }
  std::error_code ignored;
  std::filesystem::remove_all(global.db_path + ".evidence", ignored);  // storage/evidence_store.h
  return core::Status::Ok();
}

core::Status FillDatabase(storage::Store& store, CollectingSink& data) {
  const storage::Actor actor{"demo", "cli"};
  if (auto errors = core::ValidateOrganizations(data.orgs, {}); !errors.empty()) {
    return core::Error::Internal("demo data is inconsistent: " + errors[0].message);
  }
  std::vector<core::Organization> orgs;
  for (auto& row : data.orgs) orgs.push_back(std::move(row.value));
  if (auto r = storage::ImportBatch(store, actor, orgs); !r.ok()) return r.error();
  if (auto r = storage::ImportBatch(store, actor, data.members); !r.ok()) return r.error();
  if (auto r = storage::ImportBatch(store, actor, data.scores); !r.ok()) return r.error();
  return store.MarkDemo();
}

DemoScopes PickScopes(const CollectingSink& data) {
  DemoScopes scopes;
  for (const auto& row : data.orgs) {
    const core::Organization& org = row.value;
    if (scopes.direct.empty() && org.parent.empty()) scopes.direct = org.code;
    if (scopes.branch.empty() && org.kind == core::OrgKind::kBranch) scopes.branch = org.code;
    if (scopes.villages.size() < 2 && org.type == core::OrgType::kVillage && !org.parent.empty()) {
      scopes.villages.push_back(org.code);
    }
  }
  return scopes;
}

// One account per role, each with a fresh random password, printed once.
core::Status CreateDemoUsers(storage::Store& store, const DemoScopes& scopes) {
  const std::vector<std::pair<core::Role, std::vector<std::string>>> accounts = {
      {core::Role::kAdmin, {}},
      {core::Role::kUnitAdmin, {scopes.direct}},
      {core::Role::kSecretary, {scopes.branch}},
      {core::Role::kFirstSecretary, scopes.villages},
      {core::Role::kLeader, {scopes.selected}},
      {core::Role::kAuditor, {}}};
  std::cout << "demo accounts (name role password):\n";
  for (const auto& [role, scope] : accounts) {
    const std::string password = auth::RandomPassword();
    auto hash = auth::HashPassword(password);
    if (!hash.ok()) return hash.error();
    storage::UserRecord user;
    user.name = std::string(core::ToString(role));
    user.role = role;
    user.scope = scope;
    user.password_hash = hash.value();
    if (core::Status created = store.Write({"demo", "cli"},
                                           [&](storage::Tx& tx) -> core::Status {
                                             auto id = storage::AccountRecords(tx).Create(user);
                                             return id.ok() ? core::Status::Ok()
                                                            : core::Status(id.error());
                                           });
        !created.ok()) {
      return created;
    }
    std::cout << "  " << user.name << " " << user.name << " " << password << "\n";
  }
  return core::Status::Ok();
}

int Serve(const GlobalOptions& global, const DemoOptions& options) {
  auto policy = LoadPolicy(global);
  if (!policy.ok()) return ReportError(policy.error());
  http::ServerOptions server_options;
  server_options.db_path = global.db_path;
  server_options.policy = policy.value();
  auto checklists = LoadChecklists(global);
  if (!checklists.ok()) return ReportError(checklists.error());
  server_options.checklists = checklists.value();
  server_options.port = options.port;
  server_options.static_dir = options.web_dir;
  http::Server server(std::move(server_options));
  if (core::Status status = server.Run(); !status.ok()) return ReportError(status.error());
  return kExitOk;
}

int BuildDatabase(const GlobalOptions& global, demo::Scale scale, const DemoOptions& options) {
  // A broken checklists file is told before anything is built.
  auto checklists = LoadChecklists(global);
  if (!checklists.ok()) return ReportError(checklists.error());
  if (core::Status cleared = ClearDemoDatabase(global); !cleared.ok()) {
    return ReportError(cleared.error());
  }
  auto store = OpenStore(global);
  if (!store.ok()) return ReportError(store.error());
  CollectingSink data;
  demo::GenerateDemo(scale, options.seed, data);
  DemoScopes scopes = PickScopes(data);
  if (core::Status filled = FillDatabase(*store.value(), data); !filled.ok()) {
    return ReportError(filled.error());
  }
  const config::LoadedPolicy policy = config::BuiltInPolicy();
  std::size_t selected = 0;
  std::vector<core::Organization> selected_orgs;  // of the last year, for five-level support
  for (int year : data.years) {
    auto run = app::RunAssessment(*store.value(), policy, year, {"demo", "cli"});
    if (!run.ok()) return ReportError(run.error());
    selected = run.value().result.SelectedCount();
    const auto& picked = run.value().result.selected;
    selected_orgs.clear();
    for (std::size_t i = 0; i < picked.size(); ++i) {
      if (picked[i] == 0) continue;
      selected_orgs.emplace_back().code = run.value().orgs.code[i];
      selected_orgs.back().type = run.value().orgs.type[i];
    }
    for (std::size_t i = 0; i < picked.size(); ++i) {
      if (picked[i] != 0) {
        scopes.selected = run.value().orgs.code[i];
        break;
      }
    }
  }
  std::cout << "demo database ready: " << global.db_path << "\n"
            << "  " << data.orgs.size() << " organizations, " << data.members.size()
            << " members, scores and assessments for";
  for (int year : data.years) std::cout << " " << year;
  std::cout << "; " << selected << " organizations selected in "
            << (data.years.empty() ? 0 : data.years.back()) << "\n"
            << "  try: grassroots --db " << global.db_path << " assess --year "
            << (data.years.empty() ? 0 : data.years.back()) << " --format table\n";
  if (core::Status held = FillAccountabilityDemo(*store.value()); !held.ok()) {
    return ReportError(held.error());
  }
  if (core::Status users = CreateDemoUsers(*store.value(), scopes); !users.ok()) {
    return ReportError(users.error());
  }
  const demo::SupportAccounts accounts{"leader", scopes.selected, "first_secretary",
                                       scopes.villages};
  if (core::Status support =
          RecordDemoSupport(*store.value(), policy, selected_orgs,
                            data.years.empty() ? 0 : data.years.back(), accounts, options.seed);
      !support.ok()) {
    return ReportError(support.error());
  }
  if (core::Status reports = RecordDemoFirstSecretaryReports(
          *store.value(), data.years.empty() ? 0 : data.years.back(), options.seed);
      !reports.ok()) {
    return ReportError(reports.error());
  }
  if (scale == demo::Scale::kCounty && !data.years.empty()) {
    if (core::Status plans = AddDemoPlans(*store.value(), data.years.back()); !plans.ok()) {
      return ReportError(plans.error());
    }
    if (core::Status spot = FillSpotCheckDemo(*store.value(), policy.policy, data.years.back());
        !spot.ok()) {
      return ReportError(spot.error());
    }
    if (data.years.size() >= 2) {
      const int before = data.years[data.years.size() - 2];
      if (core::Status ended = AddDemoOutcomes(*store.value(), before, data.years.back());
          !ended.ok()) {
        return ReportError(ended.error());
      }
    }
    if (core::Status reminders = RecordDemoReminders(*store.value()); !reminders.ok()) {
      return ReportError(reminders.error());
    }
    if (core::Status bulletins =
            AddDemoBulletins(*store.value(), data.years.back(), policy.policy.bulletin_office);
        !bulletins.ok()) {
      return ReportError(bulletins.error());
    }
    if (core::Status life = RecordDemoPartyLife(*store.value(), data.years.back(), options.seed);
        !life.ok()) {
      return ReportError(life.error());
    }
    if (core::Status economy = RecordDemoEconomy(*store.value(), data.years.back(), options.seed);
        !economy.ok()) {
      return ReportError(economy.error());
    }
    if (core::Status filled = FillChecklistDemo(*store.value(), checklists.value().set,
                                                data.years.back(), options.seed);
        !filled.ok()) {
      return ReportError(filled.error());
    }
    if (core::Status standards =
            FillStandardsDemo(*store.value(), data.years.back(), policy.policy.pairing);
        !standards.ok()) {
      return ReportError(standards.error());
    }
    if (core::Status people =
            AddDemoPeople(*store.value(), data.years.back(), data.members, scopes.branch);
        !people.ok()) {
      return ReportError(people.error());
    }
  }
  store.value().reset();
  return options.no_serve ? kExitOk : Serve(global, options);
}

}  // namespace

Command AddDemoCommand(CLI::App& root, const GlobalOptions& global) {
  CLI::App* app = root.add_subcommand(
      "demo", "Build the Mohe-shaped demo database (or, with --out, write benchmark CSV files)");
  auto options = std::make_shared<DemoOptions>();
  app->add_option("--scale", options->scale, "county, province (300,000) or country (5,200,000)")
      ->check(CLI::IsMember({"county", "province", "country"}))
      ->capture_default_str();
  app->add_option("--out", options->out_dir,
                  "Write orgs.csv, members.csv and scores.csv into this folder instead");
  app->add_option("--seed", options->seed, "Seed of the generator")->capture_default_str();
  app->add_option("--port", options->port, "Port to serve on (127.0.0.1)")
      ->check(CLI::Range(1, 65535))
      ->capture_default_str();
  app->add_option("--web", options->web_dir, "Folder of the built web pages, served at /")
      ->capture_default_str();
  app->add_flag("--no-serve", options->no_serve, "Build the database and accounts, then exit");
  return {app, [&global, options] {
            const demo::Scale scale = *demo::ParseScale(options->scale);
            if (!options->out_dir.empty()) return WriteCsvFiles(scale, *options);
            return BuildDatabase(global, scale, *options);
          }};
}

}  // namespace grassroots::cli
