#include "core/organization.h"

#include <utility>

namespace grassroots::core {
namespace {

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

template <typename E, std::size_t N>
std::optional<E> Lookup(const std::pair<std::string_view, E> (&names)[N], std::string_view text) {
  const std::string_view wanted = Trim(text);
  for (const auto& [name, value] : names) {
    if (name == wanted) return value;
  }
  return std::nullopt;
}

constexpr std::pair<std::string_view, OrgType> kTypeNames[] = {
    {"village", OrgType::kVillage},
    {"农村", OrgType::kVillage},
    {"行政村", OrgType::kVillage},
    {"community", OrgType::kCommunity},
    {"社区", OrgType::kCommunity},
    {"soe", OrgType::kSoe},
    {"国企", OrgType::kSoe},
    {"国有企业", OrgType::kSoe},
    {"nonpublic", OrgType::kNonpublic},
    {"非公", OrgType::kNonpublic},
    {"非公企业", OrgType::kNonpublic},
    {"agency", OrgType::kAgency},
    {"机关", OrgType::kAgency},
    {"institution", OrgType::kInstitution},
    {"事业单位", OrgType::kInstitution},
};

constexpr std::pair<std::string_view, OrgKind> kKindNames[] = {
    {"committee", OrgKind::kCommittee},  {"党委", OrgKind::kCommittee},
    {"基层党委", OrgKind::kCommittee},   {"general_branch", OrgKind::kGeneralBranch},
    {"党总支", OrgKind::kGeneralBranch}, {"branch", OrgKind::kBranch},
    {"党支部", OrgKind::kBranch},
};

constexpr std::pair<std::string_view, MemberStatus> kStatusNames[] = {
    {"regular", MemberStatus::kRegular},
    {"正式党员", MemberStatus::kRegular},
    {"mobile", MemberStatus::kMobile},
    {"流动党员", MemberStatus::kMobile},
    {"lost_contact", MemberStatus::kLostContact},
    {"失联党员", MemberStatus::kLostContact},
    {"失联", MemberStatus::kLostContact},
    {"pocket", MemberStatus::kPocket},
    {"口袋党员", MemberStatus::kPocket},
    {"retired", MemberStatus::kRetired},
    {"退休", MemberStatus::kRetired},
    {"退休党员", MemberStatus::kRetired},
};

}  // namespace

std::string_view ToString(OrgType type) {
  static constexpr std::string_view kNames[] = {"village",   "community", "soe",
                                                "nonpublic", "agency",    "institution"};
  return kNames[static_cast<int>(type)];
}

std::string_view ChineseLabel(OrgType type) {
  static constexpr std::string_view kLabels[] = {"农村",     "社区", "国有企业",
                                                 "非公企业", "机关", "事业单位"};
  return kLabels[static_cast<int>(type)];
}

std::string_view ToString(OrgKind kind) {
  static constexpr std::string_view kNames[] = {"committee", "general_branch", "branch"};
  return kNames[static_cast<int>(kind)];
}

std::string_view ChineseLabel(OrgKind kind) {
  static constexpr std::string_view kLabels[] = {"党委", "党总支", "党支部"};
  return kLabels[static_cast<int>(kind)];
}

std::string_view ToString(MemberStatus status) {
  static constexpr std::string_view kNames[] = {"regular", "mobile", "lost_contact", "pocket",
                                                "retired"};
  return kNames[static_cast<int>(status)];
}

std::string_view ChineseLabel(MemberStatus status) {
  static constexpr std::string_view kLabels[] = {"正式党员", "流动党员", "失联党员", "口袋党员",
                                                 "退休党员"};
  return kLabels[static_cast<int>(status)];
}

std::optional<OrgType> ParseOrgType(std::string_view text) { return Lookup(kTypeNames, text); }
std::optional<OrgKind> ParseOrgKind(std::string_view text) { return Lookup(kKindNames, text); }
std::optional<MemberStatus> ParseMemberStatus(std::string_view text) {
  return Lookup(kStatusNames, text);
}

}  // namespace grassroots::core
