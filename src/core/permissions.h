// What an account may do, by stable name, for a user interface to show only what it can use
// (issue 9: the UI learns this from GET /session, not from a copy of the access table). The
// server still decides every request; these answers come from the same rules (core::MayDo,
// core::MayAccessOrganization, core::MayChangeField). Pure.
#pragma once

#include <string_view>
#include <vector>

#include "core/access.h"

namespace grassroots::core {

struct Permission {
  std::string_view name;
  bool allowed = false;
};

// Stable names: "run_assessment", "what_if", "import", "create_direct_organization",
// "manage_users", "read_audit", "read_all_assessments", "record_interviews", "read_interviews"
// (GlobalAction); "write_organizations", "write_members", "write_scores"
// (within the account's own scope; whether one may decide an adjustment is answered per entry
// of the queue); "change_org_type",
// "change_org_unit", "change_org_parent", "set_committee_grade" (core/field_access.h);
// "read_bulletins", "issue_bulletins" (core/bulletin.h).
std::string_view ToString(GlobalAction action);

// Every permission above, in that order.
std::vector<Permission> PermissionsOf(const Principal& who);

}  // namespace grassroots::core
