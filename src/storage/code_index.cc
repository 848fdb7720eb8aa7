#include "storage/code_index.h"

#include <algorithm>

namespace grassroots::storage {

CodeIndex::CodeIndex(const core::OrgTable& orgs)
    : orgs_(orgs), sorted_(std::is_sorted(orgs.code.begin(), orgs.code.end())) {
  if (sorted_) return;
  map_.reserve(orgs.size());
  for (std::uint32_t i = 0; i < orgs.size(); ++i) map_.emplace(orgs.code[i], i);
}

std::optional<std::uint32_t> CodeIndex::Find(std::string_view code, std::uint32_t hint) const {
  const auto& codes = orgs_.code;
  if (!sorted_) {
    const auto it = map_.find(code);
    if (it == map_.end()) return std::nullopt;
    return it->second;
  }
  if (hint < codes.size() && codes[hint] == code) return hint;
  const auto it = std::lower_bound(codes.begin(), codes.end(), code,
                                   [](const std::string& a, std::string_view b) { return a < b; });
  if (it == codes.end() || *it != code) return std::nullopt;
  return static_cast<std::uint32_t>(it - codes.begin());
}

}  // namespace grassroots::storage
