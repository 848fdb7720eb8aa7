#include "core/score_rules.h"

#include <charconv>
#include <cmath>
#include <string>

#include "core/field_rules.h"
#include "core/text.h"

namespace grassroots::core {
namespace {

// The shortest text that reads back as `value` ("101", "100.01", "-1").
std::string NumberText(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

bool IsBlank(std::string_view text) { return TrimSpace(text).empty(); }

}  // namespace

Status CheckDimension(Dimension dimension, double value) {
  if (IsValidDimension(value)) return Status::Ok();
  const std::string field(kDimensionKeys[static_cast<int>(dimension)]);
  const std::string text = NumberText(value);
  if (!std::isfinite(value)) {
    return Error::Invalid(field + ": " + text + " is not a number", field)
        .With("not_a_number", {{"value", text}});
  }
  const std::string min = NumberText(kMinScore);
  const std::string max = NumberText(kMaxScore);
  return Error::Invalid(field + ": " + text + " is outside [" + min + ", " + max + "]", field)
      .With("score_out_of_range", {{"value", text}, {"min", min}, {"max", max}});
}

Result<Grade> ReadGrade(std::string_view text) {
  return ReadVocabulary<Grade>("grade", text, ParseGrade, kGradeNames);
}

bool IsValidCommitteeGrade(const std::optional<Grade>& grade, std::string_view reason) {
  return grade.has_value() != IsBlank(reason) && FitsText(reason, kMaxReasonLength);
}

Status CheckCommitteeGrade(const std::optional<Grade>& grade, std::string_view reason) {
  if (grade && IsBlank(reason)) {
    const std::string name(ToString(*grade));
    return Error::Invalid("grade \"" + name + "\" needs a reason", "reason")
        .With("grade_needs_reason", {{"grade", name}});
  }
  if (!grade && !IsBlank(reason)) {
    return Error::Invalid("reason given without a grade", "grade").With("reason_without_grade");
  }
  return CheckText("reason", reason, kMaxReasonLength);
}

Status CheckDecisionReason(std::string_view reason) {
  if (IsBlank(reason)) return Error::Invalid("a reason is required", "reason").With("empty");
  return CheckText("reason", reason, kMaxReasonLength);
}

std::vector<Error> CheckScore(const ScoreRecord& score) {
  std::vector<Error> errors;
  if (!IsValidCode(score.code)) Collect(errors, CheckCode("code", score.code));
  if (!IsValidYear(score.year)) Collect(errors, CheckYear("year", score.year));
  for (int d = 0; d < kDimensionCount; ++d) {
    if (IsValidDimension(score.dimensions[d])) continue;
    Collect(errors, CheckDimension(static_cast<Dimension>(d), score.dimensions[d]));
  }
  if (!IsValidCommitteeGrade(score.committee_grade, score.reason)) {
    Collect(errors, CheckCommitteeGrade(score.committee_grade, score.reason));
  }
  return errors;
}

}  // namespace grassroots::core
