// The PostgreSQL backend of database.h. The dialect differences the shared SQL of sql_*.cc meets
// are all handled here:
// - placeholders: `?` becomes `$1`, `$2`, ... (RewritePlaceholders), once per SQL text;
// - values: parameters go as text and the server types them from their use (a score's shortest
//   round-trip decimal lands exactly in a NUMERIC column); a boolean result reads as 1 or 0;
// - transactions: a write transaction takes the database's write lock (an advisory lock per
//   schema) first, so writers of every server take turns and the audit chain grows in commit
//   order, as SQLite's BEGIN IMMEDIATE does for one file; a read transaction is REPEATABLE READ,
//   one snapshot;
// - catalog: tables and planner statistics are looked up in information_schema and pg_stats.
// Upserts (INSERT ... ON CONFLICT ... DO UPDATE SET x = excluded.x), IS DISTINCT FROM and
// "now" (the connection's clock, never the server's) are written the same for both backends,
// and ids are chosen by the code or read back by a unique key, so no RETURNING is needed.
// List totals and the data version are remembered by version (pg_data_version.h): every
// server hears every other server's commits.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/error.h"
#include "storage/database.h"
#include "storage/migrations.h"

namespace grassroots::storage {

// Connects to `url` (postgresql://... or postgres://...). kUnavailable when the server cannot
// be reached; the password never appears in a message or in Database::path().
core::Result<Database> OpenPgDatabase(const std::string& url,
                                      const core::Clock& clock = core::DefaultClock());

// PostgreSQL's migrations (postgres/migrations/*.sql), in version order: the first brings an
// empty database to SQLite's version 7, the later ones keep their SQLite twin's number.
std::span<const Migration> PgMigrations();

// `sql` with each `?` outside quotes and comments numbered `$1`, `$2`, ...; `count` is set to
// how many there were.
std::string RewritePlaceholders(std::string_view sql, int& count);

// `url` without its password (user:password@ or password=...), for messages.
std::string RedactedUrl(std::string_view url);

}  // namespace grassroots::storage
