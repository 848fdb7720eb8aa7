// Path and query parameters of a Call that several route files read the same way; each writes
// the 404 or 422 itself and answers nullopt. One copy: the unity build compiles the route
// files as one translation unit.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <system_error>

#include "core/field_rules.h"
#include "http/errors.h"
#include "http/route.h"

namespace grassroots::http {

// The path's id, a positive number; otherwise 404 `reason` {id}, "no `what` with id ...", as
// for an id never used.
inline std::optional<std::int64_t> PathId(Call& call, const char* reason, const std::string& what) {
  const std::string text = call.req.matches.size() > 1 ? call.req.matches[1].str() : "";
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    const std::string shown = text.size() > 20 ? text.substr(0, 20) : text;
    WriteError(call.res, 404, "not_found", "no " + what + " with id " + shown, "id", reason,
               {{"id", shown}});
    return std::nullopt;
  }
  return id;
}

// ?year, required: 422 "required" or "year_out_of_range" {value, min, max} otherwise. (The
// lists' QueryYear, http/list_filters.h, words a bad year as core::CheckYear does instead.)
inline std::optional<int> RequiredQueryYear(Call& call) {
  const std::string text = call.req.has_param("year") ? call.req.get_param_value("year") : "";
  const bool digits = !text.empty() && text.size() <= 4 &&
                      text.find_first_not_of("0123456789") == std::string::npos;
  const int year = digits ? std::stoi(text) : 0;
  if (!digits || !core::IsValidYear(year)) {
    WriteError(call.res, 422, "invalid", "year must be a year from 1900 to 2200", "year",
               text.empty() ? "required" : "year_out_of_range",
               {{"value", text.substr(0, 16)}, {"min", "1900"}, {"max", "2200"}});
    return std::nullopt;
  }
  return year;
}

}  // namespace grassroots::http
