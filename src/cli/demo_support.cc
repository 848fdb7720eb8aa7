#include "cli/demo_support.h"

#include <algorithm>

#include "app/support_service.h"
#include "core/clock.h"

namespace grassroots::cli {

core::Status RecordDemoSupport(storage::Store& store, const config::LoadedPolicy& policy,
                               const std::vector<core::Organization>& selected, int year,
                               const demo::SupportAccounts& accounts, std::uint64_t seed) {
  const std::vector<core::OrgSupport> support =
      demo::DemoSupport(selected, year, policy.policy.village_fund_fen, accounts, seed);
  // The demo's dates lie in the year after the selection; a clock set earlier (GRASSROOTS_NOW)
  // must not make them "after today".
  const core::CivilDate today =
      std::max(core::CountyDate(core::DefaultClock().Now()), demo::DemoSupportLastDate(year));
  return app::RecordSupport(store, support, today, {"demo", "cli"});
}

}  // namespace grassroots::cli
