// What makes an account valid (issue 3): its name, a scope that fits its role, and the holder's
// real name and phone (issue 10). Shared by `grassroots user add` and POST/PUT /api/v1/users.
// Pure: the caller looks the scope's organizations up. The password rule is
// core::CheckPassword (password_rules.h).
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

// What a role's scope holds (core::MayAccessOrganization reads it so): nothing for admin and
// auditor, who see the whole county; direct organizations (with their subtrees) for unit_admin;
// villages for first_secretary; any organizations for secretary and leader.
enum class ScopeRule : std::uint8_t { kNone, kDirect, kVillage, kAny };
ScopeRule ScopeRuleOf(Role role);
std::string_view ToString(ScopeRule rule);  // "none", "direct", "village", "any"

// admin and auditor see the whole county and have no scope; every other role needs one.
bool NeedsScope(Role role);

// Checks that the scope's organizations (looked up by the caller, each known) fit the role's
// ScopeRule. kInvalid (field "scope") naming the first misfit, with the reason
// "scope_not_allowed" {role} (a scope given to admin or auditor), "scope_required" {role},
// "scope_not_direct" {code} or "scope_not_village" {code}.
Status CheckScopeFitsRole(Role role, const std::vector<Organization>& scope);

// The holder's real name (姓名): at most 32 characters on one line; empty means not given.
// kInvalid (field "real_name"): too_long {max}, control_characters.
Status CheckRealName(std::string_view real_name);
// A phone number: empty (not given), or 5 to 20 characters of digits, spaces and + - ( ) with
// at least 5 digits. kInvalid (field "phone", reason "invalid_phone").
Status CheckPhone(std::string_view phone);

// A value that must name an account (an item's responsible_user, a support holder's user_name)
// names none: kInvalid naming `field`, reason "unknown_account" {name}. Whether the account
// exists is the caller's lookup; this is how every entry words the refusal.
Error UnknownAccount(std::string_view field, std::string_view name);

}  // namespace grassroots::core
