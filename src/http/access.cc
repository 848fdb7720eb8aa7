#include "http/access.h"

#include "app/organization_records.h"
#include "core/permissions.h"
#include "http/errors.h"

namespace grassroots::http {
namespace {

void NoOrganization(Call& call, const std::string& code) {
  WriteError(call.res, 404, "not_found", "no organization " + code, "code",
             "organization_not_found", {{"code", code}});
}

void NoMember(Call& call, const std::string& id) {
  WriteError(call.res, 404, "not_found", "no member " + id, "id", "member_not_found", {{"id", id}});
}

void MayNotChange(Call& call) {
  WriteError(call.res, 403, "forbidden", "you may not change this organization", "code");
}

}  // namespace

std::optional<core::Organization> OrgFor(Call& call, const std::string& code, AncestryRule may,
                                         const char* refusal, const std::string& message) {
  if (!RequireOrg(call, code, core::OrgAction::kRead)) return std::nullopt;
  if (may != nullptr) {
    auto ancestry = app::AncestryOf(call.store, code);
    if (!ancestry.ok()) {
      WriteError(call.res, ancestry.error());
      return std::nullopt;
    }
    if (!may(call.principal, ancestry.value())) {
      WriteError(call.res, 403, "forbidden",
                 message.empty() ? "not permitted for " + code : message, "code", refusal,
                 {{"code", code}});
      return std::nullopt;
    }
  }
  auto detail = app::OrganizationOf(call.store, code);
  if (!detail.ok()) {
    WriteError(call.res, detail.error());
    return std::nullopt;
  }
  if (!detail.value()) {
    WriteError(call.res, 404, "not_found", "no organization " + code, "code",
               "organization_not_found", {{"code", code}});
    return std::nullopt;
  }
  return detail.value()->org;
}

bool RequireOrg(Call& call, const std::string& code, core::OrgAction action) {
  auto ancestry = app::AncestryOf(call.store, code);
  if (!ancestry.ok()) {
    WriteError(call.res, ancestry.error());
    return false;
  }
  const bool known = !ancestry.value().empty();
  if (known && core::MayAccessOrganization(call.principal, ancestry.value(), action)) return true;
  const bool readable = known && core::MayAccessOrganization(call.principal, ancestry.value(),
                                                             core::OrgAction::kRead);
  if (action != core::OrgAction::kRead && readable) {
    MayNotChange(call);
  } else {
    NoOrganization(call, code);
  }
  return false;
}

core::Result<bool> Sees(Call& call, const std::string& code) {
  auto ancestry = app::AncestryOf(call.store, code);
  if (!ancestry.ok()) return ancestry.error();
  return !ancestry.value().empty() &&
         core::MayAccessOrganization(call.principal, ancestry.value(), core::OrgAction::kRead);
}

core::Result<std::unordered_set<std::string>> SeenOf(Call& call,
                                                     const std::vector<std::string>& codes) {
  std::unordered_set<std::string> seen;
  for (const std::string& code : codes) {
    if (seen.count(code)) continue;
    auto sees = Sees(call, code);
    if (!sees.ok()) return sees.error();
    if (sees.value()) seen.insert(code);
  }
  return seen;
}

std::optional<core::Member> RequireMember(Call& call, const std::string& id,
                                          core::OrgAction action) {
  auto member = app::MemberOf(call.store, id);
  if (!member.ok()) {
    WriteError(call.res, member.error());
    return std::nullopt;
  }
  if (!member.value()) {
    NoMember(call, id);
    return std::nullopt;
  }
  auto ancestry = app::AncestryOf(call.store, member.value()->org);
  if (!ancestry.ok()) {
    WriteError(call.res, ancestry.error());
    return std::nullopt;
  }
  if (core::MayAccessOrganization(call.principal, ancestry.value(), action)) return member.value();
  if (core::MayAccessOrganization(call.principal, ancestry.value(), core::OrgAction::kRead)) {
    MayNotChange(call);
  } else {
    NoMember(call, id);
  }
  return std::nullopt;
}

bool Require(Call& call, core::GlobalAction action) {
  if (core::MayDo(call.principal, action)) return true;
  WriteError(call.res, 403, "forbidden", "your role may not do this");
  return false;
}

bool SeesEverything(const core::Principal& who) { return core::ReadsEveryOrganization(who); }

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
