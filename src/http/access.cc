#include "http/access.h"

#include "core/permissions.h"
#include "http/errors.h"

namespace grassroots::http {

bool RequireOrg(Call& call, const std::string& code, core::OrgAction action) {
  auto ancestry = call.store.Ancestry(code);
  if (!ancestry.ok()) {
    WriteError(call.res, ancestry.error());
    return false;
  }
  const bool known = !ancestry.value().empty();
  if (known && core::MayAccessOrganization(call.principal, ancestry.value(), action)) return true;
  const bool readable = known && core::MayAccessOrganization(call.principal, ancestry.value(),
                                                             core::OrgAction::kRead);
  if (action != core::OrgAction::kRead && readable) {
    WriteError(call.res, 403, "forbidden", "you may not change this organization", "code");
  } else {
    WriteError(call.res, 404, "not_found", "no organization " + code, "code");
  }
  return false;
}

bool Require(Call& call, core::GlobalAction action) {
  if (core::MayDo(call.principal, action)) return true;
  WriteError(call.res, 403, "forbidden", "your role may not do this");
  return false;
}

bool SeesEverything(const core::Principal& who) {
  return who.role == core::Role::kAdmin || who.role == core::Role::kAuditor;
}

void ApplyScope(const core::Principal& who, storage::OrgFilter& filter) {
  if (SeesEverything(who)) return;
  filter.restrict_to_scope = true;
  if (who.role == core::Role::kUnitAdmin) {
    filter.within = who.scope;
  } else {
    filter.only = who.scope;
  }
}

nlohmann::json PermissionsJson(const core::Principal& who) {
  nlohmann::json out = nlohmann::json::object();
  for (const core::Permission& permission : core::PermissionsOf(who)) {
    out[std::string(permission.name)] = permission.allowed;
  }
  return out;
}

}  // namespace grassroots::http
