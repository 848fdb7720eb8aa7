// The organizations of a county shaped like Mohe's in 2016: 39 direct organizations and their
// 189 subordinate branches, named as such organizations are named there.
#pragma once

#include <span>
#include <string_view>

#include "core/organization.h"

namespace grassroots::demo {

struct CountyDirectOrg {
  std::string_view name;
  core::OrgType type;
  core::OrgKind kind;
  // The subordinate branches' names without the 党支部 suffix, separated by '|'; empty for a
  // branch with no children.
  std::string_view children;
};

// In code order (MH001 ...). Type counts: village 13, community 19, soe 39, nonpublic 19,
// agency 79, institution 59: with the Mohe ratios the quotas are 2+2+2+1+4+3 = 14, the number
// of organizations the article says were selected.
std::span<const CountyDirectOrg> CountyDirectOrgs();

// A year in which a named organization is scored away from the normal range, or given a
// committee grade D.
struct CountyWeakSpec {
  std::string_view name;
  int year;
  int base_lo_tenths;  // 0: a normal score
  int base_hi_tenths;
  bool committee_d;
  std::string_view reason;
};

std::span<const CountyWeakSpec> CountyWeakSpecs();

inline constexpr std::string_view kBranchSuffix = "党支部";

}  // namespace grassroots::demo
