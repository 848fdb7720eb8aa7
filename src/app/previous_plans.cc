#include "app/previous_plans.h"

#include <unordered_map>

#include "app/stored_assessments.h"
#include "storage/rectification_records.h"

namespace grassroots::app {

core::Result<storage::Page<OrganizationPreviousPlan>> PreviousPlans(
    storage::Store& store, int year, const storage::OrgFilter& filter) {
  core::Result<storage::Page<storage::AssessmentRow>> rows = AssessmentRows(store, year, filter);
  if (!rows.ok()) return rows.error();
  std::vector<std::string> codes;
  for (const storage::AssessmentRow& row : rows.value().items) codes.push_back(row.code);
  std::vector<storage::PlanTally> tallies;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    core::Result<std::vector<storage::PlanTally>> read =
        storage::RectificationRecords(tx).PlanTallies(year - 1, codes);
    if (!read.ok()) return read.error();
    tallies = std::move(read).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  std::unordered_map<std::string, const storage::PlanTally*> by_code;
  for (const storage::PlanTally& tally : tallies) by_code.emplace(tally.org_code, &tally);
  storage::Page<OrganizationPreviousPlan> page;
  page.total = rows.value().total;
  for (const std::string& code : codes) {
    OrganizationPreviousPlan row{code, std::nullopt};
    if (auto found = by_code.find(code); found != by_code.end()) {
      const storage::PlanTally& t = *found->second;
      const core::PlanProgress progress{static_cast<int>(t.items), static_cast<int>(t.closed), 0};
      row.plan = PreviousPlan{t.plan_id, core::StandingOf(t.outcome, progress), t.outcome_reason};
    }
    page.items.push_back(std::move(row));
  }
  return page;
}

}  // namespace grassroots::app
