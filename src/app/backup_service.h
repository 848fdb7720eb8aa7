// `grassroots backup`: an online copy of the database, for the county on one machine (issue
// 11, docs/deploy.md). The backend decides how: a SQLite file is copied through SQLite's backup
// API with its audit heads (storage/sqlite_backup.h); a PostgreSQL database is backed up with
// PostgreSQL's own tools, which this refuses to stand in for.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/error.h"
#include "storage/sqlite_backup.h"

namespace grassroots::app {

// `database` is what --db names: a path, `sqlite:PATH` or a PostgreSQL URL. kInvalid naming
// "--db" (reason backup_use_pg_dump) for PostgreSQL; otherwise storage::BackupSqliteFile.
core::Result<storage::BackupResult> BackupDatabase(
    const std::string& database, const std::string& out,
    const std::function<void(std::int64_t done, std::int64_t total)>& progress = {});

}  // namespace grassroots::app
