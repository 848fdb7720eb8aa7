// Organizations, members and their vocabularies (SPEC.md §1).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/lifecycle.h"

namespace grassroots::core {

// 党建类型: the six types an assessing unit ranks separately.
enum class OrgType : std::uint8_t { kVillage, kCommunity, kSoe, kNonpublic, kAgency, kInstitution };
inline constexpr int kOrgTypeCount = 6;
inline constexpr std::array<OrgType, kOrgTypeCount> kAllOrgTypes = {
    OrgType::kVillage,   OrgType::kCommunity, OrgType::kSoe,
    OrgType::kNonpublic, OrgType::kAgency,    OrgType::kInstitution};

// 基层党委 committee, 党总支 general branch, 党支部 branch.
enum class OrgKind : std::uint8_t { kCommittee, kGeneralBranch, kBranch };

// 流动党员 mobile, 失联 lost contact, 口袋党员 pocket (holds a transfer letter, registered
// nowhere), retired.
enum class MemberStatus : std::uint8_t { kRegular, kMobile, kLostContact, kPocket, kRetired };

// API names ("village") and Chinese labels ("农村").
std::string_view ToString(OrgType type);
std::string_view ChineseLabel(OrgType type);
std::string_view ToString(OrgKind kind);
std::string_view ChineseLabel(OrgKind kind);
std::string_view ToString(MemberStatus status);
std::string_view ChineseLabel(MemberStatus status);

// Accept the API name or a Chinese name (SPEC.md §7: 农村, 行政村, 社区, 国企, 非公, 机关,
// 事业单位; 党委, 党总支, 党支部). Surrounding spaces are ignored. nullopt when unknown.
std::optional<OrgType> ParseOrgType(std::string_view text);
std::optional<OrgKind> ParseOrgKind(std::string_view text);
std::optional<MemberStatus> ParseMemberStatus(std::string_view text);

// The assessing unit used when an import names none: a county deployment has just this one.
inline constexpr std::string_view kDefaultUnit = "default";

struct Organization {
  std::string code;
  std::string name;
  OrgType type = OrgType::kVillage;
  OrgKind kind = OrgKind::kBranch;
  std::string parent;  // the parent's code; empty for a direct organization (直属党组织)
  std::string secretary;
  std::string unit;  // the assessing unit's code; empty = the parent's, or kDefaultUnit
  // Set once the organization is dissolved or merged (core/lifecycle.h). Read with the record;
  // written only by ending it: imports and updates leave it as it is.
  std::optional<OrgEnd> end;
};

struct Member {
  std::string id;
  std::string name;
  std::string org;  // the organization's code
  MemberStatus status = MemberStatus::kRegular;
  std::string joined;  // YYYY-MM-DD or empty
  // Set once the member left (core/lifecycle.h); imports and updates leave it as it is.
  std::optional<MemberLeave> left;
};

}  // namespace grassroots::core
