// Score entry through the API (PUT /scores/{code}/{year}, POST /scores/bulk): what a write
// leaves stored and whether the writer may leave it so. The values were checked by
// core::CheckScore and the organizations' scope by the caller; this adds what needs the
// stored scores: a write that gives no grade keeps the stored one, and only admin changes a
// grade (core::CheckScoreChange). Knows neither HTTP nor SQL.
#pragma once

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

}  // namespace grassroots::app
