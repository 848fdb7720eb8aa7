#include "app/spot_finding_sight.h"

#include <vector>

#include "core/spot_check_rules.h"
#include "storage/rectification_records.h"

namespace grassroots::app {

core::Result<SpotSight> SpotSightOf(storage::Tx& tx, const core::Principal& who,
                                    const std::string& code) {
  if (who.role == core::Role::kAdmin) return SpotSight{true, true};
  core::Result<std::vector<std::string>> ancestry =
      storage::RectificationRecords(tx).Ancestry(code);
  if (!ancestry.ok()) return ancestry.error();
  if (ancestry.value().empty()) return SpotSight{};
  return SpotSight{core::MayAccessOrganization(who, ancestry.value(), core::OrgAction::kRead),
                   core::MayRecordSpotFinding(who, ancestry.value())};
}

core::Error SpotFindingNotFound(std::int64_t id) {
  return core::Error::NotFound("no spot check finding with id " + std::to_string(id), "id")
      .With("spot_finding_not_found", {{"id", std::to_string(id)}});
}

}  // namespace grassroots::app
