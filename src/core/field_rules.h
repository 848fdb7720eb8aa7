// The rules every single value obeys wherever it enters Grassroots — the CSV imports, the
// single and bulk API writes, the dry run (issue 9: one rule, one place). Each check answers
// an Invalid error naming the field (the CSV column and the JSON key are the same name), with a
// stable reason and its params for a user interface to word, and an English message in the
// CSV contract's words for the CLI and logs. The rules of whole records build on these:
// score_rules.h, organization_rules.h, member_rules.h. Pure.
//
// Reasons: empty, too_long {max}, control_characters, invalid_code, year_out_of_range
// {value, min, max}, not_a_date {value}, date_out_of_range {value, min, max}, unknown_value
// {value, accepted} (and empty {accepted} for a vocabulary).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"

namespace grassroots::core {

// Lengths in characters (Unicode code points), the unit a person counts on screen.
inline constexpr std::size_t kMaxCodeLength = 64;      // organization, unit and member codes
inline constexpr std::size_t kMaxNameLength = 100;     // organization and member names, secretary
inline constexpr std::size_t kMaxReasonLength = 2000;  // a committee's reason for its grade

// Years of scores and assessments; days of dates (a member's joining).
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2200;
inline constexpr CivilDate kEarliestDate{1900, 1, 1};

// Each rule is a predicate (IsValid..., Fits...), cheap enough for every value of a
// country's file, and a Check... that explains a failure as an Error; the record checks call
// the predicate first and build an error only for what fails.

// A code names a path segment of the API and a row of every file: 1 to kMaxCodeLength
// characters of well-formed UTF-8, no control characters, '/' or '\', and not "." or "..".
bool IsValidCode(std::string_view code);
// kInvalid naming `field`: empty, too_long or invalid_code.
Status CheckCode(std::string_view field, std::string_view code);

// A one-line text (a name), possibly empty: at most `max` characters, no control characters.
bool FitsName(std::string_view text, std::size_t max = kMaxNameLength);
// A text that may span lines (tabs and line breaks allowed): at most `max` characters.
bool FitsText(std::string_view text, std::size_t max);

// A one-line text (a name): FitsName, and empty only when not `required`.
Status CheckName(std::string_view field, std::string_view text, bool required,
                 std::size_t max = kMaxNameLength);
// A text that may span lines (tabs and line breaks allowed): at most `max` characters.
Status CheckText(std::string_view field, std::string_view text, std::size_t max);

// kMinYear..kMaxYear.
constexpr bool IsValidYear(long long year) { return year >= kMinYear && year <= kMaxYear; }
Status CheckYear(std::string_view field, long long year);

// A real calendar day written YYYY-MM-DD (core::ParseIsoDate), from kEarliestDate to `latest`
// (a member cannot have joined after today: the caller passes the county's today from its
// clock).
Status CheckDate(std::string_view field, std::string_view text, const CivilDate& latest);

// One of a vocabulary's names: `parse` is core's parser (ParseOrgType, ...), `accepted` the
// names told to a person who got it wrong. Empty text: reason empty; an unknown name:
// unknown_value {value, accepted}.
template <typename T>
Result<T> ReadVocabulary(std::string_view field, std::string_view text,
                         std::optional<T> (*parse)(std::string_view), std::string_view accepted);

// Appends the error of `status`, if any.
inline void Collect(std::vector<Error>& errors, const Status& status) {
  if (!status.ok()) errors.push_back(status.error());
}

// The unknown_value error of ReadVocabulary (not a template, so defined once).
Error VocabularyError(std::string_view field, std::string_view text, std::string_view accepted);

template <typename T>
Result<T> ReadVocabulary(std::string_view field, std::string_view text,
                         std::optional<T> (*parse)(std::string_view), std::string_view accepted) {
  if (const std::optional<T> value = parse(text)) return *value;
  return VocabularyError(field, text, accepted);
}

}  // namespace grassroots::core
