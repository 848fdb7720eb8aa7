// The province and country scales of the demo: the county's kind of tree repeated over many
// assessing units, generated block by block so that memory stays flat at 5.2 million
// organizations.
#pragma once

#include <cstdint>
#include <string_view>

#include "demo/demo_data.h"

namespace grassroots::demo {

struct LargeLayout {
  std::string_view unit_prefix;  // unit codes are the prefix and a zero-padded number
  int unit_digits;
  int units;
  std::int64_t orgs;
};

// No members at these scales: the benchmarks assess organizations, and 99 million member rows
// would only slow the generator down.
inline constexpr LargeLayout kProvinceLayout{"P", 3, 100, 300'000};
inline constexpr LargeLayout kCountryLayout{"C", 4, 2'800, 5'200'000};

DemoShape LargeShape(const LargeLayout& layout);
void GenerateLarge(const LargeLayout& layout, std::uint64_t seed, DemoSink& sink);

}  // namespace grassroots::demo
