// Five-level support (五级包扶, issue 12, SPEC §3): the roles that support an organization under
// rectification, its visits and on-site sessions, work teams and special funds, and the rules
// every value obeys wherever it enters (the API, the demo). Pure. Storage keeps the values as
// checked here; amounts are whole fen so that sums are exact.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/organization.h"
#include "core/policy.h"

namespace grassroots::core {

enum class SupportRole : std::uint8_t {
  kContactLeader,   // 处级领导主管联系 a county leader in charge of contact
  kOrgGuide,        // 组织部门业务指导 the organization department's guide
  kPartnerAgency,   // 机关单位共建帮扶 a partner agency
  kSupervisor,      // 直属党委专人督办 the direct committee's supervisor
  kFirstSecretary,  // 第一书记驻村整顿 a first secretary posted to a village
};
inline constexpr SupportRole kAllSupportRoles[] = {
    SupportRole::kContactLeader, SupportRole::kOrgGuide, SupportRole::kPartnerAgency,
    SupportRole::kSupervisor, SupportRole::kFirstSecretary};
// "contact_leader", "org_guide", "partner_agency", "supervisor", "first_secretary".
std::string_view ToString(SupportRole role);
std::string_view ChineseLabel(SupportRole role);
std::optional<SupportRole> ParseSupportRole(std::string_view text);
inline constexpr std::string_view kSupportRoleNames =
    "contact_leader, org_guide, partner_agency, supervisor, first_secretary";

// Whether an organization of `type` takes `role`: a first secretary only in a village.
bool RoleFitsType(SupportRole role, OrgType type);

enum class VisitKind : std::uint8_t {
  kVisit,   // 走访 a visit
  kOnSite,  // 现场办公 an on-site working session
};
std::string_view ToString(VisitKind kind);  // "visit", "on_site"
std::string_view ChineseLabel(VisitKind kind);
std::optional<VisitKind> ParseVisitKind(std::string_view text);

// Lengths in characters.
inline constexpr std::size_t kMaxPersonLength = 100;  // a person's or agency's name
inline constexpr std::size_t kMaxPhoneLength = 32;
inline constexpr std::size_t kMaxSupportTextLength = 2000;  // what was solved, members, purpose
// A fund's largest amount: 100 million yuan, far above any county's grant and far below where
// sums of fen could overflow.
inline constexpr std::int64_t kMaxFundFen = 10'000'000'000;

// Who holds a role from `start_date`. `user_name`: their account, when they have one.
struct SupportAssignmentInput {
  int year = 0;
  SupportRole role = SupportRole::kContactLeader;
  std::string person;
  std::string agency;
  std::string user_name;
  std::string phone;
  std::string start_date;  // YYYY-MM-DD
};

struct VisitInput {
  int year = 0;
  std::string visit_date;
  VisitKind kind = VisitKind::kVisit;
  std::string visitor;
  std::string visitor_role;  // '' or a support role name
  std::string solved;
};

struct WorkTeamInput {
  int year = 0;
  std::string leader;
  std::string members;
  std::string agency;
  std::string start_date;
  std::string end_date;  // '' while the team stays
};

struct FundInput {
  int year = 0;
  std::int64_t amount_fen = 0;
  std::string purpose;
  std::string granted_on;
};

// One organization's support as a whole (the demo records it so): holders, visits, teams, funds.
struct OrgSupport {
  std::string code;
  OrgType type = OrgType::kVillage;
  std::vector<SupportAssignmentInput> assignments;
  std::vector<VisitInput> visits;
  std::vector<WorkTeamInput> work_teams;
  std::vector<FundInput> funds;
};

// Each check answers the first problem as kInvalid naming the field ("year", "person",
// "start_date", ...) with a reason: empty, too_long {max}, control_characters, not_a_date,
// date_out_of_range {min, max}, year_out_of_range, unknown_value {value, accepted},
// amount_out_of_range {min, max}, end_before_start; and a role the organization's type does
// not take: support_role_not_for_type {role, type}. `today` is the county's day: a visit or a
// grant has happened (not after today); a holder or a team may be planned up to a year ahead.
Status CheckAssignment(const SupportAssignmentInput& input, OrgType type, const CivilDate& today);
Status CheckVisit(const VisitInput& input, const CivilDate& today);
Status CheckWorkTeam(const WorkTeamInput& input, const CivilDate& today);
Status CheckFund(const FundInput& input, const CivilDate& today);

// Who records an organization's support (its holders, visits, teams, funds): admin, and the
// unit_admin of a direct organization it lies within. Everyone whose scope covers it reads it
// (core::MayAccessOrganization, kRead). `ancestry` as access.h.
bool MayEditSupport(const Principal& who, std::span<const std::string> ancestry);

// The special fund an organization of `type` is granted by default: the policy's village fund
// for a village ([support] village_fund_yuan), none for the others.
std::int64_t DefaultFundFen(const Policy& policy, OrgType type);

}  // namespace grassroots::core
