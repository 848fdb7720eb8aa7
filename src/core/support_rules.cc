#include "core/support_rules.h"

#include "core/field_rules.h"

namespace grassroots::core {
namespace {

// A planned start may lie this far after today; a later one is a slip of the year.
constexpr std::int64_t kPlanAheadDays = 366;

CivilDate PlanAhead(const CivilDate& today) {
  return CivilFromDays(DaysFromCivil(today) + kPlanAheadDays);
}

Status CheckPerson(std::string_view field, std::string_view text, bool required) {
  return CheckName(field, text, required, kMaxPersonLength);
}

// Returns from the enclosing function with the first failure.
#define GRASSROOTS_CHECK(expr)                \
  do {                                        \
    if (Status s = (expr); !s.ok()) return s; \
  } while (0)

}  // namespace

std::string_view ToString(SupportRole role) {
  switch (role) {
    case SupportRole::kContactLeader:
      return "contact_leader";
    case SupportRole::kOrgGuide:
      return "org_guide";
    case SupportRole::kPartnerAgency:
      return "partner_agency";
    case SupportRole::kSupervisor:
      return "supervisor";
    case SupportRole::kFirstSecretary:
      return "first_secretary";
  }
  return "";
}

std::string_view ChineseLabel(SupportRole role) {
  switch (role) {
    case SupportRole::kContactLeader:
      return "处级领导主管联系";
    case SupportRole::kOrgGuide:
      return "组织部门业务指导";
    case SupportRole::kPartnerAgency:
      return "机关单位共建帮扶";
    case SupportRole::kSupervisor:
      return "直属党委专人督办";
    case SupportRole::kFirstSecretary:
      return "第一书记";
  }
  return "";
}

std::optional<SupportRole> ParseSupportRole(std::string_view text) {
  for (SupportRole role : kAllSupportRoles) {
    if (text == ToString(role)) return role;
  }
  return std::nullopt;
}

bool RoleFitsType(SupportRole role, OrgType type) {
  return role != SupportRole::kFirstSecretary || type == OrgType::kVillage;
}

std::string_view ToString(VisitKind kind) {
  return kind == VisitKind::kOnSite ? "on_site" : "visit";
}

std::string_view ChineseLabel(VisitKind kind) {
  return kind == VisitKind::kOnSite ? "现场办公" : "走访";
}

std::optional<VisitKind> ParseVisitKind(std::string_view text) {
  if (text == "visit") return VisitKind::kVisit;
  if (text == "on_site") return VisitKind::kOnSite;
  return std::nullopt;
}

Status CheckAssignment(const SupportAssignmentInput& input, OrgType type, const CivilDate& today) {
  GRASSROOTS_CHECK(CheckYear("year", input.year));
  if (!RoleFitsType(input.role, type)) {
    const std::string role(ToString(input.role));
    const std::string type_name(ToString(type));
    return Error::Invalid("role: a " + role + " supports villages only, not a " + type_name, "role")
        .With("support_role_not_for_type", {{"role", role}, {"type", type_name}});
  }
  GRASSROOTS_CHECK(CheckPerson("person", input.person, true));
  GRASSROOTS_CHECK(CheckPerson("agency", input.agency, false));
  GRASSROOTS_CHECK(CheckPerson("user_name", input.user_name, false));
  GRASSROOTS_CHECK(CheckName("phone", input.phone, false, kMaxPhoneLength));
  return CheckDate("start_date", input.start_date, PlanAhead(today));
}

Status CheckVisit(const VisitInput& input, const CivilDate& today) {
  GRASSROOTS_CHECK(CheckYear("year", input.year));
  GRASSROOTS_CHECK(CheckDate("visit_date", input.visit_date, today));
  GRASSROOTS_CHECK(CheckPerson("visitor", input.visitor, true));
  if (!input.visitor_role.empty() && !ParseSupportRole(input.visitor_role)) {
    return VocabularyError("visitor_role", input.visitor_role, kSupportRoleNames);
  }
  return CheckText("solved", input.solved, kMaxSupportTextLength);
}

Status CheckWorkTeam(const WorkTeamInput& input, const CivilDate& today) {
  GRASSROOTS_CHECK(CheckYear("year", input.year));
  GRASSROOTS_CHECK(CheckPerson("leader", input.leader, true));
  GRASSROOTS_CHECK(CheckText("members", input.members, kMaxSupportTextLength));
  GRASSROOTS_CHECK(CheckPerson("agency", input.agency, false));
  GRASSROOTS_CHECK(CheckDate("start_date", input.start_date, PlanAhead(today)));
  if (input.end_date.empty()) return Status::Ok();
  const CivilDate latest{kMaxYear, 12, 31};
  GRASSROOTS_CHECK(CheckDate("end_date", input.end_date, latest));
  if (*ParseIsoDate(input.end_date) < *ParseIsoDate(input.start_date)) {
    return Error::Invalid(
               "end_date: " + input.end_date + " is before start_date " + input.start_date,
               "end_date")
        .With("end_before_start", {{"start", input.start_date}, {"end", input.end_date}});
  }
  return Status::Ok();
}

Status CheckFund(const FundInput& input, const CivilDate& today) {
  GRASSROOTS_CHECK(CheckYear("year", input.year));
  if (input.amount_fen < 0 || input.amount_fen > kMaxFundFen) {
    return Error::Invalid("amount_fen must be between 0 and " + std::to_string(kMaxFundFen),
                          "amount_fen")
        .With("amount_out_of_range", {{"value", std::to_string(input.amount_fen)},
                                      {"min", "0"},
                                      {"max", std::to_string(kMaxFundFen)}});
  }
  GRASSROOTS_CHECK(CheckName("purpose", input.purpose, true, kMaxSupportTextLength));
  return CheckDate("granted_on", input.granted_on, today);
}

bool MayEditSupport(const Principal& who, std::span<const std::string> ancestry) {
  if (who.role != Role::kAdmin && who.role != Role::kUnitAdmin) return false;
  return MayAccessOrganization(who, ancestry, OrgAction::kWriteOrganization);
}

std::int64_t DefaultFundFen(const Policy& policy, OrgType type) {
  return type == OrgType::kVillage ? policy.village_fund_fen : 0;
}

#undef GRASSROOTS_CHECK

}  // namespace grassroots::core
