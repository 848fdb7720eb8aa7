// The three import formats of SPEC.md §7, from CSV text to core rows. Every problem is
// reported with its line; the caller decides nothing is written when there is any.
#pragma once

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
