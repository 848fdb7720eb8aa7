#include "core/account_rules.h"

#include <string>

#include "core/field_rules.h"

namespace grassroots::core {
namespace {

constexpr std::size_t kMaxNameBytes = 64;
constexpr std::size_t kMaxRealName = 32;
constexpr std::size_t kMinPhoneDigits = 5;
constexpr std::size_t kMaxUserPhoneLength = 20;

}  // namespace

Status CheckUserName(std::string_view name) {
  if (name.empty() || name.size() > kMaxNameBytes) {
    return Error::Invalid("a user name has 1 to 64 bytes", "name").With("invalid_user_name");
  }
  for (unsigned char c : name) {
    if (c <= 0x20 || c == 0x7f) {
      return Error::Invalid("a user name has no spaces or control characters", "name")
          .With("invalid_user_name");
    }
  }
  return Status::Ok();
}

ScopeRule ScopeRuleOf(Role role) {
  switch (role) {
    case Role::kAdmin:
    case Role::kAuditor:
      return ScopeRule::kNone;
    case Role::kUnitAdmin:
      return ScopeRule::kDirect;
    case Role::kFirstSecretary:
      return ScopeRule::kVillage;
    case Role::kSecretary:
    case Role::kLeader:
      return ScopeRule::kAny;
  }
  return ScopeRule::kAny;
}

std::string_view ToString(ScopeRule rule) {
  switch (rule) {
    case ScopeRule::kNone:
      return "none";
    case ScopeRule::kDirect:
      return "direct";
    case ScopeRule::kVillage:
      return "village";
    case ScopeRule::kAny:
      return "any";
  }
  return "any";
}

bool NeedsScope(Role role) { return ScopeRuleOf(role) != ScopeRule::kNone; }

Status CheckScopeFitsRole(Role role, const std::vector<Organization>& scope) {
  const std::string role_name(ToString(role));
  const ScopeRule rule = ScopeRuleOf(role);
  if (rule == ScopeRule::kNone) {
    if (scope.empty()) return Status::Ok();
    return Error::Invalid("the role " + role_name + " sees everything: leave the scope empty",
                          "scope")
        .With("scope_not_allowed", {{"role", role_name}});
  }
  if (scope.empty()) {
    return Error::Invalid("the role " + role_name + " needs at least one organization in scope",
                          "scope")
        .With("scope_required", {{"role", role_name}});
  }
  for (const Organization& org : scope) {
    if (rule == ScopeRule::kDirect && !org.parent.empty()) {
      return Error::Invalid("a unit_admin manages direct organizations; " + org.code +
                                " belongs to " + org.parent,
                            "scope")
          .With("scope_not_direct", {{"code", org.code}});
    }
    if (rule == ScopeRule::kVillage && org.type != OrgType::kVillage) {
      return Error::Invalid("a first_secretary is posted to villages; " + org.code +
                                " is of type " + std::string(ToString(org.type)),
                            "scope")
          .With("scope_not_village", {{"code", org.code}});
    }
  }
  return Status::Ok();
}

Status CheckRealName(std::string_view real_name) {
  return CheckName("real_name", real_name, false, kMaxRealName);
}

Status CheckPhone(std::string_view phone) {
  if (phone.empty()) return Status::Ok();
  std::size_t digits = 0;
  bool allowed = phone.size() <= kMaxUserPhoneLength;
  for (char c : phone) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')') {
      allowed = false;
    }
  }
  if (allowed && digits >= kMinPhoneDigits) return Status::Ok();
  return Error::Invalid("a phone number has 5 to 20 digits, spaces and + - ( )", "phone")
      .With("invalid_phone");
}

Error UnknownAccount(std::string_view field, std::string_view name) {
  return Error::Invalid(std::string(field) + ": there is no account named " + std::string(name) +
                            " (name an existing account, or leave it empty)",
                        std::string(field))
      .With("unknown_account", {{"name", std::string(name)}});
}

}  // namespace grassroots::core
