// The assessment engine's input for 2016 at one demo scale, built in memory from the generator.
#pragma once

#include <cstdint>
#include <vector>

#include "core/assessment.h"
#include "core/policy.h"
#include "demo/demo_data.h"

namespace grassroots::bench {

struct BenchData {
  demo::Scale scale = demo::Scale::kCounty;
  core::Policy policy;
  core::OrgTable orgs;
  core::YearScores scores;                  // 2016
  std::vector<std::uint8_t> selected_2015;  // assessed while loading, as `assess` would
  double build_seconds = 0;
};

// The data of `scale` (seed demo::kDefaultSeed). Builds it on first use and keeps only one scale
// at a time: the country's tables take about 500 MB. Not thread-safe.
const BenchData& DataFor(demo::Scale scale);

// The process's peak resident set so far, in MiB (getrusage ru_maxrss).
double PeakRssMib();

}  // namespace grassroots::bench
