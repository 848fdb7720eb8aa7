#include "app/rectification_access.h"

namespace grassroots::app::internal {

core::Result<core::ItemRelation> RelationTo(storage::RectificationRecords& records,
                                            const core::Principal& who, const std::string& org_code,
                                            int year) {
  core::Result<std::vector<std::string>> ancestry = records.Ancestry(org_code);
  if (!ancestry.ok()) return ancestry.error();
  core::Result<bool> supervisor = records.IsAssignedSupervisor(who.name, org_code, year);
  if (!supervisor.ok()) return supervisor.error();
  return core::RelationToItem(who, ancestry.value(), supervisor.value());
}

ItemView ViewOf(const storage::ItemRecord& item, const core::Principal& who,
                core::ItemRelation relation, core::UnixSeconds now) {
  ItemView view;
  view.item = item;
  const core::ItemState state = core::ParseItemState(item.state).value_or(core::ItemState::kOpen);
  const std::optional<core::CivilDate> deadline = core::ParseIsoDate(item.deadline);
  view.overdue_days = deadline ? core::OverdueDays(*deadline, state, now) : 0;
  const core::ItemFacts facts{state, item.submitted_by, static_cast<int>(item.evidence_count)};
  // A rejection's reason is the caller's to give; a placeholder asks only whether the step is
  // theirs from this state.
  auto may = [&](core::ItemStep step) {
    return core::NextItemState(facts, step, relation, who.user_id, "reason").ok();
  };
  view.can.start = may(core::ItemStep::kStart);
  view.can.submit = may(core::ItemStep::kSubmit);
  view.can.reject = may(core::ItemStep::kReject);
  view.can.close = may(core::ItemStep::kClose);
  view.can.upload = MayEditPlan(relation) && state != core::ItemState::kClosed;
  return view;
}

bool MayEditPlan(core::ItemRelation relation) {
  return relation == core::ItemRelation::kWorker || relation == core::ItemRelation::kSupervisor;
}

bool MaySetOutcome(const core::Principal& who, core::ItemRelation relation) {
  return relation == core::ItemRelation::kSupervisor &&
         (who.role == core::Role::kAdmin || who.role == core::Role::kUnitAdmin);
}

core::Error PlanNotFound(std::int64_t id) {
  return core::Error::NotFound("no plan with id " + std::to_string(id), "id")
      .With("plan_not_found", {{"id", std::to_string(id)}});
}

core::Error ItemNotFound(std::int64_t id) {
  return core::Error::NotFound("no item with id " + std::to_string(id), "id")
      .With("item_not_found", {{"id", std::to_string(id)}});
}

}  // namespace grassroots::app::internal
