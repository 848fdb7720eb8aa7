// The demo's five-level support (五级包扶, issue 12): for each organization selected in the demo
// year, a holder of every role (a first secretary for villages), visits and on-site sessions
// through the first half of the following year, a work team for each village and special funds
// (the policy's village fund for each village, smaller grants to some others). Pure and
// deterministic: the same organizations and seed give the same support.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/organization.h"
#include "core/support_rules.h"

namespace grassroots::demo {

// Accounts of the demo that hold a role where their scope reaches: the leader account is the
// contact leader of `leader_org`, the first-secretary account the first secretary of the
// villages it is scoped to that are selected.
struct SupportAccounts {
  std::string leader_account, leader_org;
  std::string first_secretary_account;
  std::vector<std::string> first_secretary_villages;
};

// The support of `selected` (organizations selected in `year`), for plans of that year worked
// through year + 1. `village_fund_fen`: the policy's default (core::DefaultFundFen).
std::vector<core::OrgSupport> DemoSupport(const std::vector<core::Organization>& selected, int year,
                                          std::int64_t village_fund_fen,
                                          const SupportAccounts& accounts, std::uint64_t seed);

// The last day any of it is dated: the demo records it as of at least this day.
core::CivilDate DemoSupportLastDate(int year);

}  // namespace grassroots::demo
