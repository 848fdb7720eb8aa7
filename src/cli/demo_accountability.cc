#include "cli/demo_accountability.h"

#include "app/adjustment_service.h"
#include "app/interview_service.h"
#include "demo/accountability.h"

namespace grassroots::cli {

core::Status FillAccountabilityDemo(storage::Store& store) {
  constexpr int kYear = 2016;
  const storage::Actor actor{"demo", "cli"};
  core::Principal department;
  department.name = "demo";
  department.role = core::Role::kAdmin;
  const core::CivilDate today = core::CountyDate(core::DefaultClock().Now());
  auto queue = app::LoadAdjustmentQueue(store, department, kYear, today);
  if (!queue.ok()) return queue.error();
  if (!queue.value()) return core::Status::Ok();
  std::vector<demo::DemoRemoval> removals;
  for (const app::AdjustmentEntry& entry : queue.value()->entries) {
    removals.push_back({entry.org, entry.secretary});
  }
  const demo::AccountabilityDemo data = demo::AccountabilityFor2016(removals);
  for (const core::InterviewInput& interview : data.interviews) {
    if (auto stored = app::RecordInterview(store, interview, today, actor); !stored.ok()) {
      return stored.error();
    }
  }
  for (const auto& [org, decision] : data.decisions) {
    auto decided = app::DecideAdjustment(store, department, kYear, org, decision, today, actor);
    if (!decided.ok()) return decided.error();
  }
  return core::Status::Ok();
}

}  // namespace grassroots::cli
