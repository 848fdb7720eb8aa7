#include "http/json_input.h"

#include <charconv>

#include "http/errors.h"

namespace grassroots::http {
namespace {

bool WrongType(const char* key, const char* expected, httplib::Response& res) {
  WriteError(res, 422, "invalid", std::string(key) + " must be " + expected, key);
  return false;
}

const nlohmann::json* Find(const nlohmann::json& object, const char* key, bool required,
                           httplib::Response& res, bool& failed) {
  failed = false;
  auto it = object.find(key);
  if (it == object.end()) {
    if (required) {
      WriteError(res, 422, "invalid", std::string(key) + " is required", key);
      failed = true;
    }
    return nullptr;
  }
  return &*it;
}

bool ParseInt(std::string_view text, std::int64_t& out) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    int extra = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= text.size()) return false;
    for (int k = 1; k <= extra; ++k) {
      const auto d = static_cast<unsigned char>(text[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

std::optional<nlohmann::json> ParseBody(const httplib::Request& req, httplib::Response& res,
                                        bool array) {
  nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
  if (body.is_discarded()) {
    WriteError(res, 400, "bad_request", "the body is not valid JSON (UTF-8)", "body");
    return std::nullopt;
  }
  if (array ? !body.is_array() : !body.is_object()) {
    WriteError(res, 422, "invalid",
               array ? "the body must be a JSON array" : "the body must be a JSON object", "body");
    return std::nullopt;
  }
  return body;
}

bool OnlyFields(const nlohmann::json& object, std::initializer_list<std::string_view> allowed,
                httplib::Response& res) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    bool known = false;
    for (std::string_view name : allowed) known = known || it.key() == name;
    if (!known) {
      WriteError(res, 422, "invalid", "unknown field " + it.key(), it.key());
      return false;
    }
  }
  return true;
}

bool GetString(const nlohmann::json& object, const char* key, std::string& out, bool required,
               httplib::Response& res) {
  bool failed = false;
  const nlohmann::json* value = Find(object, key, required, res, failed);
  if (value == nullptr) return !failed;
  if (!value->is_string()) return WrongType(key, "a string", res);
  out = value->get<std::string>();
  return true;
}

bool GetBool(const nlohmann::json& object, const char* key, bool& out, bool required,
             httplib::Response& res) {
  bool failed = false;
  const nlohmann::json* value = Find(object, key, required, res, failed);
  if (value == nullptr) return !failed;
  if (!value->is_boolean()) return WrongType(key, "true or false", res);
  out = value->get<bool>();
  return true;
}

bool GetNumber(const nlohmann::json& object, const char* key, double& out, bool required,
               httplib::Response& res) {
  bool failed = false;
  const nlohmann::json* value = Find(object, key, required, res, failed);
  if (value == nullptr) return !failed;
  if (!value->is_number()) return WrongType(key, "a number", res);
  out = value->get<double>();
  return true;
}

bool IsValidCode(std::string_view code) {
  if (code.empty() || code.size() > 64 || !IsValidUtf8(code)) return false;
  for (char c : code) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F || c == '/' || c == '\\') return false;
  }
  return code != "." && code != "..";
}

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
  if (req.matches.size() <= index || !ParseInt(req.matches[index].str(), year) || year < 1900 ||
      year > 2200) {
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
    WriteError(res, 422, "invalid", "offset must be a whole number >= 0", "offset");
    return false;
  }
  if (req.has_param("limit") &&
      (!ParseInt(req.get_param_value("limit"), limit) || limit < 1 || limit > 1000)) {
    WriteError(res, 422, "invalid", "limit must be a whole number from 1 to 1000", "limit");
    return false;
  }
  return true;
}

std::optional<std::string> QueryText(const httplib::Request& req, const char* key,
                                     httplib::Response& res) {
  std::string value = req.get_param_value(key);
  if (!IsValidUtf8(value) || value.size() > 200) {
    WriteError(res, 422, "invalid", std::string(key) + " must be UTF-8 text up to 200 bytes", key);
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
  return true;
}

}  // namespace grassroots::http
