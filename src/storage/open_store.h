// The one place a backend is chosen. A database is named by a URL: `postgresql://...` (or
// `postgres://...`) is PostgreSQL, `sqlite:PATH` or a plain path is an SQLite file. `--db` and
// GRASSROOTS_DB take either. Lives in its own library (grassroots_store_open), the only one that
// links both backends.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/error.h"
#include "storage/database.h"
#include "storage/store.h"

namespace grassroots::storage {

enum class Backend { kSqlite, kPostgres };

// Which backend `url` names, and what it hands that backend: the file path of `sqlite:PATH`,
// the URL itself for PostgreSQL.
struct DatabaseUrl {
  Backend backend = Backend::kSqlite;
  std::string target;
};
DatabaseUrl ParseDatabaseUrl(std::string_view url);

// A connection to the database `url` names (see above). `clock` is "now" for everything written
// through it and must outlive it.
core::Result<Database> OpenDatabase(const std::string& url,
                                    const core::Clock& clock = core::DefaultClock());

// The Store over that connection, with the backend's migrations. Does not migrate: call
// Migrate().
core::Result<std::unique_ptr<Store>> OpenStore(const std::string& url,
                                               const core::Clock& clock = core::DefaultClock());

}  // namespace grassroots::storage
