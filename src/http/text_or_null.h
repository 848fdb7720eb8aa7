// An optional text in a JSON answer: null when empty, so a client tells "not set" from a value.
// Shared by the route files, which the unity build compiles as one translation unit.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace grassroots::http {

inline nlohmann::json TextOrNull(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

}  // namespace grassroots::http
