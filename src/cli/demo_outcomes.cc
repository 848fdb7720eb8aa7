#include "cli/demo_outcomes.h"

#include <set>
#include <string>

#include "app/account_service.h"
#include "app/rectification_service.h"
#include "cli/demo_photo.h"
#include "core/clock.h"
#include "core/rectification_item.h"

namespace grassroots::cli {
namespace {

struct YearEnd {
  storage::Store& store;
  core::Principal county;
  storage::Actor county_actor{"admin", "demo"}, worker_actor{"secretary", "demo"};
  core::UnixSeconds now = core::DefaultClock().Now();

  // One item against the plan's first problem, due in December of `year`; closed with its
  // photo when `close`: the secretary starts, attaches and submits, the county closes.
  core::Status Item(const app::PlanView& plan, int year, bool close, std::int64_t secretary) {
    app::NewItem added;
    if (!plan.problems.empty()) added.problem_id = plan.problems.front().id;
    added.measure = close ? "配齐配强支部班子，规范组织生活" : "整顿软弱涣散问题，建强支部班子";
    added.responsible = "支部书记";
    added.support_role = "supervisor";
    added.deadline = std::to_string(year) + "-12-20";
    auto made = app::AddItem(store, county, plan.plan.id, added, county_actor, now);
    if (!made.ok()) return made.error();
    if (!close) return core::Status::Ok();
    const std::int64_t id = made.value().item.id;
    const core::Principal worker{
        secretary, "secretary", core::Role::kSecretary, {plan.plan.org_code}};
    if (auto s = app::TakeStep(store, worker, id, core::ItemStep::kStart, "", worker_actor, now);
        !s.ok()) {
      return s.error();
    }
    if (auto e = app::AddEvidence(store, county, id, "验收照片.png", std::string(kDemoPhotoPng),
                                  worker_actor);
        !e.ok()) {
      return e.error();
    }
    if (auto s = app::TakeStep(store, worker, id, core::ItemStep::kSubmit, "", worker_actor, now);
        !s.ok()) {
      return s.error();
    }
    auto closed = app::TakeStep(store, county, id, core::ItemStep::kClose, "", county_actor, now);
    return closed.ok() ? core::Status::Ok() : core::Status(closed.error());
  }

  core::Status Outcome(std::int64_t plan, const char* outcome, const char* reason) {
    auto set = app::SetOutcome(store, county, plan, outcome, reason, county_actor, now);
    return set.ok() ? core::Status::Ok() : core::Status(set.error());
  }
};

core::Result<std::set<std::string>> PlannedIn(storage::Store& store, const core::Principal& who,
                                              int year) {
  app::PlanListFilter filter;
  filter.query.year = year;
  filter.query.org.limit = 1000;
  auto plans = app::ListPlans(store, who, filter, core::DefaultClock().Now());
  if (!plans.ok()) return plans.error();
  std::set<std::string> codes;
  for (const app::PlanSummary& plan : plans.value().items) codes.insert(plan.plan.org_code);
  return codes;
}

}  // namespace

core::Status AddDemoOutcomes(storage::Store& store, int year, int next) {
  auto admin = app::AccountNamed(store, "admin");
  auto secretary = app::AccountNamed(store, "secretary");
  if (!admin.ok()) return admin.error();
  if (!secretary.ok()) return secretary.error();
  if (!admin.value() || !secretary.value()) return core::Error::Internal("demo accounts missing");
  YearEnd end{store, {admin.value()->id, "admin", core::Role::kAdmin, {}}};
  if (auto created = app::CreatePlans(store, end.county, year, end.county_actor); !created.ok()) {
    return created.error();
  }
  auto again = PlannedIn(store, end.county, next);  // selected again the year after
  if (!again.ok()) return again.error();
  app::PlanListFilter filter;
  filter.query.year = year;
  filter.query.org.limit = 1000;
  auto plans = app::ListPlans(store, end.county, filter, end.now);
  if (!plans.ok()) return plans.error();
  int repeated = 0;
  for (const app::PlanSummary& summary : plans.value().items) {
    auto plan = app::GetPlan(store, end.county, summary.plan.id, end.now);
    if (!plan.ok()) return plan.error();
    const bool selected_again = again.value().count(summary.plan.org_code) > 0;
    // Selected again: every other one not upgraded with its reason, the rest left unfinished.
    const bool unfinished = selected_again && repeated++ % 2 == 1;
    if (core::Status s = end.Item(plan.value(), year, !selected_again, secretary.value()->id);
        !s.ok()) {
      return s;
    }
    if (unfinished) continue;
    core::Status s = selected_again ? end.Outcome(summary.plan.id, "not_upgraded",
                                                  "班子软弱问题未根本解决，转入下一年度继续整顿")
                                    : end.Outcome(summary.plan.id, "upgraded",
                                                  "整改事项全部销号，经验收转化升级");
    if (!s.ok()) return s;
  }
  return core::Status::Ok();
}

}  // namespace grassroots::cli
