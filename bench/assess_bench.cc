// The full 2016 assessment (composite, grades, ranks, quotas, selection, consecutive rule) at
// county, province and country scale, and the same selection as one SQLite query.
//   ./build/release/bench/assess_bench [--benchmark_filter=Country]
// Targets (the issue): country in under 0.5 s on one core, at least 50x faster than SQLite,
// under 1 GiB. Peak RSS is the process's, including the tables built from the generator.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <string>

#include "bench/bench_data.h"
#include "bench/sqlite_baseline.h"

namespace grassroots::bench {
namespace {

using demo::Scale;

// Mean engine time per scale, in ms, for the SQLite benchmark's ratio.
std::map<Scale, double>& EngineMs() {
  static std::map<Scale, double> ms;
  return ms;
}

double MsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

void AssessBench(benchmark::State& state, Scale scale) {
  const BenchData& data = DataFor(scale);
  core::AssessmentInput input;
  input.year = 2016;
  input.orgs = &data.orgs;
  input.scores = &data.scores;
  input.previous_selected.push_back(data.selected_2015);
  std::size_t selected = 0, consecutive = 0;
  double total_ms = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    auto result = core::Assess(data.policy, input);
    if (!result.ok()) {
      state.SkipWithError(result.error().message.c_str());
      return;
    }
    selected = result.value().SelectedCount();
    consecutive = static_cast<std::size_t>(
        std::count(result.value().consecutive.begin(), result.value().consecutive.end(), 1));
    benchmark::DoNotOptimize(result);
    total_ms += MsSince(start);
  }
  EngineMs()[scale] = total_ms / static_cast<double>(state.iterations());
  state.counters["orgs"] = static_cast<double>(data.orgs.size());
  state.counters["selected"] = static_cast<double>(selected);
  state.counters["consecutive"] = static_cast<double>(consecutive);
  state.counters["peak_rss_MiB"] = PeakRssMib();
  state.counters["build_s"] = data.build_seconds;
}

void SqliteBench(benchmark::State& state, Scale scale, bool indexed) {
  const BenchData& data = DataFor(scale);
  const auto baseline = std::make_unique<SqliteBaseline>(data, indexed);
  std::int64_t selected = 0;
  double total_ms = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    selected = baseline->Select();
    total_ms += MsSince(start);
  }
  const double sqlite_ms = total_ms / static_cast<double>(state.iterations());
  state.counters["orgs"] = static_cast<double>(baseline->rows());
  // Bottom quotas and computed grade D; the engine also counts committee grades D.
  state.counters["selected"] = static_cast<double>(selected);
  state.counters["load_s"] = baseline->load_seconds();
  state.counters["peak_rss_MiB"] = PeakRssMib();
  if (EngineMs().count(scale) && EngineMs()[scale] > 0) {
    state.counters["engine_speedup"] = sqlite_ms / EngineMs()[scale];
  }
}

void Register() {
  for (Scale scale : {Scale::kCounty, Scale::kProvince, Scale::kCountry}) {
    const std::string name(demo::ToString(scale));
    benchmark::RegisterBenchmark(("Assess/" + name).c_str(), AssessBench, scale)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    for (const bool indexed : {false, true}) {
      const std::string sqlite_name = (indexed ? "SqliteSelectIndexed/" : "SqliteSelect/") + name;
      auto* sqlite = benchmark::RegisterBenchmark(sqlite_name.c_str(), SqliteBench, scale, indexed);
      sqlite->Unit(benchmark::kMillisecond)->UseRealTime();
      // Seconds per run at country scale: once is enough.
      if (scale == Scale::kCountry) sqlite->Iterations(1);
    }
  }
}

}  // namespace
}  // namespace grassroots::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  grassroots::bench::Register();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
