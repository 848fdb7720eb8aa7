// Test helpers shared by the core tests: one copy, so that the tests still compile as one unity
// translation unit (CMAKE_UNITY_BUILD). Test-only.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/access.h"
#include "core/error.h"

namespace grassroots::core {

// "reason" of a failed check, or "ok".
inline std::string ReasonOf(const Status& status) {
  return status.ok() ? "ok" : status.error().reason;
}

// "field" of a failed check, or "" when it passed.
inline std::string FieldOf(const Status& status) { return status.ok() ? "" : status.error().field; }

// "field:reason" of each error, in order.
inline std::vector<std::string> Found(const std::vector<Error>& errors) {
  std::vector<std::string> out;
  for (const Error& e : errors) out.push_back(e.field + ":" + e.reason);
  return out;
}

// A user acting with `role` over the organizations of `scope`.
inline Principal Who(Role role, std::vector<std::string> scope = {}) {
  return {1, "someone", role, std::move(scope)};
}

}  // namespace grassroots::core
