#include "http/list_filters.h"

#include <charconv>

#include "core/field_rules.h"
#include "core/score.h"
#include "http/errors.h"
#include "http/json_input.h"

namespace grassroots::http {
namespace {

// ?state: "active" (the default: existing organizations), "ended" (dissolved or merged) or
// "all". False after writing 422.
bool StateParam(const httplib::Request& req, storage::OrgFilter& filter, httplib::Response& res) {
  const std::string state = req.has_param("state") ? req.get_param_value("state") : "active";
  if (state != "active" && state != "ended" && state != "all") {
    WriteError(res, 422, "invalid", "state must be active, ended or all", "state", "invalid_state");
    return false;
  }
  if (state != "all") filter.ended = state == "ended";
  return true;
}

std::string_view Tristate(const std::optional<bool>& value) {
  return !value ? "-" : *value ? "1" : "0";
}

}  // namespace

void AddFilterKey(MemoKey& key, const storage::OrgFilter& filter) {
  // Every field, by a binding that stops compiling when OrgFilter gains or loses one: a field
  // left out of the key would let two different lists share a remembered answer.
  const auto& [unit, type, parent, direct, ended, query, within, only, restrict_to_scope, grade,
               selected, ranked, offset, limit] = filter;
  key.Add(unit).Add(type).Add(parent).Add(Tristate(direct)).Add(Tristate(ended)).Add(query);
  key.Add(static_cast<std::int64_t>(within.size()));
  for (const std::string& code : within) key.Add(code);
  key.Add(static_cast<std::int64_t>(only.size()));
  for (const std::string& code : only) key.Add(code);
  key.Add(restrict_to_scope ? "1" : "0").Add(grade).Add(Tristate(selected));
  key.Add(ranked ? "1" : "0").Add(offset).Add(limit);
}

bool OrganizationListParams(const httplib::Request& req, storage::OrgFilter& filter,
                            httplib::Response& res) {
  return OrgFilterParams(req, filter, res) && StateParam(req, filter, res);
}

bool AssessmentListParams(const httplib::Request& req, storage::OrgFilter& filter,
                          httplib::Response& res) {
  if (!OrgFilterParams(req, filter, res)) return false;
  const std::string grade = req.get_param_value("grade");
  const std::string selected = req.get_param_value("selected");
  if (!grade.empty() && !core::ParseGrade(grade)) {
    WriteError(res, 422, "invalid", "grade must be A, B, C or D", "grade");
    return false;
  }
  if (!selected.empty() && selected != "true" && selected != "false") {
    WriteError(res, 422, "invalid", "selected must be true or false", "selected", "not_a_boolean");
    return false;
  }
  if (!grade.empty()) filter.grade = core::ToString(*core::ParseGrade(grade));
  if (!selected.empty()) filter.selected = selected == "true";
  return true;
}

bool QueryYear(const httplib::Request& req, bool required, int& year, httplib::Response& res) {
  year = 0;
  const std::string text = req.get_param_value("year");
  if (text.empty() && !required) return true;
  long long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  core::Status status = core::Status::Ok();
  if (text.empty()) {
    status = core::Error::Invalid("year is empty", "year").With("empty");
  } else if (ec != std::errc() || end != text.data() + text.size()) {
    status = core::Error::Invalid("year must be a whole number", "year")
                 .With("not_a_number", {{"value", text.substr(0, 16)}});
  } else {
    status = core::CheckYear("year", value);
  }
  if (!status.ok()) {
    WriteError(res, status.error());
    return false;
  }
  year = static_cast<int>(value);
  return true;
}

}  // namespace grassroots::http
