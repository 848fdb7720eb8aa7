#include "cli/demo_bulletins.h"

#include "app/account_service.h"
#include "app/bulletin_service.h"
#include "core/bulletin.h"
#include "core/clock.h"

namespace grassroots::cli {

core::Status AddDemoBulletins(storage::Store& store, int year, const std::string& office) {
  auto admin = app::AccountNamed(store, "admin");
  if (!admin.ok()) return admin.error();
  if (!admin.value()) return core::Error::Internal("demo accounts missing");
  const core::Principal county{admin.value()->id, "admin", core::Role::kAdmin, {}};
  const core::UnixSeconds now = core::DefaultClock().Now();
  for (int q : {1, 2}) {
    const core::Quarter quarter{year, q};
    if (!core::QuarterFinished(quarter, now)) continue;
    auto issued = app::IssueBulletin(store, county, {core::FormatQuarter(quarter), ""}, office,
                                     {"admin", "demo"}, now);
    if (!issued.ok()) return issued.error();
  }
  return core::Status::Ok();
}

}  // namespace grassroots::cli
