#include "core/access.h"

#include <algorithm>
#include <array>

namespace grassroots::core {
namespace {

struct RoleName {
  Role role;
  std::string_view name;
  std::string_view chinese;
};

constexpr std::array<RoleName, 6> kRoleNames = {{
    {Role::kAdmin, "admin", "管理员"},
    {Role::kUnitAdmin, "unit_admin", "直属党组织管理员"},
    {Role::kSecretary, "secretary", "党组织书记"},
    {Role::kFirstSecretary, "first_secretary", "第一书记"},
    {Role::kLeader, "leader", "联系领导"},
    {Role::kAuditor, "auditor", "审计"},
}};

const RoleName& NameOf(Role role) {
  for (const RoleName& entry : kRoleNames) {
    if (entry.role == role) return entry;
  }
  return kRoleNames.back();  // unreachable for a valid enumerator
}

bool InScope(const Principal& who, std::string_view code) {
  return std::find(who.scope.begin(), who.scope.end(), code) != who.scope.end();
}

// True when any organization on the path up from this one is a scope organization, i.e. this
// one lies in the subtree of a scope organization (itself included).
bool InScopeSubtree(const Principal& who, std::span<const std::string> ancestry) {
  return std::any_of(ancestry.begin(), ancestry.end(),
                     [&who](const std::string& code) { return InScope(who, code); });
}

}  // namespace

std::string_view ToString(Role role) { return NameOf(role).name; }

std::string_view ChineseLabel(Role role) { return NameOf(role).chinese; }

// Accepts the API name or the Chinese label, as the importers accept Chinese type names.
std::optional<Role> ParseRole(std::string_view text) {
  for (const RoleName& entry : kRoleNames) {
    if (text == entry.name || text == entry.chinese) return entry.role;
  }
  return std::nullopt;
}

// Decisions where issue 3 is silent:
// - An empty ancestry (an unknown organization) grants nothing to a scoped role; admin and
//   auditor are decided by role alone, and the handler answers 404 for the unknown code.
// - unit_admin manages its direct organization as a whole: the organizations (including the
//   direct organization's own record), members and scores of its subtree. Creating another
//   direct organization is GlobalAction::kCreateDirectOrganization, admin only.
// - secretary and first_secretary keep the member roll of exactly their organizations (a
//   committee's secretary does not reach its branches: each branch has its own secretary);
//   scores are the assessors' and the organization record is the unit's, so neither writes
//   those.
// - leader follows organizations, so reads them and writes nothing.
// - Ending an organization (dissolving it or merging it into another) is the organization
//   department's for the direct organizations, whose number and shape are the county's
//   structure; a unit_admin ends the organizations below its own direct one (a village branch
//   merged into its neighbour), never the direct one itself. Removing a secretary under the
//   consecutive rule (kDecideAdjustment) follows the same line: the direct organizations'
//   secretaries are the department's to change.
// - Interviews (约谈) are the department's accountability records of people, not of one
//   organization: admin records them, admin and auditor read them.
bool MayAccessOrganization(const Principal& who, std::span<const std::string> ancestry,
                           OrgAction action) {
  switch (who.role) {
    case Role::kAdmin:
      return true;
    case Role::kAuditor:
      return action == OrgAction::kRead;
    case Role::kUnitAdmin:
      if ((action == OrgAction::kEnd || action == OrgAction::kDecideAdjustment) &&
          ancestry.size() < 2) {
        return false;
      }
      return InScopeSubtree(who, ancestry);
    case Role::kSecretary:
    case Role::kFirstSecretary:
      return !ancestry.empty() && InScope(who, ancestry.front()) &&
             (action == OrgAction::kRead || action == OrgAction::kWriteMembers);
    case Role::kLeader:
      return !ancestry.empty() && InScope(who, ancestry.front()) && action == OrgAction::kRead;
  }
  return false;
}

bool MayDo(const Principal& who, GlobalAction action) {
  const Role role = who.role;
  switch (action) {
    case GlobalAction::kRunAssessment:
    case GlobalAction::kImport:
    case GlobalAction::kCreateDirectOrganization:
    case GlobalAction::kManageUsers:
    case GlobalAction::kRecordInterview:
    case GlobalAction::kRunReminders:
      return role == Role::kAdmin;
    case GlobalAction::kWhatIf:
      // A what-if stores nothing; the header grants it to the reading roles above one
      // organization. Secretaries work on one organization and do not get it.
      return role == Role::kAdmin || role == Role::kAuditor || role == Role::kLeader ||
             role == Role::kUnitAdmin;
    case GlobalAction::kReadAudit:
    case GlobalAction::kReadAllAssessments:
    case GlobalAction::kReadInterviews:
    case GlobalAction::kReadReminders:
      return role == Role::kAdmin || role == Role::kAuditor;
    case GlobalAction::kManageTraining:
      return role == Role::kAdmin || role == Role::kUnitAdmin;
  }
  return false;
}

bool ReadsEveryOrganization(const Principal& who) {
  return who.role == Role::kAdmin || who.role == Role::kAuditor;
}

}  // namespace grassroots::core
