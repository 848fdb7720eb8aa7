#include "http/request_limits.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <utility>

#include "http/errors.h"

namespace grassroots::http {
namespace {

// The decimal value of `text` when it is 1 to 18 digits and nothing else.
std::optional<std::size_t> Digits(const std::string& text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::size_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  return value;
}

bool IsForm(std::string type) {
  type = type.substr(0, type.find(';'));
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type.find("multipart/") != std::string::npos ||
         type.find("application/x-www-form-urlencoded") != std::string::npos;
}

bool Refuse(httplib::Response& res, int status, std::string_view code, std::string_view message,
            std::string_view reason, const core::Params& params = {},
            std::string_view field = "Content-Length") {
  WriteError(res, status, code, message, field, reason, params);
  res.set_header("Connection", "close");
  return false;
}

bool IsMultipart(std::string type) {
  type = type.substr(0, type.find(';'));
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type == "multipart/form-data";
}

}  // namespace

bool IsUpload(const httplib::Request& req) {
  // (prefix, suffix) around one path segment: an item's evidence, a report's photos, a
  // spot-check finding's evidence.
  constexpr std::pair<std::string_view, std::string_view> kUploads[] = {
      {"/api/v1/items/", "/evidence"},
      {"/api/v1/first-secretary-reports/", "/photos"},
      {"/api/v1/spot-check-findings/", "/evidence"}};
  const std::string_view path = req.path;
  if (req.method != "POST") return false;
  for (const auto& [prefix, suffix] : kUploads) {
    if (path.size() <= prefix.size() + suffix.size() || !path.starts_with(prefix) ||
        !path.ends_with(suffix)) {
      continue;
    }
    const std::string_view id =
        path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
    if (id.find('/') == std::string_view::npos) return true;
  }
  // A checklist answer's evidence: /api/v1/organizations/CODE/checklists/YEAR/LIST/ITEM/evidence.
  constexpr std::string_view kOrgs = "/api/v1/organizations/", kEvidence = "/evidence";
  if (path.size() > kOrgs.size() + kEvidence.size() && path.starts_with(kOrgs) &&
      path.ends_with(kEvidence)) {
    const std::string_view middle =
        path.substr(kOrgs.size(), path.size() - kOrgs.size() - kEvidence.size());
    const std::size_t slashes =
        static_cast<std::size_t>(std::count(middle.begin(), middle.end(), '/'));
    const std::size_t second = middle.find('/');
    return slashes == 4 && middle.substr(second + 1).starts_with("checklists/");
  }
  return false;
}

bool BodyMayBeRead(const httplib::Request& req, httplib::Response& res, std::size_t max) {
  const bool upload = IsUpload(req) && IsMultipart(req.get_header_value("Content-Type"));
  if (upload) max = std::max(max, kUploadMax);
  if (req.has_header("Transfer-Encoding")) {
    return Refuse(res, 411, "length_required", "send the body with a Content-Length",
                  "length_required");
  }
  if (!upload && IsForm(req.get_header_value("Content-Type"))) {
    return Refuse(res, 415, "unsupported_media_type", "the API takes JSON bodies, not forms",
                  "json_required", {}, "Content-Type");
  }
  const std::size_t lengths = req.get_header_value_count("Content-Length");
  if (lengths == 0) return true;
  const std::optional<std::size_t> length =
      lengths == 1 ? Digits(req.get_header_value("Content-Length")) : std::nullopt;
  if (!length) {
    return Refuse(res, 400, "bad_request", "Content-Length must be one number of bytes",
                  "bad_content_length");
  }
  if (*length > max) {
    return Refuse(res, 413, "too_large",
                  "the request body is larger than " + std::to_string(max) + " bytes",
                  "body_too_large", {{"max", std::to_string(max)}});
  }
  return true;
}

}  // namespace grassroots::http
