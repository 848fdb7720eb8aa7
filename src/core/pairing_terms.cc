#include "core/pairing_terms.h"

namespace grassroots::core {
namespace {

struct Names {
  std::string_view api;
  std::string_view chinese;
};

constexpr Names kTagNames[] = {
    {"weak_org", "软"}, {"poor", "穷"}, {"disorderly", "乱"}, {"specialized", "专业"}};
constexpr Names kCategoryNames[] = {{"party_gov", "党政"},
                                    {"economic", "经济"},
                                    {"political_legal", "政法"},
                                    {"agriculture", "涉农"}};

template <typename T, std::size_t N>
std::optional<T> Parse(std::string_view text, const Names (&names)[N]) {
  for (std::size_t i = 0; i < N; ++i) {
    if (text == names[i].api || text == names[i].chinese) return static_cast<T>(i);
  }
  return std::nullopt;
}

}  // namespace

std::string_view ToString(VillageTag tag) { return kTagNames[static_cast<int>(tag)].api; }

std::optional<VillageTag> ParseVillageTag(std::string_view text) {
  return Parse<VillageTag>(text, kTagNames);
}

std::string_view ToString(AgencyCategory category) {
  return kCategoryNames[static_cast<int>(category)].api;
}

std::optional<AgencyCategory> ParseAgencyCategory(std::string_view text) {
  return Parse<AgencyCategory>(text, kCategoryNames);
}

}  // namespace grassroots::core
