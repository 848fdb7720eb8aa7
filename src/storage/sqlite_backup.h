// An online backup of a SQLite database (issue 11, "Operating it"): a consistent copy taken
// while servers keep reading and writing, with the part of the audit head file that the copy's
// chain holds, so the copy verifies on its own (`audit verify`). Restoring is copying the two
// files back with the server stopped (docs/deploy.md).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/error.h"
#include "storage/store.h"

namespace grassroots::storage {

struct BackupResult {
  std::int64_t pages = 0;  // database pages copied
  ChainHead head;          // the newest audit entry the copy holds (id 0 when none)
  int head_lines = 0;      // lines of the head file carried over
};

// Copies the database file `from` to `to` (which must not exist) through SQLite's backup API,
// a step of pages at a time, calling `progress(done, total)` after each; writers are not held
// up for longer than a step. The copy is written beside `to` and renamed into place when
// complete, so `to` is either the whole copy or absent. The head file of `from` (audit_heads.h)
// is copied to `to`'s up to the copy's newest audit entry. kInvalid naming "--out" when `to`
// exists; kUnavailable when a file cannot be read or written; nothing is left behind then.
core::Result<BackupResult> BackupSqliteFile(
    const std::string& from, const std::string& to,
    const std::function<void(std::int64_t done, std::int64_t total)>& progress = {});

}  // namespace grassroots::storage
