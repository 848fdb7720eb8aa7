// The one place that maps core::ErrorCode to an HTTP status, and the JSON shape of every error:
// {"error": {"code": "...", "reason": "...", "params": {...}, "message": "...", "field": "..."}}.
// `code` is the class (invalid, not_found, ...), `reason` the stable name of what failed (the
// code itself when nothing more precise is known) and `params` its values: the web UI words an
// error from `reason` and `params`; `message` is English for API clients and logs.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/import_rows.h"

namespace grassroots::http {

int StatusFor(core::ErrorCode code);
std::string_view CodeName(core::ErrorCode code);

// Writes `body` as JSON. Invalid UTF-8 that came from the client is replaced, never thrown on.
void WriteJson(httplib::Response& res, const nlohmann::json& body, int status = 200);
// The same for JSON already written as text (http/json_writer.h).
void WriteJsonText(httplib::Response& res, std::string body, int status = 200);

// Writes an error with an explicit status (400, 401, 413, 429, ...) and code name; `reason`
// defaults to the code.
void WriteError(httplib::Response& res, int status, std::string_view code, std::string_view message,
                std::string_view field = {}, std::string_view reason = {},
                const core::Params& params = {});
// Writes a domain error with the status of its code.
void WriteError(httplib::Response& res, const core::Error& error);

// The JSON object of `params` ({"min": "0", ...}).
nlohmann::json ParamsJson(const core::Params& params);

// Every problem of one request body: 422 with the first as "error" (as WriteError) and all
// of them, in order, as "errors": [{field, reason, params, message}], so that a form can mark
// each field. `errors` must not be empty.
void WriteFieldErrors(httplib::Response& res, const std::vector<core::Error>& errors);

// Row errors of an import or a bulk write: [{line, field (when about one), reason, params,
// message}]; `line` is the file's line or the bulk row's 1-based position.
nlohmann::json RowErrorsJson(const std::vector<core::LineError>& errors);
// 422 {"error": {code invalid, reason rows_invalid, params {count}, message}, "rows": [...]}:
// nothing was written.
void WriteRowErrors(httplib::Response& res, const std::vector<core::LineError>& errors);

// The error body for a bare status (used by the server's error handler).
void WriteStatusError(httplib::Response& res);

}  // namespace grassroots::http
