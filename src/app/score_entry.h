// Score entry through the API (PUT /scores/{code}/{year}, POST /scores/bulk): what a write
// leaves stored and whether the writer may leave it so. The values were checked by
// core::CheckScore and the organizations' scope by the caller; this adds what needs the
// stored scores: a write that gives no grade keeps the stored one, and only admin changes a
// grade (core::CheckScoreChange). Knows neither HTTP nor SQL.
#pragma once

#include <string>
#include <vector>

#include "core/access.h"
#include "core/error.h"
#include "core/score.h"
#include "storage/store.h"

namespace grassroots::app {

// A score as a client sent it. `keeps_grade`: the request named neither grade nor reason, so
// the committee's grade and reason stored for that organization and year stay as they are;
// otherwise `score` holds the grade and reason wanted (none = clear them).
struct ScoreEntry {
  core::ScoreRecord score;
  bool keeps_grade = false;
};

// The scores `entries` leave, in their order. kForbidden (reason admin_only_field, field
// "grade" or "reason", params also {line}: the entry's 1-based position) when `who` may not
// make a grade change one of them makes; an Error when the store fails. Reads only.
//
// The stored grade is read before the caller writes: an admin's grade change landing in
// between is overwritten with the grade read (the writer cannot choose that grade).
core::Result<std::vector<core::ScoreRecord>> ResolveScoreEntries(
    storage::Store& store, const core::Principal& who, const std::vector<ScoreEntry>& entries);

// The score one write left stored, and whether there was none of that organization and year.
struct SavedScore {
  core::ScoreRecord score;
  bool created = false;
};

// Resolves `entry` (ResolveScoreEntries) and writes it, audited: PUT /scores/{code}/{year}.
core::Result<SavedScore> SaveScoreEntry(storage::Store& store, const core::Principal& who,
                                        const ScoreEntry& entry, const storage::Actor& actor);

// Resolves every entry and writes them all or none, in one transaction with one audit entry and
// a change record per row: POST /scores/bulk. The rows were validated together by the caller
// (core::ValidateScores).
core::Result<storage::WriteSummary> SaveScoreEntries(storage::Store& store,
                                                     const core::Principal& who,
                                                     const std::vector<ScoreEntry>& entries,
                                                     const storage::Actor& actor);

// The committee's grade and its reason (`wanted`'s; none clears them) set on the stored score of
// `code` in `year`, its dimensions kept, audited. The caller has checked that only admin does
// this (core::CheckFieldChange) and the grade and reason together (core::CheckScore's rule).
// kNotFound (field "year") when the organization has no score that year.
core::Result<core::ScoreRecord> OverrideCommitteeGrade(storage::Store& store,
                                                       const std::string& code, int year,
                                                       const core::ScoreRecord& wanted,
                                                       const storage::Actor& actor);

}  // namespace grassroots::app
