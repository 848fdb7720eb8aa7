#include "storage/open_store.h"

#include "storage/postgres/pg_database.h"
#include "storage/sql_store.h"
#include "storage/sqlite_db.h"

namespace grassroots::storage {

DatabaseUrl ParseDatabaseUrl(std::string_view url) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return {Backend::kPostgres, std::string(url)};
  }
  if (url.starts_with("sqlite:")) url.remove_prefix(7);
  return {Backend::kSqlite, std::string(url)};
}

core::Result<Database> OpenDatabase(const std::string& url, const core::Clock& clock) {
  const DatabaseUrl parsed = ParseDatabaseUrl(url);
  if (parsed.backend == Backend::kPostgres) return OpenPgDatabase(parsed.target, clock);
  return OpenSqliteDatabase(parsed.target, clock);
}

core::Result<std::unique_ptr<Store>> OpenStore(const std::string& url, const core::Clock& clock) {
  const DatabaseUrl parsed = ParseDatabaseUrl(url);
  return Guarded("opening a database", [&]() -> core::Result<std::unique_ptr<Store>> {
    core::Result<Database> db = OpenDatabase(url, clock);
    if (!db.ok()) return db.error();
    const std::span<const Migration> migrations =
        parsed.backend == Backend::kPostgres ? PgMigrations() : Migrations();
    return std::unique_ptr<Store>(std::make_unique<SqlStore>(std::move(db).value(), migrations));
  });
}

}  // namespace grassroots::storage
