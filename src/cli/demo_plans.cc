#include "cli/demo_plans.h"

#include <array>
#include <string>

#include "app/account_service.h"
#include "app/rectification_service.h"
#include "cli/demo_photo.h"
#include "core/clock.h"
#include "core/rectification_item.h"

namespace grassroots::cli {
namespace {

// A one-page PDF beside the photo: small files of the types a scanner and a phone send.
constexpr char kPdf[] =
    "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
    "2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
    "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 100]>> endobj\n"
    "trailer <</Root 1 0 R>>\n%%EOF\n";

struct DemoItem {
  const char* measure;
  int deadline_days;           // from the county's today
  core::ItemState state;       // where the demo leaves it
  bool rejected_once = false;  // submitted, sent back with a reason, now in progress
};

// Per plan (cycling), the items its first problem gets: every state, some past their deadline.
constexpr std::array<std::array<DemoItem, 3>, 4> kPatterns = {{
    {{{"调整充实支部班子，配齐支部委员", -40, core::ItemState::kClosed},
      {"制定“三会一课”年度计划并按月落实", -10, core::ItemState::kInProgress},
      {"建立党员联系群众台账", 30, core::ItemState::kOpen}}},
    {{{"选优配强党组织书记", -20, core::ItemState::kSubmitted},
      {"规范党员活动室标识和制度上墙", -5, core::ItemState::kOpen},
      {"开展党员集中培训", 45, core::ItemState::kInProgress, true}}},
    {{{"落实党组织活动经费", -60, core::ItemState::kClosed},
      {"整理近三年组织生活会记录", -30, core::ItemState::kClosed},
      {"发展年轻党员，优化党员结构", -15, core::ItemState::kClosed}}},
    {{{"建立便民服务代办点", 10, core::ItemState::kSubmitted},
      {"完善村务公开栏", -3, core::ItemState::kInProgress},
      {"组织党员承诺践诺", 90, core::ItemState::kOpen}}},
}};

std::string Day(int days_from_today) {
  const std::int64_t today = core::DaysFromCivil(core::CountyDate(core::DefaultClock().Now()));
  return core::FormatIsoDate(core::CivilFromDays(today + days_from_today));
}

// The organization's own people (start, submit) and the county above it (reject, close).
struct Demo {
  storage::Store& store;
  core::Principal worker, county;
  storage::Actor worker_actor{"secretary", "demo"}, county_actor{"admin", "demo"};

  core::Status Step(std::int64_t item, core::ItemStep step, const std::string& reason = {}) {
    const bool judging = step == core::ItemStep::kReject || step == core::ItemStep::kClose;
    auto moved = app::TakeStep(store, judging ? county : worker, item, step, reason,
                               judging ? county_actor : worker_actor, core::DefaultClock().Now());
    return moved.ok() ? core::Status::Ok() : core::Status(moved.error());
  }
  core::Status Attach(std::int64_t item, bool pdf) {
    const std::string bytes = pdf ? std::string(kPdf, sizeof kPdf - 1) : std::string(kDemoPhotoPng);
    auto added = app::AddEvidence(store, county, item, pdf ? "整改报告.pdf" : "现场照片.png", bytes,
                                  worker_actor);
    return added.ok() ? core::Status::Ok() : core::Status(added.error());
  }
  core::Status Bring(std::int64_t item, const DemoItem& demo, int n) {
    using core::ItemState;
    using core::ItemStep;
    if (demo.state == ItemState::kOpen) return core::Status::Ok();
    if (core::Status s = Step(item, ItemStep::kStart); !s.ok()) return s;
    if (demo.state == ItemState::kInProgress && !demo.rejected_once) return core::Status::Ok();
    if (core::Status s = Attach(item, n % 2 == 0); !s.ok()) return s;
    if (core::Status s = Step(item, ItemStep::kSubmit); !s.ok()) return s;
    if (demo.rejected_once) {
      return Step(item, ItemStep::kReject, "照片未体现整改后的活动室，请补充现场照片");
    }
    if (demo.state == ItemState::kSubmitted) return core::Status::Ok();
    return Step(item, ItemStep::kClose);
  }
};

}  // namespace

core::Status AddDemoPlans(storage::Store& store, int year) {
  auto admin = app::AccountNamed(store, "admin");
  auto secretary = app::AccountNamed(store, "secretary");
  if (!admin.ok()) return admin.error();
  if (!secretary.ok()) return secretary.error();
  if (!admin.value() || !secretary.value()) return core::Error::Internal("demo accounts missing");
  Demo demo{store, {}, {admin.value()->id, "admin", core::Role::kAdmin, {}}};
  const storage::Actor actor{"admin", "demo"};
  if (auto created = app::CreatePlans(store, demo.county, year, actor); !created.ok()) {
    return created.error();
  }
  app::PlanListFilter all;
  all.query.year = year;
  all.query.org.limit = 1000;
  auto plans = app::ListPlans(store, demo.county, all, core::DefaultClock().Now());
  if (!plans.ok()) return plans.error();
  int n = 0;
  for (std::size_t p = 0; p < plans.value().items.size(); ++p) {
    const storage::PlanRecord& plan = plans.value().items[p].plan;
    auto view = app::GetPlan(store, demo.county, plan.id, core::DefaultClock().Now());
    if (!view.ok()) return view.error();
    // The organization's secretary takes its steps: an account scoped to it for the demo.
    demo.worker = {secretary.value()->id, "secretary", core::Role::kSecretary, {plan.org_code}};
    const auto& pattern = kPatterns[p % kPatterns.size()];
    for (const DemoItem& item : pattern) {
      app::NewItem added;
      if (!view.value().problems.empty()) added.problem_id = view.value().problems.front().id;
      added.measure = item.measure;
      added.responsible = "支部书记";
      added.responsible_user = p % 4 == 1 ? "first_secretary" : "";
      added.support_role = p % 4 == 1 ? "first_secretary" : "supervisor";
      added.deadline = Day(item.deadline_days);
      auto made =
          app::AddItem(store, demo.county, plan.id, added, actor, core::DefaultClock().Now());
      if (!made.ok()) return made.error();
      if (core::Status s = demo.Bring(made.value().item.id, item, n++); !s.ok()) return s;
    }
    if (p % kPatterns.size() == 2) {  // every item closed: the plan is finished
      auto set = app::SetOutcome(store, demo.county, plan.id, "upgraded",
                                 "整改事项全部销号，群众满意度测评良好", actor,
                                 core::DefaultClock().Now());
      if (!set.ok()) return set.error();
    }
  }
  return core::Status::Ok();
}

}  // namespace grassroots::cli
