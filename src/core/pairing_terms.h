// The words of 百局联百村 (issue 14): the problems a weak village is tagged with and the
// categories of the county's partner agencies, and which category takes which problem (the
// policy's [pairing] section, core::Policy::pairing). Pure.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace grassroots::core {

// A village's problem, in the article's order (软, 穷, 乱, 专业).
enum class VillageTag : std::uint8_t { kWeakOrg, kPoor, kDisorderly, kSpecialized };
inline constexpr std::array<VillageTag, 4> kAllVillageTags = {
    VillageTag::kWeakOrg, VillageTag::kPoor, VillageTag::kDisorderly, VillageTag::kSpecialized};
std::string_view ToString(VillageTag tag);  // weak_org, poor, disorderly, specialized
// The API name, or the Chinese one (软, 穷, 乱, 专业).
std::optional<VillageTag> ParseVillageTag(std::string_view text);

// A partner agency's category (机关单位的类别).
enum class AgencyCategory : std::uint8_t { kPartyGov, kEconomic, kPoliticalLegal, kAgriculture };
inline constexpr std::array<AgencyCategory, 4> kAllAgencyCategories = {
    AgencyCategory::kPartyGov, AgencyCategory::kEconomic, AgencyCategory::kPoliticalLegal,
    AgencyCategory::kAgriculture};
// party_gov, economic, political_legal, agriculture
std::string_view ToString(AgencyCategory category);
// The API name, or the Chinese one (党政, 经济, 政法, 涉农).
std::optional<AgencyCategory> ParseAgencyCategory(std::string_view text);

// Which category of agency a village with each tag is paired with, indexed by VillageTag. The
// defaults are the article's (Mohe 2016: 党政部门进"软"村, 经济部门进"穷"村, 政法部门进"乱"村,
// 涉农部门进"专业"村); a county that rules otherwise sets [pairing] in its policy file.
struct PairingMatch {
  std::array<AgencyCategory, 4> category{AgencyCategory::kPartyGov, AgencyCategory::kEconomic,
                                         AgencyCategory::kPoliticalLegal,
                                         AgencyCategory::kAgriculture};
  AgencyCategory For(VillageTag tag) const { return category[static_cast<int>(tag)]; }
};

}  // namespace grassroots::core
