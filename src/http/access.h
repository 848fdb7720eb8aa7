// The one place the HTTP layer checks what a user may see and change. The decision itself is
// core::MayAccessOrganization / core::MayDo; these helpers fetch what it needs and write the
// refusal. What a caller may not read does not exist for them (core/access.h, "Secrecy"): it
// is answered exactly as a code never used, 404 naming only the code given; what they may read
// but not change is 403.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/access.h"
#include "http/route.h"
#include "storage/store.h"

namespace grassroots::http {

// False (after writing the response) when the organization is unknown or out of scope (404
// "organization_not_found") or may be read but not changed this way (403).
bool RequireOrg(Call& call, const std::string& code, core::OrgAction action);
// Whether `code` names an organization the caller may read. An Error only when the store fails.
core::Result<bool> Sees(Call& call, const std::string& code);
// Of `codes`, those naming organizations the caller may read: the rest do not exist for them.
core::Result<std::unordered_set<std::string>> SeenOf(Call& call,
                                                     const std::vector<std::string>& codes);
// The member `id` when its organization allows `action`; nullopt (after writing 404
// "member_not_found" when unknown or out of scope, 403 when readable only) otherwise.
std::optional<core::Member> RequireMember(Call& call, const std::string& id,
                                          core::OrgAction action);
// A rule of core over an organization's ancestry (its code first, then its parents), such as
// core::MayEditSupport: whether the principal may do that one thing there.
using AncestryRule = bool (*)(const core::Principal&, std::span<const std::string>);
// The organization `code` as stored when the caller may read it and, with `may` set, do what
// `may` allows; nullopt after writing 404 "organization_not_found" (as for a code never used)
// when it is unknown or out of scope, or 403 `refusal` {code} with `message` when readable only.
std::optional<core::Organization> OrgFor(Call& call, const std::string& code, AncestryRule may,
                                         const char* refusal, const std::string& message = "");
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
