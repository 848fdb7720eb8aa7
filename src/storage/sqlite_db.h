// The SQLite backend of database.h: the only file beside sqlite_db.cc that knows SQLite. A
// connection keeps its compiled statements for reuse by SQL text and binds text without copying;
// it remembers list totals until the file changes, told by the pager's data version
// (SQLITE_FCNTL_DATA_VERSION) once a read has begun and a `PRAGMA data_version` otherwise; a
// write transaction is BEGIN IMMEDIATE, a read transaction a deferred BEGIN whose snapshot starts
// at its first read; after a commit that appended audit entries the newest one is appended to the
// head file beside the database (audit_heads.h); planner statistics are ANALYZE's.
#pragma once

#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/error.h"
#include "storage/database.h"

namespace grassroots::storage {

// Maps an SQLite result code to a domain error: busy or locked, I/O, full disk and a file
// that is not a database are kUnavailable; constraint violations kConflict; the rest
// kInternal. `what` says what was being done ("importing organizations").
core::Error SqliteError(int rc, std::string_view detail, std::string_view what);

// Opens or creates the file and applies the connection settings (WAL, foreign keys, busy
// timeout 5 s, synchronous NORMAL). kUnavailable naming `path` when that fails. `clock` says
// what "now" is for everything written through the connection (audit entries, run times); it
// must outlive the connection.
core::Result<Database> OpenSqliteDatabase(const std::string& path,
                                          const core::Clock& clock = core::DefaultClock());

}  // namespace grassroots::storage
