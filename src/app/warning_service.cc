#include "app/warning_service.h"

#include <map>

#include "app/spot_check_service.h"
#include "storage/ledger_records.h"
#include "storage/reminder_records.h"
#include "storage/tx.h"

namespace grassroots::app {

core::Result<std::vector<OrgWarning>> WarningsOf(storage::Store& store, const core::Principal& who,
                                                 int year, const storage::OrgFilter& scope,
                                                 const core::SupervisionThresholds& thresholds,
                                                 core::UnixSeconds now) {
  std::map<std::string, std::vector<core::WarningItem>> items;
  std::map<std::string, OrgWarning> orgs;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    storage::LedgerFilter filter;
    filter.year = year;
    filter.org = scope;
    core::Status read = storage::LedgerRecords(tx).ForEach(
        filter, [&](const storage::LedgerRow& row) -> core::Status {
          const auto deadline = core::ParseIsoDate(row.deadline);
          const auto state = core::ParseItemState(row.state);
          OrgWarning& org = orgs[row.org_code];
          org.org_code = row.org_code;
          org.org_name = row.org_name;
          if (!deadline || !state) return core::Status::Ok();
          const core::WarningItem item{*deadline, *state};
          items[row.org_code].push_back(item);
          if (*state == core::ItemState::kClosed) return core::Status::Ok();
          ++org.open;
          const core::Warning colour = core::WarningOf(item, thresholds, now);
          if (colour >= core::Warning::kOrange) ++org.overdue;
          if (colour == core::Warning::kYellow) ++org.due_soon;
          return core::Status::Ok();
        });
    if (!read.ok()) return read;
    // One read of every organization's direct organization, not an ancestry walk per
    // organization (a province has some 27,000 under rectification).
    auto direct = storage::ReminderRecords(tx).DirectOrganizations();
    if (!direct.ok()) return direct.error();
    for (auto& [code, org] : orgs) {
      auto it = direct.value().find(code);
      org.direct = it == direct.value().end() ? code : it->second;
    }
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  const core::CivilDate today = core::CountyDate(now);
  const core::DayRange days{core::CivilDate{year, 1, 1}, today};
  std::map<std::string, storage::FindingRecord> failed;
  if (days.first <= days.last) {
    auto found = FailedSpotChecks(store, who, days);
    if (!found.ok()) return found.error();
    failed = std::move(found).value();
  }
  std::vector<OrgWarning> out;
  out.reserve(orgs.size());
  for (auto& [code, org] : orgs) {
    org.failed_spot_check = failed.contains(code);
    org.warning = core::WarningOf(items[code], org.failed_spot_check, thresholds, now);
    out.push_back(std::move(org));
  }
  return out;
}

}  // namespace grassroots::app
