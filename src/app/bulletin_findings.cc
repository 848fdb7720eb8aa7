#include "app/bulletin_findings.h"

#include "core/spot_check_rules.h"
#include "storage/rectification_records.h"
#include "storage/spot_check_records.h"
#include "storage/tx.h"

namespace grassroots::app {

core::Result<std::vector<core::BulletinFinding>> QuarterFindings(storage::Store& store,
                                                                 const core::DayRange& days,
                                                                 const std::string& unit) {
  std::vector<core::BulletinFinding> out;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    auto findings = storage::SpotCheckRecords(tx).FindingsBetween(core::FormatIsoDate(days.first),
                                                                  core::FormatIsoDate(days.last));
    if (!findings.ok()) return findings.error();
    storage::RectificationRecords records(tx);
    for (const storage::FindingRecord& f : findings.value()) {
      // The direct organization is the top of the organization's ancestry (itself at the top).
      auto ancestry = records.Ancestry(f.org_code);
      if (!ancestry.ok()) return ancestry.error();
      std::string direct = ancestry.value().empty() ? f.org_code : ancestry.value().back();
      if (!unit.empty() && direct != unit) continue;
      const std::optional<core::CivilDate> on = core::ParseIsoDate(f.checked_on);
      if (!on) continue;  // stored by the spot check's own rules: never malformed
      out.push_back({std::move(direct), f.org_code, f.org_name, *on,
                     f.outcome == core::ToString(core::SpotOutcome::kProblemFound), f.note});
    }
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return out;
}

}  // namespace grassroots::app
