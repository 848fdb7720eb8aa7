#include "http/file_transfer.h"

#include "http/errors.h"

namespace grassroots::http {

std::optional<httplib::MultipartFormData> UploadedFile(const httplib::Request& req,
                                                       httplib::Response& res,
                                                       std::string_view what) {
  if (!req.is_multipart_form_data() || req.files.count("file") != 1) {
    WriteError(res, 422, "invalid",
               "send " + std::string(what) + " as the field \"file\" of a multipart/form-data body",
               "file", "required");
    return std::nullopt;
  }
  return req.get_file_value("file");
}

std::string PercentEncoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '-' || c == '_';
    if (plain) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

void SendFile(httplib::Response& res, std::string bytes, const std::string& content_type,
              bool inline_shown, const std::string& fallback_name, std::string_view utf8_name) {
  std::string disposition =
      std::string(inline_shown ? "inline" : "attachment") + "; filename=\"" + fallback_name + "\"";
  if (!utf8_name.empty()) disposition += "; filename*=UTF-8''" + PercentEncoded(utf8_name);
  res.set_header("Content-Disposition", disposition);
  res.set_content(std::move(bytes), content_type);
}

}  // namespace grassroots::http
