#include "cli/demo_spot_checks.h"

#include <cstdio>

#include "app/spot_check_service.h"
#include "app/spot_finding_evidence.h"
#include "cli/demo_photo.h"

namespace grassroots::cli {
namespace {

std::string Month(int year, int month) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d", year, month);
  return text;
}

constexpr const char* kProblems[] = {
    "三会一课记录不全，组织生活会未按期召开",
    "党员活动室被挪作他用，制度未上墙",
    "发展党员材料缺少支部大会讨论记录",
};

}  // namespace

core::Status FillSpotCheckDemo(storage::Store& store, const core::Policy& policy, int year) {
  const storage::Actor actor{"demo", "cli"};
  core::Principal department;
  department.name = "demo";
  department.role = core::Role::kAdmin;
  const core::UnixSeconds now = core::DefaultClock().Now();
  const core::CivilDate today = core::CountyDate(now);
  bool item_opened = false;
  int drawn_so_far = 0;
  for (int month = 3; month <= 6; ++month) {
    const std::string name = Month(year, month);
    const std::optional<std::uint64_t> seed =
        month < 6 ? std::optional<std::uint64_t>(static_cast<std::uint64_t>(year * 100 + month))
                  : std::nullopt;
    auto view = app::RunSpotCheck(store, department, name, seed, policy, actor);
    if (!view.ok()) return view.error();
    const core::CivilDate checked{year, month, 15};
    if (month == 6 || today < checked) continue;
    for (const storage::DrawnRecord& d : view.value().drawn) {
      const bool problem = ++drawn_so_far % 3 == 0 || (d.under_rectification && !item_opened);
      const app::NewFinding finding{
          d.org_code, problem ? "problem_found" : "fine",
          problem ? kProblems[(drawn_so_far / 3) % 3] : "台账齐全，活动正常开展",
          core::FormatIsoDate(checked)};
      auto recorded = app::RecordFinding(store, department, name, finding, actor, now);
      if (!recorded.ok()) return recorded.error();
      if (problem) {
        auto photo = app::AddFindingEvidence(store, department, recorded.value().id, "抽查现场.png",
                                             std::string(kDemoPhotoPng), actor);
        if (!photo.ok()) return photo.error();
      }
      if (!problem || item_opened || !d.under_rectification) continue;
      const app::NewItem item{{"整改抽查发现的问题：" + finding.note, "支部书记", "", "",
                               core::FormatIsoDate({year, month + 3, 30})},
                              std::nullopt};
      auto opened =
          app::OpenItemFromFinding(store, department, recorded.value().id, item, actor, now);
      if (opened.ok()) {
        item_opened = true;
      } else if (opened.error().reason != "no_plan_for_finding") {
        return opened.error();
      }
    }
  }
  return core::Status::Ok();
}

}  // namespace grassroots::cli
