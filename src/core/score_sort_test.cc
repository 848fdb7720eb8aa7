// The radix sort of large ranking groups gives exactly std::sort's order: random groups of
// sizes around and above the threshold, scores with many ties, the extremes 0.00 and 100.00.
#include "core/score_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace grassroots::core {
namespace {

// A group as the engine builds it: one group number, indices ascending, random scores drawn
// from `distinct` values so that ties are common when it is small.
std::vector<std::uint64_t> RandomGroup(std::mt19937& rng, std::size_t size, int distinct,
                                       std::size_t group) {
  std::uniform_int_distribution<int> pick(0, distinct - 1);
  std::uniform_int_distribution<std::uint32_t> gap(1, 5);
  std::vector<std::uint64_t> items;
  std::uint32_t org = gap(rng);
  for (std::size_t i = 0; i < size; ++i) {
    const int cents = distinct == 1 ? 10000 : pick(rng) * 10000 / (distinct - 1);
    items.push_back(PackScored(group, cents, org));
    org += gap(rng);
  }
  return items;
}

TEST(ScoreSort, LargeGroupsSortExactlyAsStdSort) {
  std::mt19937 rng(2016);
  std::vector<std::uint64_t> scratch;
  int radix_sorted = 0;
  for (std::size_t size :
       {2u, 3u, 17u, 46u, 47u, 48u, 49u, 50u, 63u, 64u, 127u, 128u, 129u, 200u, 1000u, 4099u}) {
    for (int distinct : {1, 2, 7, 100, 10001}) {
      SCOPED_TRACE("size " + std::to_string(size) + ", " + std::to_string(distinct) + " scores");
      std::vector<std::uint64_t> items = RandomGroup(rng, size, distinct, 261000 + size);
      std::vector<std::uint64_t> expected = items;
      std::sort(expected.begin(), expected.end());
      SortGroupByScore(items, scratch);
      ASSERT_EQ(items, expected);
      radix_sorted += size >= kRadixSortFrom;
    }
  }
  EXPECT_EQ(radix_sorted, 11 * 5);  // the radix path ran, not only std::sort
}

TEST(ScoreSort, TiesKeepIndexOrderAndScoresRoundTrip) {
  std::vector<std::uint64_t> items;
  for (std::uint32_t org = 0; org < 60; ++org) items.push_back(PackScored(3, org % 3 * 5000, org));
  std::vector<std::uint64_t> scratch;
  SortGroupByScore(items, scratch);
  ASSERT_EQ(items.size(), 60u);
  for (std::size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(CentsOf(items[i]), static_cast<std::int32_t>(i / 20 * 5000));
    EXPECT_EQ(OrgOf(items[i]) % 3, i / 20);  // 0, 3, 6, ... then 1, 4, ... then 2, 5, ...
    if (i % 20 != 0) {
      EXPECT_LT(OrgOf(items[i - 1]), OrgOf(items[i]));
    }
  }
}

}  // namespace
}  // namespace grassroots::core
