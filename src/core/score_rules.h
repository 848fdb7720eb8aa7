// The rules of a year's score (SPEC.md §2, §7), written once: the CSV import, PUT
// /scores/{code}/{year}, POST /scores/bulk, the committee's grade override and the dry run all
// call these. Pure.
//
// Reasons (besides field_rules.h's): score_out_of_range {value, min, max}, not_a_number
// {value}, grade_needs_reason {grade}, reason_without_grade.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/score.h"

namespace grassroots::core {

// What a person who typed an unknown grade is told is accepted.
inline constexpr std::string_view kGradeNames = "A, B, C, D or 优秀, 良好, 一般, 较差";

// A dimension score: a finite number in [kMinScore, kMaxScore]. The field is the dimension's
// key ("team").
constexpr bool IsValidDimension(double value) { return value >= kMinScore && value <= kMaxScore; }
Status CheckDimension(Dimension dimension, double value);

// A grade from its name ("A".."D" or 优秀/良好/一般/较差); empty or unknown text is an error
// (field "grade"). An empty cell meaning "no grade" is the caller's to tell apart first.
Result<Grade> ReadGrade(std::string_view text);

// The committee's grade and its reason, both ways: a grade needs a reason (spaces alone are
// none; field "reason"), and a reason without a grade is refused, since it would be kept
// without meaning anything (field "grade"). A reason has at most kMaxReasonLength characters.
bool IsValidCommitteeGrade(const std::optional<Grade>& grade, std::string_view reason);
Status CheckCommitteeGrade(const std::optional<Grade>& grade, std::string_view reason);

// The reason of the committee's include/exclude decision on an organization: required (spaces
// alone are none; reason empty) and at most kMaxReasonLength characters. Field "reason".
Status CheckDecisionReason(std::string_view reason);

// Every rule of one score: the organization's code, the year, the six dimensions, the grade
// and its reason; errors in that order. Rules across rows (duplicates, unknown organizations)
// are core::ValidateScores'.
std::vector<Error> CheckScore(const ScoreRecord& score);

}  // namespace grassroots::core
