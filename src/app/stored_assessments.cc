#include "app/stored_assessments.h"

namespace grassroots::app {

core::Result<std::vector<storage::AssessmentInfo>> ListAssessments(storage::Store& store) {
  return store.ListAssessments();
}

core::Result<std::optional<storage::AssessmentInfo>> AssessmentOf(storage::Store& store, int year) {
  return store.LoadAssessmentInfo(year);
}

core::Result<storage::Page<storage::AssessmentRow>> AssessmentRows(
    storage::Store& store, int year, const storage::OrgFilter& filter) {
  return store.LoadAssessmentRows(year, filter);
}

core::Result<std::vector<GroupOnPage>> GroupsOfPage(
    storage::Store& store, int year, const storage::OrgFilter& scope,
    const std::vector<storage::AssessmentRow>& rows) {
  std::vector<GroupOnPage> groups;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i > 0 && rows[i].unit == rows[i - 1].unit && rows[i].type == rows[i - 1].type) continue;
    auto group = store.LoadQuotaGroup(year, rows[i].unit, rows[i].type);
    if (!group.ok()) return group.error();
    if (!group.value()) continue;
    storage::OrgFilter selected = scope;
    selected.unit = rows[i].unit;
    selected.type = rows[i].type;
    selected.selected = true;
    selected.offset = 0;
    selected.limit = 1;
    auto count = store.LoadAssessmentRows(year, selected);
    if (!count.ok()) return count.error();
    groups.push_back({*group.value(), count.value().total});
  }
  return groups;
}

core::Result<std::vector<storage::PolicyInfo>> ListPolicies(storage::Store& store) {
  return store.ListPolicies();
}

}  // namespace grassroots::app
