#include "cli/demo_first_secretary.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "app/first_secretary_service.h"
#include "cli/demo_photo.h"
#include "core/clock.h"
#include "demo/rng.h"

namespace grassroots::cli {
namespace {

constexpr std::array<const char*, 4> kPlans = {
    "走访党员和困难群众，召开支部委员会研究村集体经济项目。",
    "组织主题党日活动，督促整改台账中的问题按期销号。",
    "入户宣讲政策，协调帮扶单位落实专项经费。",
    "开展党员积分管理，推进村部阵地标准化建设。",
};
constexpr std::array<const char*, 4> kLedgers = {
    "本月走访农户18户，召开党员大会1次，解决群众诉求3件。",
    "本月上党课1次，协调修缮村部，帮扶资金到位。",
    "本月组织志愿服务2次，调处矛盾纠纷1起，整改事项推进顺利。",
    "本月驻村22天，完成整改事项2项，建立台账并公示。",
};

}  // namespace

core::Status RecordDemoFirstSecretaryReports(storage::Store& store, int year, std::uint64_t seed) {
  const int work_year = year + 1;
  // Seen after the work year's last day: every report of it is due.
  const core::UnixSeconds year_end = core::CountyDayStart({work_year + 1, 1, 1});
  auto owed = app::OwedReportsIn(store, work_year, storage::OrgFilter{}, year_end);
  if (!owed.ok()) return owed.error();
  demo::Rng rng(seed ^ 0x5eed'f5'2017ULL);
  std::vector<storage::ReportRow> reports;
  for (const app::OwedReportView& v : owed.value()) {
    const int draw = rng.Between(1, 100);
    if (draw > 90) continue;  // about one in ten never filed
    const bool late = draw > 75;
    const core::UnixSeconds due_start = core::CountyDayStart(v.due);
    // On time: up to four days before the due day's evening; late: one to nine days after.
    const core::UnixSeconds at = late ? due_start + rng.Between(1, 9) * 86400 + 10 * 3600
                                      : due_start - rng.Between(0, 4) * 86400 + 18 * 3600;
    storage::ReportRow r;
    r.org_code = v.org_code;
    r.year = v.month.year;
    r.month = v.month.month;
    r.kind = std::string(core::ToString(v.kind));
    r.user_name = v.user_name;
    r.person = v.person;
    r.text = v.kind == core::ReportKind::kWorkPlan ? kPlans[v.month.month % kPlans.size()]
                                                   : kLedgers[v.month.month % kLedgers.size()];
    r.submitted_at = core::FormatUtc(at);
    reports.push_back(std::move(r));
  }
  return app::RecordReports(store, reports, kDemoPhotoPng, {"demo", "cli"});
}

}  // namespace grassroots::cli
