// The plan use cases of rectification_service.h; the item use cases are in item_service.cc.
#include "app/rectification_service.h"

#include <algorithm>
#include <unordered_map>

#include "app/rectification_access.h"
#include "core/field_rules.h"
#include "core/score.h"
#include "core/text.h"

namespace grassroots::app {
namespace {

using internal::MayEditPlan;
using internal::PlanNotFound;
using internal::RelationTo;
using storage::RectificationRecords;

constexpr std::size_t kMaxDescriptionLength = 2000;

core::PlanProgress ProgressOf(const std::vector<storage::ItemRecord>& items,
                              core::UnixSeconds now) {
  std::vector<core::ItemDue> due;
  for (const storage::ItemRecord& item : items) {
    due.push_back({core::ParseItemState(item.state).value_or(core::ItemState::kOpen),
                   core::ParseIsoDate(item.deadline).value_or(core::CivilDate{})});
  }
  return core::ProgressOf(due, now);
}

// "班子配备薄弱": the county rewrites it when it edits the plan.
std::string ProposalText(core::Dimension dimension) {
  return std::string(core::kDimensionLabels[static_cast<std::size_t>(dimension)]) + "薄弱";
}

// The plan `id` with the caller's relation to it, or plan_not_found when none or out of scope.
struct SeenPlan {
  storage::PlanRecord plan;
  core::ItemRelation relation = core::ItemRelation::kNone;
};
core::Result<SeenPlan> FindPlan(RectificationRecords& records, const core::Principal& who,
                                std::int64_t id) {
  core::Result<std::optional<storage::PlanRecord>> plan = records.Plan(id);
  if (!plan.ok()) return plan.error();
  if (!plan.value()) return PlanNotFound(id);
  core::Result<core::ItemRelation> relation =
      RelationTo(records, who, plan.value()->org_code, plan.value()->year);
  if (!relation.ok()) return relation.error();
  if (relation.value() == core::ItemRelation::kNone) return PlanNotFound(id);
  return SeenPlan{*plan.value(), relation.value()};
}

core::Result<PlanView> ReadPlanView(RectificationRecords& records, const core::Principal& who,
                                    const SeenPlan& seen, core::UnixSeconds now) {
  PlanView view;
  view.plan = seen.plan;
  core::Result<std::vector<storage::ProblemRecord>> problems = records.Problems(seen.plan.id);
  if (!problems.ok()) return problems.error();
  view.problems = std::move(problems).value();
  core::Result<std::vector<storage::ItemRecord>> items = records.ItemsOfPlans({seen.plan.id});
  if (!items.ok()) return items.error();
  for (const storage::ItemRecord& item : items.value()) {
    view.items.push_back(internal::ViewOf(item, who, seen.relation, now));
  }
  view.finished = ProgressOf(items.value(), now).finished();
  view.can_add_item = MayEditPlan(seen.relation);
  view.can_set_outcome = internal::MaySetOutcome(who, seen.relation);
  return view;
}

std::optional<core::Dimension> ParseDimension(std::string_view text) {
  for (std::size_t d = 0; d < core::kDimensionKeys.size(); ++d) {
    if (core::kDimensionKeys[d] == text) return static_cast<core::Dimension>(d);
  }
  return std::nullopt;
}

}  // namespace

core::Result<CreatedPlans> CreatePlans(storage::Store& store, const core::Principal& who, int year,
                                       const storage::Actor& actor) {
  // Plans follow the selection, which only admin makes (core::GlobalAction::kRunAssessment).
  if (!core::MayDo(who, core::GlobalAction::kRunAssessment)) {
    return core::Error::Forbidden("only the organization department creates plans")
        .With("plan_create_not_permitted");
  }
  CreatedPlans outcome;
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    RectificationRecords records(tx);
    core::Result<bool> assessed = records.Assessed(year);
    if (!assessed.ok()) return assessed.error();
    if (!assessed.value()) {
      return core::Error::NotFound("no stored assessment of " + std::to_string(year), "year")
          .With("assessment_not_found", {{"year", std::to_string(year)}});
    }
    core::Result<std::vector<storage::SelectedWithoutPlan>> selected =
        records.SelectedWithoutPlans(year);
    if (!selected.ok()) return selected.error();
    core::Result<std::int64_t> existing = records.CountPlans(year);
    if (!existing.ok()) return existing.error();
    outcome.existing = existing.value();
    for (const storage::SelectedWithoutPlan& org : selected.value()) {
      core::Result<std::int64_t> plan = records.CreatePlan(year, org.org_code);
      if (!plan.ok()) return plan.error();
      ++outcome.created;
      if (!org.dimensions) continue;
      for (core::Dimension d : core::ProposedProblems(*org.dimensions)) {
        storage::ProblemRecord problem{0, plan.value(),
                                       std::string(core::kDimensionKeys[static_cast<int>(d)]),
                                       ProposalText(d), true};
        if (auto id = records.AddProblem(problem); !id.ok()) return id.error();
      }
    }
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return outcome;
}

core::Result<storage::Page<PlanSummary>> ListPlans(storage::Store& store,
                                                   const core::Principal& who,
                                                   const PlanListFilter& filter,
                                                   core::UnixSeconds now) {
  storage::PlanQuery query = filter.query;
  if (query.org.restrict_to_scope) query.supervisor = who.name;
  storage::Page<PlanSummary> page;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    RectificationRecords records(tx);
    core::Result<storage::Page<storage::PlanRecord>> plans = records.Plans(query);
    if (!plans.ok()) return plans.error();
    std::vector<std::int64_t> ids;
    for (const storage::PlanRecord& plan : plans.value().items) ids.push_back(plan.id);
    core::Result<std::vector<storage::ItemRecord>> items = records.ItemsOfPlans(ids);
    if (!items.ok()) return items.error();
    std::unordered_map<std::int64_t, std::vector<storage::ItemRecord>> by_plan;
    for (storage::ItemRecord& item : items.value())
      by_plan[item.plan_id].push_back(std::move(item));
    page.total = plans.value().total;
    for (storage::PlanRecord& plan : plans.value().items) {
      const std::int64_t plan_id = plan.id;
      page.items.push_back({std::move(plan), ProgressOf(by_plan[plan_id], now)});
    }
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return page;
}

core::Result<PlanView> GetPlan(storage::Store& store, const core::Principal& who, std::int64_t id,
                               core::UnixSeconds now) {
  PlanView view;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    RectificationRecords records(tx);
    core::Result<SeenPlan> seen = FindPlan(records, who, id);
    if (!seen.ok()) return seen.error();
    core::Result<PlanView> read = ReadPlanView(records, who, seen.value(), now);
    if (!read.ok()) return read.error();
    view = std::move(read).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return view;
}

core::Result<storage::ProblemRecord> AddProblem(storage::Store& store, const core::Principal& who,
                                                std::int64_t plan_id, const NewProblem& problem,
                                                const storage::Actor& actor) {
  if (!ParseDimension(problem.dimension)) {
    return core::Error::Invalid(
               "dimension must be one of team, leader, venue, routine, service, "
               "members",
               "dimension")
        .With("unknown_value", {{"value", problem.dimension},
                                {"accepted", "team, leader, venue, routine, service, members"}});
  }
  if (core::TrimSpace(problem.description).empty()) {
    return core::Error::Invalid("describe the problem", "description").With("empty");
  }
  if (core::Status s = core::CheckText("description", problem.description, kMaxDescriptionLength);
      !s.ok()) {
    return s.error();
  }
  storage::ProblemRecord stored{0, plan_id, problem.dimension, problem.description, false};
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    RectificationRecords records(tx);
    core::Result<SeenPlan> seen = FindPlan(records, who, plan_id);
    if (!seen.ok()) return seen.error();
    if (!MayEditPlan(seen.value().relation)) {
      return core::Error::Forbidden("not permitted to change this plan")
          .With("plan_edit_not_permitted");
    }
    core::Result<std::int64_t> id = records.AddProblem(stored);
    if (!id.ok()) return id.error();
    stored.id = id.value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return stored;
}

core::Result<PlanView> SetOutcome(storage::Store& store, const core::Principal& who,
                                  std::int64_t plan_id, const std::string& outcome,
                                  const std::string& reason, const storage::Actor& actor,
                                  core::UnixSeconds now) {
  if (outcome != "upgraded" && outcome != "not_upgraded") {
    return core::Error::Invalid("outcome must be upgraded or not_upgraded", "outcome")
        .With("unknown_value", {{"value", outcome}, {"accepted", "upgraded, not_upgraded"}});
  }
  if (core::TrimSpace(reason).empty()) {
    return core::Error::Invalid("give the reason for the outcome", "reason").With("empty");
  }
  if (core::Status s = core::CheckText("reason", reason, core::kMaxReasonLength); !s.ok()) {
    return s.error();
  }
  PlanView view;
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    RectificationRecords records(tx);
    core::Result<SeenPlan> seen = FindPlan(records, who, plan_id);
    if (!seen.ok()) return seen.error();
    if (!internal::MaySetOutcome(who, seen.value().relation)) {
      return core::Error::Forbidden("only admin or the unit admin above it sets a plan's outcome")
          .With("plan_outcome_not_permitted");
    }
    core::Result<PlanView> before = ReadPlanView(records, who, seen.value(), now);
    if (!before.ok()) return before.error();
    if (outcome == "upgraded" && !before.value().finished) {
      return core::Error::Conflict("a plan is upgraded only once every item is closed", "outcome")
          .With("plan_not_finished");
    }
    if (core::Status s = records.SetOutcome(seen.value().plan, outcome, reason); !s.ok()) return s;
    SeenPlan after = seen.value();
    after.plan.outcome = outcome;
    after.plan.outcome_reason = reason;
    core::Result<PlanView> read = ReadPlanView(records, who, after, now);
    if (!read.ok()) return read.error();
    view = std::move(read).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return view;
}

}  // namespace grassroots::app
