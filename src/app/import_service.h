// Importing a CSV file as one change: parse, validate against the store, write all rows or
// none. Shared by the CLI and the HTTP API; knows neither.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/error.h"
#include "core/import_rows.h"
#include "storage/store.h"

namespace grassroots::app {

enum class ImportKind { kOrganizations, kMembers, kScores };
std::string_view ToString(ImportKind kind);  // "orgs", "members", "scores"

struct ImportOutcome {
  std::size_t rows = 0;
  std::vector<core::LineError> errors;  // sorted by line; when not empty nothing was written
  storage::WriteSummary written;
};

// Called between the stages of a long import with a short description ("parsed 120,000 rows").
using ProgressFn = std::function<void(std::string_view stage)>;

// Imports `content` (a whole CSV file). Row errors come back in the outcome; an Error means the
// store failed (nothing was written either).
core::Result<ImportOutcome> ImportCsv(storage::Store& store, ImportKind kind,
                                      std::string_view content, const storage::Actor& actor,
                                      const ProgressFn& progress = {});

// Checks `content` exactly as ImportCsv does (parse, then validate against the store) and stops
// before the write: the outcome's errors are what ImportCsv would report, `written` stays zero,
// and the store is not changed. For a preview before the real import.
core::Result<ImportOutcome> DryRunCsv(storage::Store& store, ImportKind kind,
                                      std::string_view content);

// Whether `who` may import a file of `kind`: the import right (core::MayDo) and, since the
// files carry them, the fields only admin may change (core/field_access.h: types, units and
// parents of organizations; committee grades of scores). kForbidden when not.
core::Status CheckMayImport(const core::Principal& who, ImportKind kind);

// "orgs", "members" or "scores"; nullopt otherwise.
std::optional<ImportKind> ParseImportKind(std::string_view text);

}  // namespace grassroots::app
