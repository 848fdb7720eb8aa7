// What makes an account valid (issue 3): its name, and a scope that fits its role. Shared by
// `grassroots user add` and POST/PUT /api/v1/users. Pure: the caller looks the scope's
// organizations up. The password rule is core::CheckPassword (password_rules.h).
#pragma once

#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/error.h"
#include "core/organization.h"

namespace grassroots::core {

// kInvalid (field "name") unless 1 to 64 bytes with no spaces or control characters. Any
// script is allowed (Chinese names too).
Status CheckUserName(std::string_view name);

// admin and auditor see the whole county and have no scope; every other role needs one.
bool NeedsScope(Role role);

// Checks that the scope's organizations (looked up by the caller, each known) fit the role,
// as core::MayAccessOrganization reads them: none for admin and auditor; at least one for the
// others; unit_admin manages direct organizations (no parent) with their subtrees;
// first_secretary is posted to villages. kInvalid (field "scope") naming the first misfit.
Status CheckScopeFitsRole(Role role, const std::vector<Organization>& scope);

}  // namespace grassroots::core
