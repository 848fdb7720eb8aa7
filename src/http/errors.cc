#include "http/errors.h"

#include <string>

namespace grassroots::http {

int StatusFor(core::ErrorCode code) {
  switch (code) {
    case core::ErrorCode::kInvalid:
      return 422;
    case core::ErrorCode::kNotFound:
      return 404;
    case core::ErrorCode::kConflict:
      return 409;
    case core::ErrorCode::kForbidden:
      return 403;
    case core::ErrorCode::kUnavailable:
      return 503;
    case core::ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

std::string_view CodeName(core::ErrorCode code) {
  switch (code) {
    case core::ErrorCode::kInvalid:
      return "invalid";
    case core::ErrorCode::kNotFound:
      return "not_found";
    case core::ErrorCode::kConflict:
      return "conflict";
    case core::ErrorCode::kForbidden:
      return "forbidden";
    case core::ErrorCode::kUnavailable:
      return "unavailable";
    case core::ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

void WriteJsonText(httplib::Response& res, std::string body, int status) {
  res.status = status;
  res.body = std::move(body);
  res.headers.erase("Content-Type");
  res.set_header("Content-Type", "application/json");
}

void WriteJson(httplib::Response& res, const nlohmann::json& body, int status) {
  WriteJsonText(res, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), status);
}

nlohmann::json ParamsJson(const core::Params& params) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [name, value] : params) out[name] = value;
  return out;
}

namespace {

nlohmann::json ErrorJson(std::string_view code, std::string_view message, std::string_view field,
                         std::string_view reason, const core::Params& params) {
  nlohmann::json error = {{"code", code},
                          {"reason", reason.empty() ? code : reason},
                          {"params", ParamsJson(params)},
                          {"message", message}};
  if (!field.empty()) error["field"] = field;
  return error;
}

nlohmann::json ErrorJson(const core::Error& error) {
  return ErrorJson(CodeName(error.code), error.message, error.field, error.reason, error.params);
}

}  // namespace

void WriteError(httplib::Response& res, int status, std::string_view code, std::string_view message,
                std::string_view field, std::string_view reason, const core::Params& params) {
  WriteJson(res, {{"error", ErrorJson(code, message, field, reason, params)}}, status);
}

void WriteError(httplib::Response& res, const core::Error& error) {
  WriteError(res, StatusFor(error.code), CodeName(error.code), error.message, error.field,
             error.reason, error.params);
}

void WriteFieldErrors(httplib::Response& res, const std::vector<core::Error>& errors) {
  nlohmann::json all = nlohmann::json::array();
  for (const core::Error& error : errors) all.push_back(ErrorJson(error));
  WriteJson(res, {{"error", ErrorJson(errors.front())}, {"errors", std::move(all)}},
            StatusFor(errors.front().code));
}

nlohmann::json RowErrorsJson(const std::vector<core::LineError>& errors) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& e : errors) {
    nlohmann::json row = {{"line", e.line},
                          {"message", e.message},
                          {"reason", e.reason.empty() ? "invalid" : e.reason},
                          {"params", ParamsJson(e.params)}};
    if (!e.field.empty()) row["field"] = e.field;
    rows.push_back(std::move(row));
  }
  return rows;
}

void WriteRowErrors(httplib::Response& res, const std::vector<core::LineError>& errors) {
  const std::string count = std::to_string(errors.size());
  WriteJson(res,
            {{"error", ErrorJson("invalid", count + " errors; nothing was written", "",
                                 "rows_invalid", {{"count", count}})},
             {"rows", RowErrorsJson(errors)}},
            422);
}

void WriteStatusError(httplib::Response& res) {
  switch (res.status) {
    case 400:
      return WriteError(res, 400, "bad_request", "the request is malformed");
    case 404:
      return WriteError(res, 404, "not_found", "no such resource");
    case 405:
      return WriteError(res, 405, "method_not_allowed", "method not allowed");
    case 413:
      return WriteError(res, 413, "too_large", "the request body is too large");
    case 414:
      return WriteError(res, 414, "too_large", "the request URI is too long");
    default:
      if (res.status >= 500) return WriteError(res, res.status, "internal", "internal error");
      return WriteError(res, res.status, "error", "the request failed");
  }
}

}  // namespace grassroots::http
