#include "core/score_sort.h"

#include <algorithm>
#include <array>
#include <numeric>

namespace grassroots::core {

void SortGroupByScore(std::span<std::uint64_t> group, std::vector<std::uint64_t>& scratch) {
  if (group.size() < 2) return;
  if (group.size() < kRadixSortFrom) {
    std::sort(group.begin(), group.end());
    return;
  }
  scratch.resize(group.size());
  constexpr int kDigitBits = 7;
  constexpr std::size_t kDigits = std::size_t{1} << kDigitBits;
  std::span<std::uint64_t> from = group;
  std::span<std::uint64_t> to(scratch.data(), group.size());
  for (int shift = kCentsShift; shift < kGroupShift; shift += kDigitBits) {
    std::array<std::uint32_t, kDigits + 1> start{};
    for (std::uint64_t item : from) ++start[((item >> shift) & (kDigits - 1)) + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    for (std::uint64_t item : from) to[start[(item >> shift) & (kDigits - 1)]++] = item;
    std::swap(from, to);
  }
  // Two passes: the sorted items are back in `group`.
}

}  // namespace grassroots::core
