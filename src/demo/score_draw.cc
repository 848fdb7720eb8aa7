#include "demo/score_draw.h"

#include <algorithm>

namespace grassroots::demo {

int NormalBaseTenths(std::uint64_t seed, std::uint64_t org_index, int year) {
  Rng quality(StreamSeed(seed, kTagQuality, org_index));
  // The sum of two uniforms: a triangle over [740, 920] peaking at 830.
  const int lasting = 740 + quality.Between(0, 90) + quality.Between(0, 90);
  Rng drift(StreamSeed(seed, kTagQuality, org_index, static_cast<std::uint64_t>(year)));
  return lasting + drift.Between(-30, 30);
}

std::array<double, core::kDimensionCount> DrawDimensions(Rng& rng, int base_tenths,
                                                         int spread_tenths) {
  std::array<double, core::kDimensionCount> values{};
  for (double& value : values) {
    const int tenths =
        std::clamp(base_tenths + rng.Between(-spread_tenths, spread_tenths), 400, 1000);
    value = tenths / 10.0;
  }
  return values;
}

}  // namespace grassroots::demo
