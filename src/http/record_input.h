// Records in request bodies, read into core values the way the CSV import reads a row: the
// JSON level here (unknown field, missing, wrong type, a year that is not whole; text trimmed
// of the spaces around it, as a CSV cell is), and what each value may be by core's rules
// (core::CheckScore, core::CheckOrganization, core::CheckMember) — so a value is refused or
// accepted alike by the import, PUT and bulk. Every problem of the body is returned, each
// naming its field with a stable reason; a field that failed at the JSON level is not
// reported again by the rules.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "app/score_entry.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/organization.h"

namespace grassroots::http {

// A score: the six dimensions (numbers, required) and optionally "grade" ("A".."D" or the
// Chinese names; "" or null for none) and "reason"; naming neither keeps the stored ones
// (app::ScoreEntry). `entry.score.code` and `.year` come from the path unless `keyed`, when
// the body carries "code" and "year" too (a bulk row).
std::vector<core::Error> ReadScoreEntry(const nlohmann::json& body, bool keyed,
                                        app::ScoreEntry& entry);

// A committee grade override: "grade" ("" or null clears it) and "reason", both required;
// into `score.committee_grade` and `score.reason`.
std::vector<core::Error> ReadCommitteeGrade(const nlohmann::json& body, core::ScoreRecord& score);

// An organization: code, name, type, kind (required), parent, secretary, unit (optional).
std::vector<core::Error> ReadOrganization(const nlohmann::json& body, core::Organization& org);

// A member: id, name, org (required), status (default regular), joined (optional, not after
// `today`).
std::vector<core::Error> ReadMember(const nlohmann::json& body, const core::CivilDate& today,
                                    core::Member& member);

}  // namespace grassroots::http
