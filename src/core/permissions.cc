#include "core/permissions.h"

#include <string>

#include "core/bulletin.h"
#include "core/field_access.h"

namespace grassroots::core {
namespace {

constexpr GlobalAction kGlobalActions[] = {GlobalAction::kRunAssessment,
                                           GlobalAction::kWhatIf,
                                           GlobalAction::kImport,
                                           GlobalAction::kCreateDirectOrganization,
                                           GlobalAction::kManageUsers,
                                           GlobalAction::kReadAudit,
                                           GlobalAction::kReadAllAssessments,
                                           GlobalAction::kRecordInterview,
                                           GlobalAction::kReadInterviews,
                                           GlobalAction::kRunReminders,
                                           GlobalAction::kReadReminders,
                                           GlobalAction::kManageTraining};

struct ScopedAction {
  std::string_view name;
  OrgAction action;
};
constexpr ScopedAction kScopedActions[] = {{"write_organizations", OrgAction::kWriteOrganization},
                                           {"write_members", OrgAction::kWriteMembers},
                                           {"write_scores", OrgAction::kWriteScores}};

std::string_view PermissionName(GuardedField field) {
  switch (field) {
    case GuardedField::kOrgType:
      return "change_org_type";
    case GuardedField::kOrgUnit:
      return "change_org_unit";
    case GuardedField::kOrgParent:
      return "change_org_parent";
    case GuardedField::kCommitteeGrade:
      return "set_committee_grade";
  }
  return "";
}

// True when `who` may do `action` to some organization of its own scope: its scope
// organizations stand for the rest (a unit_admin's subtree hangs below them). admin and
// auditor have no scope and are decided by role.
bool MayInOwnScope(const Principal& who, OrgAction action) {
  if (who.scope.empty()) return MayAccessOrganization(who, {}, action);
  for (const std::string& code : who.scope) {
    if (MayAccessOrganization(who, {&code, 1}, action)) return true;
  }
  return false;
}

}  // namespace

std::string_view ToString(GlobalAction action) {
  switch (action) {
    case GlobalAction::kRunAssessment:
      return "run_assessment";
    case GlobalAction::kWhatIf:
      return "what_if";
    case GlobalAction::kImport:
      return "import";
    case GlobalAction::kCreateDirectOrganization:
      return "create_direct_organization";
    case GlobalAction::kManageUsers:
      return "manage_users";
    case GlobalAction::kReadAudit:
      return "read_audit";
    case GlobalAction::kReadAllAssessments:
      return "read_all_assessments";
    case GlobalAction::kRecordInterview:
      return "record_interviews";
    case GlobalAction::kReadInterviews:
      return "read_interviews";
    case GlobalAction::kRunReminders:
      return "run_reminders";
    case GlobalAction::kReadReminders:
      return "read_reminders";
    case GlobalAction::kManageTraining:
      return "manage_training";
  }
  return "";
}

std::vector<Permission> PermissionsOf(const Principal& who) {
  std::vector<Permission> out;
  for (GlobalAction action : kGlobalActions) out.push_back({ToString(action), MayDo(who, action)});
  for (const ScopedAction& scoped : kScopedActions) {
    out.push_back({scoped.name, MayInOwnScope(who, scoped.action)});
  }
  for (GuardedField field : kAllGuardedFields) {
    out.push_back({PermissionName(field), MayChangeField(who, field)});
  }
  out.push_back({"read_bulletins", MayReadBulletins(who)});
  out.push_back({"issue_bulletins", MayIssueBulletin(who)});
  return out;
}

}  // namespace grassroots::core
