#include "app/backup_service.h"

#include <string_view>

namespace grassroots::app {

core::Result<storage::BackupResult> BackupDatabase(
    const std::string& database, const std::string& out,
    const std::function<void(std::int64_t, std::int64_t)>& progress) {
  const std::string_view name = database;
  if (name.starts_with("postgresql://") || name.starts_with("postgres://")) {
    return core::Error::Invalid(
               "a PostgreSQL database is backed up with pg_dump or a base backup "
               "(docs/deploy.md), not by grassroots backup",
               "--db")
        .With("backup_use_pg_dump");
  }
  const std::string path = name.starts_with("sqlite:") ? database.substr(7) : database;
  return storage::BackupSqliteFile(path, out, progress);
}

}  // namespace grassroots::app
