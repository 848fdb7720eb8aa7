// Organizations, members and scores as stored rows and as the audit trail names and shows them.
// The single writes of the server (the subjects over tx.h) and the per-row change records of bulk
// writes and imports (sql_imports.cc) use these same names and the same JSON, so a reader
// finds a change to "score:V01:2016" whichever way it was made.
#pragma once

#include <string>
#include <string_view>

#include "core/organization.h"
#include "core/score.h"
#include "storage/database.h"

namespace grassroots::storage {

// The columns of a stored row, in the order the readers below expect (tables aliased o, s).
// The end of an organization and the leaving of a member come last: the audit JSON and the
// import's comparison leave them out (ending and leaving are changes of their own).
inline constexpr std::string_view kOrgColumns =
    "o.code, o.name, o.type, o.kind, o.parent_code, o.secretary, o.unit_code, o.ended_on,"
    " o.end_kind, o.merged_into, o.end_reason";
inline constexpr std::string_view kMemberColumns =
    "id, name, org_code, status, joined, left_on, left_kind, left_reason";
inline constexpr std::string_view kScoreColumns =
    "s.org_code, s.year, s.team, s.leader, s.venue, s.routine, s.service, s.members, s.grade,"
    " s.reason";

// A stored row from the current row of `s`, its columns from `c` on (kOrgColumns) or from 0.
core::Organization ReadOrg(const Statement& s, int c);
core::Member ReadMember(const Statement& s);
core::ScoreRecord ReadScore(const Statement& s);

std::string OrgEntity(std::string_view code);              // "organization:CODE"
std::string MemberEntity(std::string_view id);             // "member:ID"
std::string ScoreEntity(std::string_view code, int year);  // "score:CODE:YEAR"
// The first column of the change records' entity index (migration 034, which writes this rule
// in each backend's SQL): the year of a score's entity ("score:" and at least one character,
// ':', four digits), 0 for any other, so that a new year's records go to the index's end.
int EntityYear(std::string_view entity);

// `value` as the shortest decimal that reads back as the same double (std::to_chars), or null
// when it is not finite.
void AppendJsonNumber(std::string& out, double value);

// {"code","name","type","kind","parent","secretary","unit"}; parent null for a direct one.
std::string OrgJson(const core::Organization& org);
// {"id","name","org","status","joined"}; joined null when unknown.
std::string MemberJson(const core::Member& member);
// {"code","year","team",...,"members","grade","reason"}; the dimensions as the shortest
// decimal that reads back as the same double; grade and reason null when absent.
std::string ScoreJson(const core::ScoreRecord& score);
// The same rows as a change record of a bulk write stores them: compact (row_json.h).
std::string OrgCompactJson(const core::Organization& org);
std::string MemberCompactJson(const core::Member& member);
std::string ScoreCompactJson(const core::ScoreRecord& score);

}  // namespace grassroots::storage
