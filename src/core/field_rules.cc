#include "core/field_rules.h"

#include <string>

#include "core/text.h"

namespace grassroots::core {
namespace {

bool IsControl(unsigned char c) { return c < 0x20 || c == 0x7F; }

std::string Field(std::string_view field) { return std::string(field); }

Error Empty(std::string_view field) {
  return Error::Invalid(Field(field) + " is empty", Field(field)).With("empty");
}

Error TooLong(std::string_view field, std::size_t max) {
  return Error::Invalid(Field(field) + " is longer than " + std::to_string(max) + " characters",
                        Field(field))
      .With("too_long", {{"max", std::to_string(max)}});
}

// True when `text` holds a control character other than those `allowed`.
bool HasControl(std::string_view text, std::string_view allowed) {
  for (char c : text) {
    if (IsControl(static_cast<unsigned char>(c)) && allowed.find(c) == std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// Bytes bound characters from above: most texts never need counting.
bool TooManyCharacters(std::string_view text, std::size_t max) {
  return text.size() > max && CharacterCount(text) > max;
}

constexpr std::string_view kLineControls = "\t\r\n";

Status CheckTextWith(std::string_view field, std::string_view text, std::size_t max,
                     std::string_view allowed_controls) {
  if (TooManyCharacters(text, max)) return TooLong(field, max);
  if (HasControl(text, allowed_controls)) {
    return Error::Invalid(Field(field) + " contains control characters", Field(field))
        .With("control_characters");
  }
  return Status::Ok();
}

}  // namespace

bool IsValidCode(std::string_view code) {
  if (code.empty() || code.size() > 4 * kMaxCodeLength || !IsValidUtf8(code)) return false;
  if (code.size() > kMaxCodeLength && CharacterCount(code) > kMaxCodeLength) return false;
  for (char c : code) {
    if (IsControl(static_cast<unsigned char>(c)) || c == '/' || c == '\\') return false;
  }
  return code != "." && code != "..";
}

Status CheckCode(std::string_view field, std::string_view code) {
  if (code.empty()) return Empty(field);
  if (IsValidCode(code)) return Status::Ok();
  if (CharacterCount(code) > kMaxCodeLength) return TooLong(field, kMaxCodeLength);
  return Error::Invalid(Field(field) +
                            " may hold no control characters, '/' or '\\' and may not be \".\" "
                            "or \"..\"",
                        Field(field))
      .With("invalid_code");
}

bool FitsName(std::string_view text, std::size_t max) {
  return !TooManyCharacters(text, max) && !HasControl(text, {});
}

bool FitsText(std::string_view text, std::size_t max) {
  return !TooManyCharacters(text, max) && !HasControl(text, kLineControls);
}

Status CheckName(std::string_view field, std::string_view text, bool required, std::size_t max) {
  if (text.empty()) return required ? Status(Empty(field)) : Status::Ok();
  return CheckTextWith(field, text, max, {});
}

Status CheckText(std::string_view field, std::string_view text, std::size_t max) {
  return CheckTextWith(field, text, max, kLineControls);
}

Status CheckYear(std::string_view field, long long year) {
  if (IsValidYear(year)) return Status::Ok();
  const std::string min = std::to_string(kMinYear);
  const std::string max = std::to_string(kMaxYear);
  const std::string value = std::to_string(year);
  return Error::Invalid(Field(field) + ": " + value + " is outside [" + min + ", " + max + "]",
                        Field(field))
      .With("year_out_of_range", {{"value", value}, {"min", min}, {"max", max}});
}

Status CheckDate(std::string_view field, std::string_view text, const CivilDate& latest) {
  const std::optional<CivilDate> date = ParseIsoDate(text);
  if (!date) {
    return Error::Invalid(
               Field(field) + ": " + Quoted(text) + " is not a date (expected YYYY-MM-DD)",
               Field(field))
        .With("not_a_date", {{"value", Excerpt(text)}});
  }
  if (*date >= kEarliestDate && *date <= latest) return Status::Ok();
  const std::string min = FormatIsoDate(kEarliestDate);
  const std::string max = FormatIsoDate(latest);
  return Error::Invalid(
             Field(field) + ": " + std::string(text) + " is outside [" + min + ", " + max + "]",
             Field(field))
      .With("date_out_of_range", {{"value", std::string(text)}, {"min", min}, {"max", max}});
}

Error VocabularyError(std::string_view field, std::string_view text, std::string_view accepted) {
  const std::string expected = " (expected " + std::string(accepted) + ")";
  if (text.empty()) {
    return Error::Invalid(Field(field) + " is empty" + expected, Field(field))
        .With("empty", {{"accepted", std::string(accepted)}});
  }
  return Error::Invalid("unknown " + Field(field) + " " + Quoted(text) + expected, Field(field))
      .With("unknown_value", {{"value", Excerpt(text)}, {"accepted", std::string(accepted)}});
}

}  // namespace grassroots::core
