// The one place the HTTP layer checks what a user may see and change. The decision itself is
// core::MayAccessOrganization / core::MayDo; these helpers fetch what it needs and answer
// 404 (an organization out of scope is not revealed on reads) or 403 (writes).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/access.h"
#include "http/route.h"
#include "storage/store.h"

namespace grassroots::http {

// False (after writing the response) when the organization is unknown or out of scope.
bool RequireOrg(Call& call, const std::string& code, core::OrgAction action);
// False (after writing 403) when the principal may not do `action`.
bool Require(Call& call, core::GlobalAction action);
// Limits a list to the principal's scope (no limit for admin and auditor).
void ApplyScope(const core::Principal& who, storage::OrgFilter& filter);
// True when lists are not limited for this principal.
bool SeesEverything(const core::Principal& who);

// What the principal may do, {"run_assessment": true, ...} (core::PermissionsOf), for the
// session answers: the web UI shows only what these allow.
nlohmann::json PermissionsJson(const core::Principal& who);

}  // namespace grassroots::http
