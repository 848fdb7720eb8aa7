// Numbered schema migrations (migrations/NNN_name.sql, embedded in the binary) and the
// schema_migrations table that records which of them a database has.
#pragma once

#include <span>
#include <string_view>

#include "core/error.h"
#include "storage/database.h"

namespace grassroots::storage {

struct Migration {
  int version = 0;
  std::string_view name;
  std::string_view sql;
};

// All migrations of SQLite, in version order (PostgreSQL's: PgMigrations in
// postgres/pg_database.h).
std::span<const Migration> Migrations();

// Applies those of `migrations` (in version order) that `db` lacks, each in its own transaction, so
// a failure leaves the schema at the last complete version. Idempotent; safe against a concurrent
// migrator (the applied versions are read under the write lock).
core::Status ApplyMigrations(Database& db, std::span<const Migration> migrations);

}  // namespace grassroots::storage
