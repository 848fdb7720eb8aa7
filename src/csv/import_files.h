// The three import formats of SPEC.md §7, from CSV text to core rows. Every problem is
// reported with its line; the caller decides nothing is written when there is any.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/import_rows.h"
#include "core/organization.h"
#include "core/score.h"

namespace grassroots::csv {

template <typename T>
struct Parsed {
  std::vector<core::Row<T>> rows;
  std::vector<core::LineError> errors;  // by line; a missing column is reported at line 1
};

// Each parser reads the text of a cell here (a missing column, "not a number", an empty
// cell; reasons missing_column, duplicate_column, not_a_number, not_a_whole_number, empty,
// besides the CSV reader's) and leaves what a value may be to core's rules, the same as every
// other way in (core/field_rules.h): each error carries the column as its field and core's
// reason and params. Within a row, errors come in column order.

// One row as the streaming readers below give it, for files too large to hold parsed (issue 11):
// `failed` when it raised an error (already in the errors vector, or added before the next
// row; `value` then holds what was read); `offset`: the bytes of the text read so far.
template <typename T>
struct StreamedRow {
  int line = 0;
  T value;
  bool failed = false;
  std::size_t offset = 0;
};
template <typename T>
using RowFn = std::function<void(StreamedRow<T>&)>;

// Read as the Parse functions below do (the same rows, errors and order), one row at a time.
void StreamOrganizationsCsv(std::string_view content, std::vector<core::LineError>& errors,
                            const RowFn<core::Organization>& fn);
void StreamMembersCsv(std::string_view content, const core::CivilDate& today,
                      std::vector<core::LineError>& errors, const RowFn<core::Member>& fn);
void StreamScoresCsv(std::string_view content, std::vector<core::LineError>& errors,
                     const RowFn<core::ScoreRecord>& fn);

// orgs: code,name,type,kind,parent,secretary (+ optional unit). type and kind accept the
// Chinese names. Checks each row alone (core::CheckOrganization); cross-row rules are
// core::ValidateOrganizations'.
Parsed<core::Organization> ParseOrganizationsCsv(std::string_view content);

// members: id,name,org,status (+ optional joined, YYYY-MM-DD, not after `today`, the county's
// day of the caller's clock). Each row by core::CheckMember.
Parsed<core::Member> ParseMembersCsv(std::string_view content, const core::CivilDate& today);

// scores: code,year,team,leader,venue,routine,service,members (+ optional grade, reason).
// Each row by core::CheckScore: scores in [0, 100], a grade needs a reason and a reason a
// grade.
Parsed<core::ScoreRecord> ParseScoresCsv(std::string_view content);

}  // namespace grassroots::csv
