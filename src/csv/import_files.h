// The three import formats of SPEC.md §7, from CSV text to core rows. Every problem is
// reported with its line; the caller decides nothing is written when there is any.
#pragma once

#include <string_view>
#include <vector>

#include "core/import_rows.h"
#include "core/organization.h"
#include "core/score.h"

namespace grassroots::csv {

template <typename T>
struct Parsed {
  std::vector<core::Row<T>> rows;
  std::vector<core::LineError> errors;  // by line; a missing column is reported at line 1
};

// orgs: code,name,type,kind,parent,secretary (+ optional unit). type and kind accept the
// Chinese names. Checks each field alone; cross-row rules are core::ValidateOrganizations'.
Parsed<core::Organization> ParseOrganizationsCsv(std::string_view content);

// members: id,name,org,status (+ optional joined, YYYY-MM-DD).
Parsed<core::Member> ParseMembersCsv(std::string_view content);

// scores: code,year,team,leader,venue,routine,service,members (+ optional grade, reason).
// Each score a number in [0, 100]; a grade needs a reason.
Parsed<core::ScoreRecord> ParseScoresCsv(std::string_view content);

}  // namespace grassroots::csv
