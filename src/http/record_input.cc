#include "http/record_input.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/field_rules.h"
#include "core/organization_rules.h"
#include "core/score_rules.h"
#include "core/text.h"
#include "http/json_input.h"

namespace grassroots::http {
namespace {

// The errors of one body: those of the JSON level first, by field, then the rules' for the
// fields that read well.
class BodyErrors {
 public:
  void Add(std::optional<core::Error> error) {
    if (!error) return;
    failed_.push_back(error->field);
    errors_.push_back(std::move(*error));
  }
  void AddRules(const std::vector<core::Error>& errors) {
    for (const core::Error& error : errors) {
      if (std::ranges::find(failed_, error.field) == failed_.end()) errors_.push_back(error);
    }
  }
  std::vector<core::Error> Take() { return std::move(errors_); }

 private:
  std::vector<std::string> failed_;
  std::vector<core::Error> errors_;
};

// A text field, trimmed as a CSV cell is.
void Text(const nlohmann::json& body, std::string_view key, bool required, std::string& out,
          BodyErrors& errors) {
  std::string raw;
  if (auto error = ReadString(body, key, raw, required)) return errors.Add(std::move(error));
  out = std::string(core::TrimSpace(raw));
}

// A text field that may also be null (none).
void NullableText(const nlohmann::json& body, std::string_view key, std::string& out,
                  BodyErrors& errors) {
  if (auto it = body.find(key); it != body.end() && it->is_null()) return out.clear();
  Text(body, key, false, out, errors);
}

// A vocabulary field read by core (`read`: core::ReadOrgType, ...).
template <typename T>
void Vocabulary(const nlohmann::json& body, std::string_view key, bool required,
                core::Result<T> (*read)(std::string_view), T& out, BodyErrors& errors) {
  std::string text;
  if (auto error = ReadString(body, key, text, required)) return errors.Add(std::move(error));
  if (!body.contains(key)) return;
  auto value = read(core::TrimSpace(text));
  if (value.ok()) {
    out = value.value();
  } else {
    errors.Add(value.error());
  }
}

// A bulk row's year: a whole number; its range is core's.
void Year(const nlohmann::json& body, int& year, BodyErrors& errors) {
  double value = 0;
  if (auto error = ReadNumber(body, "year", value, true)) return errors.Add(std::move(error));
  if (value != std::floor(value)) {
    const std::string text = nlohmann::json(value).dump();
    return errors.Add(FieldError("year", "year: " + text + " is not a whole number",
                                 "not_a_whole_number", {{"value", text}}));
  }
  // Far outside any year; clamped only so that the conversion is defined.
  const long long whole = static_cast<long long>(std::clamp(value, -1e15, 1e15));
  if (auto range = core::CheckYear("year", whole); !range.ok()) return errors.Add(range.error());
  year = static_cast<int>(whole);
}

// "grade" ("" or null: none) and "reason" into `score`.
void Grade(const nlohmann::json& body, bool required, core::ScoreRecord& score,
           BodyErrors& errors) {
  std::string grade;
  for (std::string_view key : {"grade", "reason"}) {
    if (required && !body.contains(key)) {
      errors.Add(FieldError(key, std::string(key) + " is required", "required"));
    }
  }
  NullableText(body, "grade", grade, errors);
  NullableText(body, "reason", score.reason, errors);
  if (grade.empty()) return;
  auto read = core::ReadGrade(grade);
  if (read.ok()) {
    score.committee_grade = read.value();
  } else {
    errors.Add(read.error());
  }
}

}  // namespace

std::vector<core::Error> ReadScoreEntry(const nlohmann::json& body, bool keyed,
                                        app::ScoreEntry& entry) {
  BodyErrors errors;
  if (keyed) {
    errors.Add(UnknownField(body, {"code", "year", "team", "leader", "venue", "routine", "service",
                                   "members", "grade", "reason"}));
    Text(body, "code", true, entry.score.code, errors);
    Year(body, entry.score.year, errors);
  } else {
    errors.Add(UnknownField(
        body, {"team", "leader", "venue", "routine", "service", "members", "grade", "reason"}));
  }
  for (int d = 0; d < core::kDimensionCount; ++d) {
    errors.Add(ReadNumber(body, core::kDimensionKeys[d], entry.score.dimensions[d], true));
  }
  entry.keeps_grade = !body.contains("grade") && !body.contains("reason");
  if (!entry.keeps_grade) Grade(body, false, entry.score, errors);
  errors.AddRules(core::CheckScore(entry.score));
  return errors.Take();
}

std::vector<core::Error> ReadCommitteeGrade(const nlohmann::json& body, core::ScoreRecord& score) {
  BodyErrors errors;
  errors.Add(UnknownField(body, {"grade", "reason"}));
  Grade(body, true, score, errors);
  std::vector<core::Error> rules;
  core::Collect(rules, core::CheckCommitteeGrade(score.committee_grade, score.reason));
  errors.AddRules(rules);
  return errors.Take();
}

std::vector<core::Error> ReadOrganization(const nlohmann::json& body, core::Organization& org) {
  BodyErrors errors;
  errors.Add(UnknownField(body, {"code", "name", "type", "kind", "parent", "secretary", "unit"}));
  Text(body, "code", true, org.code, errors);
  Text(body, "name", true, org.name, errors);
  Vocabulary(body, "type", true, core::ReadOrgType, org.type, errors);
  Vocabulary(body, "kind", true, core::ReadOrgKind, org.kind, errors);
  Text(body, "parent", false, org.parent, errors);
  Text(body, "secretary", false, org.secretary, errors);
  Text(body, "unit", false, org.unit, errors);
  errors.AddRules(core::CheckOrganization(org));
  return errors.Take();
}

std::vector<core::Error> ReadMember(const nlohmann::json& body, const core::CivilDate& today,
                                    core::Member& member) {
  BodyErrors errors;
  errors.Add(UnknownField(body, {"id", "name", "org", "status", "joined"}));
  Text(body, "id", true, member.id, errors);
  Text(body, "name", true, member.name, errors);
  Text(body, "org", true, member.org, errors);
  Vocabulary(body, "status", false, core::ReadMemberStatus, member.status, errors);
  NullableText(body, "joined", member.joined, errors);
  errors.AddRules(core::CheckMember(member, today));
  return errors.Take();
}

}  // namespace grassroots::http
