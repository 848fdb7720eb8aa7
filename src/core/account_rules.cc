#include "core/account_rules.h"

#include <string>

namespace grassroots::core {
namespace {

constexpr std::size_t kMaxNameBytes = 64;

}  // namespace

Status CheckUserName(std::string_view name) {
  if (name.empty() || name.size() > kMaxNameBytes) {
    return Error::Invalid("a user name has 1 to 64 bytes", "name");
  }
  for (unsigned char c : name) {
    if (c <= 0x20 || c == 0x7f) {
      return Error::Invalid("a user name has no spaces or control characters", "name");
    }
  }
  return Status::Ok();
}

bool NeedsScope(Role role) { return role != Role::kAdmin && role != Role::kAuditor; }

Status CheckScopeFitsRole(Role role, const std::vector<Organization>& scope) {
  const std::string role_name(ToString(role));
  if (!NeedsScope(role)) {
    if (scope.empty()) return Status::Ok();
    return Error::Invalid("the role " + role_name + " sees everything: leave the scope empty",
                          "scope");
  }
  if (scope.empty()) {
    return Error::Invalid("the role " + role_name + " needs at least one organization in scope",
                          "scope");
  }
  for (const Organization& org : scope) {
    if (role == Role::kUnitAdmin && !org.parent.empty()) {
      return Error::Invalid(
          "a unit_admin manages direct organizations; " + org.code + " belongs to " + org.parent,
          "scope");
    }
    if (role == Role::kFirstSecretary && org.type != OrgType::kVillage) {
      return Error::Invalid("a first_secretary is posted to villages; " + org.code +
                                " is of type " + std::string(ToString(org.type)),
                            "scope");
    }
  }
  return Status::Ok();
}

}  // namespace grassroots::core
