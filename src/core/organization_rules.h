// The rules of an organization's and a member's record (SPEC.md §1, §7), written once: the CSV
// imports, POST/PUT /organizations, POST /members and the dry run all call these. Pure.
//
// Reasons (besides field_rules.h's): own_parent {code}.
#pragma once

#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/organization.h"

namespace grassroots::core {

// What a person who typed an unknown name is told is accepted: the API names and the Chinese
// names of SPEC.md §7 (the parsers accept a few more synonyms, listed nowhere).
inline constexpr std::string_view kOrgTypeNames =
    "village, community, soe, nonpublic, agency, institution or 农村, 行政村, 社区, 国企, 非公, "
    "机关, 事业单位";
inline constexpr std::string_view kOrgKindNames =
    "committee, general_branch, branch or 党委, 党总支, 党支部";
inline constexpr std::string_view kMemberStatusNames =
    "regular, mobile, lost_contact, pocket, retired or 正式党员, 流动党员, 失联党员, 口袋党员, "
    "退休党员";

// The vocabularies by API or Chinese name; fields "type", "kind" and "status".
Result<OrgType> ReadOrgType(std::string_view text);
Result<OrgKind> ReadOrgKind(std::string_view text);
Result<MemberStatus> ReadMemberStatus(std::string_view text);

// An organization: its code; a name (1..kMaxNameLength characters); the parent's and the
// assessing unit's codes when given, the parent not the organization itself; the secretary's
// name when given. Errors in field order. Rules across rows (duplicates, missing parents,
// cycles) are core::ValidateOrganizations'.
std::vector<Error> CheckOrganization(const Organization& org);

// A member: id, name and organization code; `joined` when given a real day from
// kEarliestDate to `today` (the county's day of the caller's clock). Errors in field order.
std::vector<Error> CheckMember(const Member& member, const CivilDate& today);

}  // namespace grassroots::core
