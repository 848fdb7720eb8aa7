// Reading request input strictly: malformed JSON is 400 (reason not_json); an unknown field
// (unknown_field {field}), a missing one (required) or a value of the wrong type (wrong_type
// {expected}: string, number, boolean, object, array) is 422 naming the field; path and query
// parameters are checked before use. The Get* functions write the error response themselves
// and return nullopt/false on failure; the Read* functions return the error instead, for
// callers that report every problem of a body at once (bulk rows). What a value may be is
// core's (core/field_rules.h).
#pragma once

#include <httplib.h>

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "storage/store.h"

namespace grassroots::http {

// The body as a JSON object (or array when `array` is set). 400 when it does not parse.
std::optional<nlohmann::json> ParseBody(const httplib::Request& req, httplib::Response& res,
                                        bool array = false);

// An invalid-input error naming `field`, with its stable reason and params.
core::Error FieldError(std::string_view field, std::string message, std::string reason,
                       core::Params params = {});

// The error for the first key of `object` not in `allowed`.
std::optional<core::Error> UnknownField(const nlohmann::json& object,
                                        std::initializer_list<std::string_view> allowed);
// Typed fields. `required` false: a missing key leaves `out` unchanged and is no error.
std::optional<core::Error> ReadString(const nlohmann::json& object, std::string_view key,
                                      std::string& out, bool required);
std::optional<core::Error> ReadNumber(const nlohmann::json& object, std::string_view key,
                                      double& out, bool required);

// 422 naming the first key of `object` not in `allowed`.
bool OnlyFields(const nlohmann::json& object, std::initializer_list<std::string_view> allowed,
                httplib::Response& res);

// Typed fields. `required` false: a missing key leaves `out` unchanged and succeeds.
bool GetString(const nlohmann::json& object, const char* key, std::string& out, bool required,
               httplib::Response& res);
bool GetBool(const nlohmann::json& object, const char* key, bool& out, bool required,
             httplib::Response& res);
bool GetNumber(const nlohmann::json& object, const char* key, double& out, bool required,
               httplib::Response& res);
// A whole number field (a year, an amount in fen) into `out`; 422 wrong_type {expected: integer}
// when it has a fraction. Values far out of range are kept out of range, for core's rules to name.
bool GetInteger(const nlohmann::json& object, const char* key, std::int64_t& out, bool required,
                httplib::Response& res);

// core::IsValidCode: what a code may be, for path and query parameters.
bool IsValidCode(std::string_view code);
// The path parameter `index` as an organization code; 404 when it is not a valid code.
std::optional<std::string> PathCode(const httplib::Request& req, httplib::Response& res,
                                    std::size_t index = 1);
// The path parameter `index` as a year (core::kMinYear..kMaxYear); 404 otherwise.
std::optional<int> PathYear(const httplib::Request& req, httplib::Response& res, std::size_t index);

// ?offset and ?limit: defaults 0 and 50, limit at most 1000; 422 when not numbers.
bool PageParams(const httplib::Request& req, std::int64_t& offset, std::int64_t& limit,
                httplib::Response& res);
// A query parameter that must be valid UTF-8 (422 otherwise); empty when absent.
std::optional<std::string> QueryText(const httplib::Request& req, const char* key,
                                     httplib::Response& res);
bool IsValidUtf8(std::string_view text);  // core::IsValidUtf8
// ?unit, ?type, ?parent, ?q and ?direct (true|false) into `filter`, the filters every list of
// organizations, scores and results takes; false (and a 422 written) when one is malformed.
bool OrgFilterParams(const httplib::Request& req, storage::OrgFilter& filter,
                     httplib::Response& res);

}  // namespace grassroots::http
