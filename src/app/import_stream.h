// Imports streamed through their CSV text (issue 11): a country's file (5.2 million
// organizations, 10.4 million scores) imported in bounded memory, all rows or none. The text is
// never held parsed: a pass parses every row and feeds the cross-row checks
// (core/import_checks.h) with the stored organizations they need (read in pages), and the rows
// are written in chunks through storage::ImportWriter, inside the same write transaction as the
// reads, so the store cannot change between the check and the write. Rows are written as each
// chunk is checked, in that one pass. An organization whose unit is left empty takes its
// parent's, which the rows before it tell when parents come before their children; when one
// does not (a parent further on), the write is rolled back and the file read twice: checked
// whole, then read again and written. When any row is wrong the transaction is rolled back:
// nothing is written and the errors are those the whole-file import always reported.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

#include "app/import_service.h"

namespace grassroots::app {

// Told how many bytes of the text have been read (`offset`), after each chunk of each pass:
// a caller that mapped the file may release the pages before it (each pass starts at 0 again).
using ConsumedFn = std::function<void(std::size_t offset)>;

struct StreamOptions {
  ProgressFn progress;
  ConsumedFn consumed;
};

// Imports `content` (CSV text) of `kind`. With `actor` null, a dry run: checked in a read
// snapshot, nothing written, `written` zero. Row errors come back in the outcome (sorted by
// line; nothing was written); an Error means the store failed (nothing was written either).
core::Result<ImportOutcome> StreamImport(storage::Store& store, ImportKind kind,
                                         std::string_view content, const storage::Actor* actor,
                                         const StreamOptions& options = {});

}  // namespace grassroots::app
