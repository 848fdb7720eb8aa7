#include "demo/demo_data.h"

#include <algorithm>

#include "demo/county.h"
#include "demo/county_table.h"
#include "demo/large.h"

namespace grassroots::demo {

std::optional<Scale> ParseScale(std::string_view text) {
  if (text == "county") return Scale::kCounty;
  if (text == "province") return Scale::kProvince;
  if (text == "country") return Scale::kCountry;
  return std::nullopt;
}

std::string_view ToString(Scale scale) {
  switch (scale) {
    case Scale::kCounty:
      return "county";
    case Scale::kProvince:
      return "province";
    case Scale::kCountry:
      return "country";
  }
  return "county";
}

DemoShape ShapeOf(Scale scale) {
  switch (scale) {
    case Scale::kProvince:
      return LargeShape(kProvinceLayout);
    case Scale::kCountry:
      return LargeShape(kCountryLayout);
    case Scale::kCounty:
      break;
  }
  DemoShape shape;
  shape.units = 1;
  for (const CountyDirectOrg& direct : CountyDirectOrgs()) {
    ++shape.direct;
    if (direct.children.empty()) continue;
    shape.subordinate += 1 + static_cast<std::int64_t>(
                                 std::count(direct.children.begin(), direct.children.end(), '|'));
  }
  shape.members = kCountyMembers;
  shape.years = {kCountyFirstYear, kCountyLastYear};
  return shape;
}

void GenerateDemo(Scale scale, std::uint64_t seed, DemoSink& sink) {
  switch (scale) {
    case Scale::kCounty:
      return GenerateCounty(seed, sink);
    case Scale::kProvince:
      return GenerateLarge(kProvinceLayout, seed, sink);
    case Scale::kCountry:
      return GenerateLarge(kCountryLayout, seed, sink);
  }
}

}  // namespace grassroots::demo
