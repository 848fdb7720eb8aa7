// The county scale of the demo (see GenerateDemo).
#pragma once

#include <cstdint>

#include "demo/demo_data.h"

namespace grassroots::demo {

inline constexpr std::int64_t kCountyMembers = 2'754;
inline constexpr int kCountyFirstYear = 2015;
inline constexpr int kCountyLastYear = 2016;

void GenerateCounty(std::uint64_t seed, DemoSink& sink);

}  // namespace grassroots::demo
