#include "core/disclosure.h"

namespace grassroots::core {

bool MaySeeCommitteeReason(Role role, const Policy& policy) {
  if (role == Role::kSecretary || role == Role::kFirstSecretary) {
    return policy.committee_reason_to_secretaries;
  }
  return true;
}

}  // namespace grassroots::core
