#include "app/stored_assessments.h"

#include "storage/assessment_records.h"
#include "storage/policy_records.h"
#include "storage/tx.h"

namespace grassroots::app {

using storage::AssessmentRecords;
using storage::Tx;

core::Result<std::vector<storage::AssessmentInfo>> ListAssessments(storage::Store& store) {
  return storage::ReadValue(store, [](Tx& tx) { return AssessmentRecords(tx).List(); });
}

core::Result<std::optional<storage::AssessmentInfo>> AssessmentOf(storage::Store& store, int year) {
  return storage::ReadValue(store, [&](Tx& tx) { return AssessmentRecords(tx).Info(year); });
}

core::Result<storage::Page<storage::AssessmentRow>> AssessmentRows(
    storage::Store& store, int year, const storage::OrgFilter& filter) {
  return storage::ReadValue(store,
                            [&](Tx& tx) { return AssessmentRecords(tx).Rows(year, filter); });
}

core::Result<std::vector<GroupOnPage>> GroupsOfPage(
    storage::Store& store, int year, const storage::OrgFilter& scope,
    const std::vector<storage::AssessmentRow>& rows) {
  std::vector<GroupOnPage> groups;
  core::Status status = store.Read([&](Tx& tx) -> core::Status {
    AssessmentRecords stored(tx);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (i > 0 && rows[i].unit == rows[i - 1].unit && rows[i].type == rows[i - 1].type) continue;
      auto group = stored.QuotaGroup(year, rows[i].unit, rows[i].type);
      if (!group.ok()) return group.error();
      if (!group.value()) continue;
      storage::OrgFilter selected = scope;
      selected.unit = rows[i].unit;
      selected.type = rows[i].type;
      selected.selected = true;
      selected.offset = 0;
      selected.limit = 1;
      auto count = stored.Rows(year, selected);
      if (!count.ok()) return count.error();
      groups.push_back({*group.value(), count.value().total});
    }
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return groups;
}

core::Result<std::vector<storage::PolicyInfo>> ListPolicies(storage::Store& store) {
  return storage::ReadValue(store, [](Tx& tx) { return storage::PolicyRecords(tx).List(); });
}

}  // namespace grassroots::app
