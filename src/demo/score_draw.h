// Drawing an organization's six dimension scores for a year.
#pragma once

#include <array>
#include <cstdint>

#include "core/score.h"
#include "demo/rng.h"

namespace grassroots::demo {

// The streams of the demo generator (see StreamSeed): one tag per kind of value, so adding a
// draw to one kind never shifts the values of another.
enum StreamTag : std::uint64_t {
  kTagQuality = 1,  // an organization's lasting quality
  kTagYear,         // its scores in one year
  kTagNames,        // names and secretaries
  kTagMembers,      // members
  kTagWeak,         // whether a scaled-up organization is weak
};

// A normal organization's typical dimension score in `year`, in tenths: a lasting quality
// between 74 and 92 (most near 83) that drifts by up to 3 points a year. With a spread of 7
// points per dimension, its composite stays above 69: never grade D, and always above a weak
// organization's.
int NormalBaseTenths(std::uint64_t seed, std::uint64_t org_index, int year);

// Six values around `base_tenths` (± spread_tenths, uniform), clamped to [40, 100] and carrying
// exactly one decimal, as an assessor writes them.
std::array<double, core::kDimensionCount> DrawDimensions(Rng& rng, int base_tenths,
                                                         int spread_tenths);

inline constexpr int kNormalSpreadTenths = 70;
inline constexpr int kWeakSpreadTenths = 60;

}  // namespace grassroots::demo
