// Demo data shaped like Mohe county (SPEC.md §1–§2), and the same shape scaled up to a province
// and to the whole country for benchmarks. Pure: values go to a DemoSink, nothing touches files.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/organization.h"
#include "core/score.h"

namespace grassroots::demo {

enum class Scale { kCounty, kProvince, kCountry };

// "county", "province" or "country"; nullopt otherwise.
std::optional<Scale> ParseScale(std::string_view text);
std::string_view ToString(Scale scale);

// Receives the generated data in order: all organizations (a parent always before its
// children), then all members, then the scores year by year (each year in organization order).
// The references are valid only during the call.
class DemoSink {
 public:
  virtual ~DemoSink() = default;
  virtual void OnOrganization(const core::Organization& org) = 0;
  virtual void OnMember(const core::Member& member) = 0;
  virtual void OnScore(const core::ScoreRecord& score) = 0;
};

// What GenerateDemo emits at a scale, whatever the seed: the tree's shape is fixed, the seed
// only varies names, secretaries, members' details and scores.
struct DemoShape {
  int units = 0;                 // assessing units (a county deployment has 1)
  std::int64_t direct = 0;       // 直属党组织
  std::int64_t subordinate = 0;  // second-level branches (所属党支部)
  std::int64_t members = 0;
  std::vector<int> years;  // years with a score for every organization
};

DemoShape ShapeOf(Scale scale);

// The seed of `grassroots demo`, chosen so that under the Mohe policy the county tells the
// article's story exactly: 14 organizations selected in 2016, of which the 4 weak in both years
// (2 direct, 2 second-level) lead to 6 secretaries' removal being proposed (the article's 6
// organizational adjustments). Other seeds select 14–16 with 4–8 consecutive.
inline constexpr std::uint64_t kDefaultSeed = 2015;

// Streams the demo data of `scale` into `sink`. Same scale and seed give byte-identical data.
// County: 39 direct + 189 subordinate organizations of all six types, 2,754 members, scores
// for 2015 and 2016 with a few organizations weak in both years. Province: 300,000
// organizations over 100 units; country: 5,200,000 over 2,800 units; both without members.
// Memory stays small at every scale: nothing is accumulated.
void GenerateDemo(Scale scale, std::uint64_t seed, DemoSink& sink);

}  // namespace grassroots::demo
