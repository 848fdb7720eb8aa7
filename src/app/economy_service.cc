#include "app/economy_service.h"

namespace grassroots::app {

core::Result<core::EconomyRecord> RecordEconomy(storage::Store& store,
                                                const core::Organization& org,
                                                const core::EconomyInput& input, int current_year,
                                                const storage::Actor& actor) {
  core::Result<core::EconomyRecord> checked = core::CheckEconomy(org, input, current_year);
  if (!checked.ok()) return checked.error();
  core::EconomyRecord stored;
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    auto put = storage::EconomyRecords(tx).Put(checked.value());
    if (!put.ok()) return put.error();
    stored = std::move(put).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return stored;
}

core::Result<std::vector<storage::EconomyRow>> ListEconomy(storage::Store& store, int year,
                                                           const storage::OrgFilter& scope) {
  std::vector<storage::EconomyRow> rows;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    auto listed = storage::EconomyRecords(tx).List(year, scope);
    if (!listed.ok()) return listed.error();
    rows = std::move(listed).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return rows;
}

core::Result<std::vector<core::ModelTotal>> EconomyTotals(storage::Store& store,
                                                          const storage::OrgFilter& scope) {
  auto rows = ListEconomy(store, 0, scope);
  if (!rows.ok()) return rows.error();
  std::vector<core::EconomyRecord> records;
  records.reserve(rows.value().size());
  for (const storage::EconomyRow& row : rows.value()) records.push_back(row.record);
  return core::TotalsByModel(records);
}

}  // namespace grassroots::app
