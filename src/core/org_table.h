// The organizations of a deployment in columns, indexed by position: the form the assessment
// engine reads. Columns keep a country's 5.2 million organizations compact and cache-friendly.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/organization.h"

namespace grassroots::core {

inline constexpr std::int32_t kNoParent = -1;

struct OrgTable {
  std::vector<std::string> code;
  std::vector<OrgType> type;
  std::vector<std::uint32_t> unit;   // index into unit_codes
  std::vector<std::int32_t> parent;  // index of the parent, or kNoParent
  std::vector<std::string> unit_codes;

  std::size_t size() const { return code.size(); }
  void Reserve(std::size_t n);
  // Appends one organization; `parent` must already be an index (or kNoParent).
  void Add(std::string org_code, OrgType org_type, std::uint32_t org_unit, std::int32_t org_parent);
};

}  // namespace grassroots::core
