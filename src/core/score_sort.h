// The engine's hot loop (assessment.cc): sorting the scored organizations of one ranking group
// by score. Each is one sortable word — group (unit x type) in the top 18 bits, score in
// hundredths in the next 14, the organization's index in the low 32 — so sorting the words
// sorts by group, then score, then index.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace grassroots::core {

inline constexpr int kCentsShift = 32;
inline constexpr int kGroupShift = 46;
inline constexpr std::size_t kMaxGroups = std::size_t{1} << 18;

inline std::uint64_t PackScored(std::size_t group, std::int32_t cents, std::uint32_t org) {
  return static_cast<std::uint64_t>(group) << kGroupShift |
         static_cast<std::uint64_t>(cents) << kCentsShift | org;
}
inline std::uint32_t OrgOf(std::uint64_t item) { return static_cast<std::uint32_t>(item); }
inline std::int32_t CentsOf(std::uint64_t item) {
  return static_cast<std::int32_t>((item >> kCentsShift) & 0x3FFF);
}

// From this size on a group is radix sorted; below it std::sort is quicker.
inline constexpr std::size_t kRadixSortFrom = 48;

// Sorts one group's words ascending. They must share the group bits and come in ascending index
// order (as the engine fills them): the radix sort (a stable two-pass sort on the 14 score
// bits, both passes in the L1 cache for a group of a few hundred) then gives exactly the order
// of std::sort. `scratch` is reused between calls.
void SortGroupByScore(std::span<std::uint64_t> group, std::vector<std::uint64_t>& scratch);

}  // namespace grassroots::core
