// Finds an organization's position in an OrgTable by its code, to align rows read by code
// (scores, decisions, results) with the table's columns.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "core/org_table.h"

namespace grassroots::storage {

class CodeIndex {
 public:
  // Keeps a reference to `orgs`, which must outlive the index. A table sorted by code (as
  // LoadOrgTable returns it) is searched in place; any other gets a hash map.
  explicit CodeIndex(const core::OrgTable& orgs);

  // The index of `code`, or nullopt. `hint` is where the caller expects it: rows read in
  // code order pass the previous index + 1 and are found without a search.
  std::optional<std::uint32_t> Find(std::string_view code, std::uint32_t hint = 0) const;

 private:
  const core::OrgTable& orgs_;
  bool sorted_ = true;
  std::unordered_map<std::string_view, std::uint32_t> map_;
};

}  // namespace grassroots::storage
