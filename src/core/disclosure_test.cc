#include "core/disclosure.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

TEST(Disclosure, SecretariesReadTheCommitteesReasonOnlyWhenThePolicySaysSo) {
  Policy policy = MoheDefaultPolicy();
  EXPECT_FALSE(policy.committee_reason_to_secretaries);  // hidden unless a county says so
  EXPECT_FALSE(MaySeeCommitteeReason(Role::kSecretary, policy));
  EXPECT_FALSE(MaySeeCommitteeReason(Role::kFirstSecretary, policy));
  for (Role role : {Role::kAdmin, Role::kUnitAdmin, Role::kLeader, Role::kAuditor}) {
    EXPECT_TRUE(MaySeeCommitteeReason(role, policy));
  }
  policy.committee_reason_to_secretaries = true;
  EXPECT_TRUE(MaySeeCommitteeReason(Role::kSecretary, policy));
  EXPECT_TRUE(MaySeeCommitteeReason(Role::kFirstSecretary, policy));
}

}  // namespace
}  // namespace grassroots::core
