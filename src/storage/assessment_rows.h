// Writing a year's result rows (assessment_results: each organization's result and the inputs
// it was computed from), shared by both backends. Internal to src/storage.
//
// A first run inserts every row in code order (the primary key's order): 1,024 to a statement,
// or, where the backend has bulk loads (PostgreSQL), by one COPY whatever the count; the rows a
// replacement writes go the same way.
// A run that replaces a stored one compares the stored rows with the new ones and rewrites only
// those that differ: a rerun after a few corrections changes the rows of a few ranking groups,
// and deleting and inserting a country's 5.2 million unchanged rows would cost most of the run.
// Each row is stored with a 64-bit digest of its values (row_digest, migration 033), and the
// comparison reads the codes and digests only. A row changed in the database by hand keeps its
// old digest, so a rerun does not rewrite it; `verify` finds it.
#pragma once

#include "core/assessment.h"
#include "core/error.h"
#include "storage/database.h"

namespace grassroots::storage {

// Inserts the rows of every organization of `input` (the year has none stored).
core::Status InsertResultRows(Database& db, const core::AssessmentInput& input,
                              const core::AssessmentResult& result);

// Makes the stored rows of result.year exactly those InsertResultRows would write: rows that
// differ are deleted and written again, rows of organizations no longer assessed are deleted,
// new ones inserted; equal rows are left as they are.
core::Status ReplaceResultRows(Database& db, const core::AssessmentInput& input,
                               const core::AssessmentResult& result);

}  // namespace grassroots::storage
