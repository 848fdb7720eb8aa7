#include "http/json_input.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/field_rules.h"
#include "core/text.h"
#include "http/errors.h"

namespace grassroots::http {
namespace {

bool ParseInt(std::string_view text, std::int64_t& out) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// Answers 422 with `error`, when there is one; true when there is none.
bool Answer(const std::optional<core::Error>& error, httplib::Response& res) {
  if (error) WriteError(res, *error);
  return !error;
}

// The value of `key`, or nullptr when absent (an error when `required`).
const nlohmann::json* Find(const nlohmann::json& object, std::string_view key, bool required,
                           std::optional<core::Error>& error) {
  auto it = object.find(key);
  if (it != object.end()) return &*it;
  if (required) error = FieldError(key, std::string(key) + " is required", "required");
  return nullptr;
}

core::Error WrongType(std::string_view key, std::string_view expected, std::string_view words) {
  return FieldError(key, std::string(key) + " must be " + std::string(words), "wrong_type",
                    {{"expected", std::string(expected)}});
}

}  // namespace

core::Error FieldError(std::string_view field, std::string message, std::string reason,
                       core::Params params) {
  return core::Error::Invalid(std::move(message), std::string(field))
      .With(std::move(reason), std::move(params));
}

bool IsValidUtf8(std::string_view text) { return core::IsValidUtf8(text); }

std::optional<core::Error> UnknownField(const nlohmann::json& object,
                                        std::initializer_list<std::string_view> allowed) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    bool known = false;
    for (std::string_view name : allowed) known = known || it.key() == name;
    if (!known) {
      return FieldError(it.key(), "unknown field " + core::Excerpt(it.key()), "unknown_field",
                        {{"field", core::Excerpt(it.key())}});
    }
  }
  return std::nullopt;
}

std::optional<core::Error> ReadString(const nlohmann::json& object, std::string_view key,
                                      std::string& out, bool required) {
  std::optional<core::Error> error;
  const nlohmann::json* value = Find(object, key, required, error);
  if (value == nullptr) return error;
  if (!value->is_string()) return WrongType(key, "string", "a string");
  out = value->get<std::string>();
  return std::nullopt;
}

std::optional<core::Error> ReadNumber(const nlohmann::json& object, std::string_view key,
                                      double& out, bool required) {
  std::optional<core::Error> error;
  const nlohmann::json* value = Find(object, key, required, error);
  if (value == nullptr) return error;
  if (!value->is_number()) return WrongType(key, "number", "a number");
  out = value->get<double>();
  return std::nullopt;
}

std::optional<nlohmann::json> ParseBody(const httplib::Request& req, httplib::Response& res,
                                        bool array) {
  nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
  if (body.is_discarded()) {
    WriteError(res, 400, "bad_request", "the body is not valid JSON (UTF-8)", "body", "not_json");
    return std::nullopt;
  }
  if (array ? !body.is_array() : !body.is_object()) {
    WriteError(res, WrongType("body", array ? "array" : "object",
                              array ? "a JSON array" : "a JSON object"));
    return std::nullopt;
  }
  return body;
}

bool OnlyFields(const nlohmann::json& object, std::initializer_list<std::string_view> allowed,
                httplib::Response& res) {
  return Answer(UnknownField(object, allowed), res);
}

bool GetString(const nlohmann::json& object, const char* key, std::string& out, bool required,
               httplib::Response& res) {
  return Answer(ReadString(object, key, out, required), res);
}

bool GetBool(const nlohmann::json& object, const char* key, bool& out, bool required,
             httplib::Response& res) {
  std::optional<core::Error> error;
  const nlohmann::json* value = Find(object, key, required, error);
  if (value == nullptr) return Answer(error, res);
  if (!value->is_boolean()) return Answer(WrongType(key, "boolean", "true or false"), res);
  out = value->get<bool>();
  return true;
}

bool GetNumber(const nlohmann::json& object, const char* key, double& out, bool required,
               httplib::Response& res) {
  return Answer(ReadNumber(object, key, out, required), res);
}

bool GetInteger(const nlohmann::json& object, const char* key, std::int64_t& out, bool required,
                httplib::Response& res) {
  double value = static_cast<double>(out);
  if (!GetNumber(object, key, value, required, res)) return false;
  if (value != std::floor(value)) {
    WriteError(res, 422, "invalid", std::string(key) + " must be a whole number", key, "wrong_type",
               {{"expected", "integer"}});
    return false;
  }
  out = static_cast<std::int64_t>(std::clamp(value, -1e15, 1e15));
  return true;
}

bool IsValidCode(std::string_view code) { return core::IsValidCode(code); }

std::optional<std::string> PathCode(const httplib::Request& req, httplib::Response& res,
                                    std::size_t index) {
  if (req.matches.size() <= index) {
    WriteError(res, 404, "not_found", "no such resource");
    return std::nullopt;
  }
  std::string code = req.matches[index];
  if (!IsValidCode(code)) {
    WriteError(res, 404, "not_found", "no organization with this code", "code");
    return std::nullopt;
  }
  return code;
}

std::optional<int> PathYear(const httplib::Request& req, httplib::Response& res,
                            std::size_t index) {
  std::int64_t year = 0;
  if (req.matches.size() <= index || !ParseInt(req.matches[index].str(), year) ||
      year < core::kMinYear || year > core::kMaxYear) {
    WriteError(res, 404, "not_found", "no such year", "year");
    return std::nullopt;
  }
  return static_cast<int>(year);
}

bool PageParams(const httplib::Request& req, std::int64_t& offset, std::int64_t& limit,
                httplib::Response& res) {
  offset = 0;
  limit = 50;
  if (req.has_param("offset") && (!ParseInt(req.get_param_value("offset"), offset) || offset < 0)) {
    WriteError(res, 422, "invalid", "offset must be a whole number >= 0", "offset",
               "number_out_of_range", {{"min", "0"}});
    return false;
  }
  if (req.has_param("limit") &&
      (!ParseInt(req.get_param_value("limit"), limit) || limit < 1 || limit > 1000)) {
    WriteError(res, 422, "invalid", "limit must be a whole number from 1 to 1000", "limit",
               "number_out_of_range", {{"min", "1"}, {"max", "1000"}});
    return false;
  }
  return true;
}

std::optional<std::string> QueryText(const httplib::Request& req, const char* key,
                                     httplib::Response& res) {
  std::string value = req.get_param_value(key);
  if (!IsValidUtf8(value) || value.size() > 200) {
    WriteError(res, 422, "invalid", std::string(key) + " must be UTF-8 text up to 200 bytes", key,
               "invalid_query_text", {{"max_bytes", "200"}});
    return std::nullopt;
  }
  return value;
}

bool OrgFilterParams(const httplib::Request& req, storage::OrgFilter& filter,
                     httplib::Response& res) {
  for (auto [key, field] : {std::pair{"unit", &filter.unit},
                            {"type", &filter.type},
                            {"parent", &filter.parent},
                            {"q", &filter.query}}) {
    auto text = QueryText(req, key, res);
    if (!text) return false;
    *field = *text;
  }
  if (req.has_param("direct")) {
    const std::string direct = req.get_param_value("direct");
    if (direct != "true" && direct != "false") {
      WriteError(res, 422, "invalid", "direct must be true or false", "direct", "not_a_boolean");
      return false;
    }
    filter.direct = direct == "true";
  }
  return true;
}

}  // namespace grassroots::http
