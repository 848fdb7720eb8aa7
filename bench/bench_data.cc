#include "bench/bench_data.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "demo/table_sink.h"

namespace grassroots::bench {
namespace {

std::unique_ptr<BenchData> Build(demo::Scale scale) {
  const auto start = std::chrono::steady_clock::now();
  auto data = std::make_unique<BenchData>();
  data->scale = scale;
  data->policy = core::MoheDefaultPolicy();
  const demo::DemoShape shape = demo::ShapeOf(scale);
  demo::TableSink sink(
      [&](const core::OrgTable& orgs, int year, core::YearScores&& scores) {
        if (year == 2016) {
          data->scores = std::move(scores);
          return;
        }
        // 2015: assess it now and keep only the selection, so that two years of scores are
        // never in memory together.
        core::AssessmentInput input;
        input.year = year;
        input.orgs = &orgs;
        input.scores = &scores;
        auto result = core::Assess(data->policy, input);
        if (!result.ok()) {
          std::fprintf(stderr, "assessing %d failed: %s\n", year, result.error().message.c_str());
          std::exit(1);
        }
        data->selected_2015 = std::move(result.value().selected);
      },
      static_cast<std::size_t>(shape.direct + shape.subordinate));
  demo::GenerateDemo(scale, demo::kDefaultSeed, sink);
  sink.Finish();
  data->orgs = sink.TakeOrgs();
  data->build_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return data;
}

}  // namespace

const BenchData& DataFor(demo::Scale scale) {
  static std::unique_ptr<BenchData> current;
  if (current == nullptr || current->scale != scale) {
    current.reset();  // free the previous scale before building the next
    current = Build(scale);
  }
  return *current;
}

double PeakRssMib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

}  // namespace grassroots::bench
