#include "storage/migrations.h"

#include <array>
#include <string>

#include "core/clock.h"

namespace grassroots::embedded {
extern const std::string_view migration_001_initial;
extern const std::string_view migration_002_server;
extern const std::string_view migration_003_list_order;
extern const std::string_view migration_004_result_groups;
extern const std::string_view migration_005_stored_inputs;
extern const std::string_view migration_006_lifecycle;
extern const std::string_view migration_007_audit_trail;
extern const std::string_view migration_010_ranked_results;
extern const std::string_view migration_011_accounts;
extern const std::string_view migration_012_rectification;
extern const std::string_view migration_013_evidence;
extern const std::string_view migration_014_supervision;
extern const std::string_view migration_015_login_counts;
extern const std::string_view migration_017_accountability;
extern const std::string_view migration_020_ledger_unit_order;
extern const std::string_view migration_016_spot_checks;
extern const std::string_view migration_021_first_secretary_reports;
extern const std::string_view migration_018_bulletins;
extern const std::string_view migration_023_reminder_reports;
extern const std::string_view migration_026_party_meetings;
extern const std::string_view migration_030_collective_economy;
extern const std::string_view migration_031_results_year_key;
extern const std::string_view migration_032_selected_results;
extern const std::string_view migration_033_result_row_digest;
extern const std::string_view migration_034_change_records_by_year;
extern const std::string_view migration_035_scores_without_rowid;
extern const std::string_view migration_022_spot_check_finding_evidence;
extern const std::string_view migration_027_checklists;
extern const std::string_view migration_028_standardized_branches;
extern const std::string_view migration_029_pairing;
extern const std::string_view migration_024_training_classes;
extern const std::string_view migration_025_member_status_changes;
}  // namespace grassroots::embedded

namespace grassroots::storage {
namespace {

// Not a migration itself: it must exist before we can ask which migrations ran.
constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

core::Result<bool> IsApplied(Database& db, int version) {
  core::Result<Statement> stmt = db.Prepare("SELECT 1 FROM schema_migrations WHERE version = ?");
  if (!stmt.ok()) return stmt.error();
  stmt.value().BindInt(1, version);
  return stmt.value().Step();
}

core::Status Record(Database& db, const Migration& migration) {
  core::Result<Statement> stmt =
      db.Prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  if (!stmt.ok()) return stmt.error();
  const std::string now = core::FormatUtc(db.clock().Now());
  stmt.value().BindInt(1, migration.version).BindText(2, migration.name).BindText(3, now);
  return stmt.value().Run();
}

core::Status Apply(Database& db, const Migration& migration) {
  core::Result<Transaction> txn = Transaction::Begin(db);
  if (!txn.ok()) return txn.error();
  core::Result<bool> applied = IsApplied(db, migration.version);
  if (!applied.ok()) return applied.error();
  if (applied.value()) return core::Status::Ok();  // another process got there first
  const std::string what = "applying migration " + std::string(migration.name);
  if (core::Status status = db.Exec(migration.sql, what); !status.ok()) return status;
  if (core::Status status = Record(db, migration); !status.ok()) return status;
  return txn.value().Commit();
}

}  // namespace

std::span<const Migration> Migrations() {
  // Sized by its entries, so that adding a migration touches only its own line.
  static const Migration kMigrations[] = {
      {1, "001_initial", embedded::migration_001_initial},
      {2, "002_server", embedded::migration_002_server},
      {3, "003_list_order", embedded::migration_003_list_order},
      {4, "004_result_groups", embedded::migration_004_result_groups},
      {5, "005_stored_inputs", embedded::migration_005_stored_inputs},
      {6, "006_lifecycle", embedded::migration_006_lifecycle},
      {7, "007_audit_trail", embedded::migration_007_audit_trail},
      {10, "010_ranked_results", embedded::migration_010_ranked_results},
      {11, "011_accounts", embedded::migration_011_accounts},
      {12, "012_rectification", embedded::migration_012_rectification},
      {13, "013_evidence", embedded::migration_013_evidence},
      {14, "014_supervision", embedded::migration_014_supervision},
      {15, "015_login_counts", embedded::migration_015_login_counts},
      {16, "016_spot_checks", embedded::migration_016_spot_checks},
      {17, "017_accountability", embedded::migration_017_accountability},
      {18, "018_bulletins", embedded::migration_018_bulletins},
      {20, "020_ledger_unit_order", embedded::migration_020_ledger_unit_order},
      {21, "021_first_secretary_reports", embedded::migration_021_first_secretary_reports},
      {22, "022_spot_check_finding_evidence", embedded::migration_022_spot_check_finding_evidence},
      {23, "023_reminder_reports", embedded::migration_023_reminder_reports},
      {24, "024_training_classes", embedded::migration_024_training_classes},
      {25, "025_member_status_changes", embedded::migration_025_member_status_changes},
      {26, "026_party_meetings", embedded::migration_026_party_meetings},
      {27, "027_checklists", embedded::migration_027_checklists},
      {28, "028_standardized_branches", embedded::migration_028_standardized_branches},
      {29, "029_pairing", embedded::migration_029_pairing},
      {30, "030_collective_economy", embedded::migration_030_collective_economy},
      {31, "031_results_year_key", embedded::migration_031_results_year_key},
      {32, "032_selected_results", embedded::migration_032_selected_results},
      {33, "033_result_row_digest", embedded::migration_033_result_row_digest},
      {34, "034_change_records_by_year", embedded::migration_034_change_records_by_year},
      {35, "035_scores_without_rowid", embedded::migration_035_scores_without_rowid},
  };
  return kMigrations;
}

core::Status ApplyMigrations(Database& db, std::span<const Migration> migrations) {
  if (core::Status status = db.Exec(kCreateMigrationsTable, "creating schema_migrations");
      !status.ok()) {
    return status;
  }
  for (const Migration& migration : migrations) {
    if (core::Status status = Apply(db, migration); !status.ok()) return status;
  }
  return core::Status::Ok();
}

}  // namespace grassroots::storage
