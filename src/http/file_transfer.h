// Files in and out of the API: the one uploaded file of a multipart/form-data body (evidence of
// an item or a spot-check finding, a first secretary's photo) and a stored file sent back with
// a Content-Disposition that never carries raw client text.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>
#include <string_view>

namespace grassroots::http {

// The one file sent as the field "file" of a multipart/form-data body; otherwise writes 422
// naming the field "file" (reason required) — `what` says what to send ("one file").
std::optional<httplib::MultipartFormData> UploadedFile(const httplib::Request& req,
                                                       httplib::Response& res,
                                                       std::string_view what = "one file");

// "%E7%BB%84%E7%BB%87.xlsx": RFC 5987's percent-encoding of a UTF-8 file name.
std::string PercentEncoded(std::string_view text);

// Sends `bytes` as `content_type`, shown in the browser (inline) or saved (attachment), under
// the ASCII name `fallback_name`, and under `utf8_name` too (percent-encoded) when not empty.
void SendFile(httplib::Response& res, std::string bytes, const std::string& content_type,
              bool inline_shown, const std::string& fallback_name, std::string_view utf8_name = {});

}  // namespace grassroots::http
