#include "cli/demo_people.h"

#include <iterator>

#include "app/member_status_service.h"
#include "app/organization_records.h"
#include "app/training_service.h"

namespace grassroots::cli {
namespace {

struct DemoClass {
  int year_offset;  // 0: the last year, -1: the year before
  const char* name;
  int month, first_day, last_day;
  const char* place;
};

constexpr DemoClass kClasses[] = {
    {-1, "村党组织书记秋季进修班", 9, 21, 25, "县委党校"},
    {0, "村（社区）党组织书记春季进修班", 4, 11, 15, "县委党校"},
    {0, "软弱涣散党组织书记专题进修班", 7, 4, 8, "北极村党建教育基地"},
    {0, "机关、国企党组织书记进修班", 10, 17, 19, "县委党校"},
};

std::string ClassDay(int year, int month, int day) {
  return core::FormatIsoDate(core::CivilDate{year, month, day});
}

// The secretaries on class `c`'s list: every organization with a secretary whose position in
// the county falls on the class's stride, the demo secretary's own always; every seventh absent.
std::vector<core::Attendee> ListOf(std::size_t c, const std::vector<core::Organization>& orgs,
                                   const std::string& branch) {
  std::vector<core::Attendee> list;
  for (std::size_t i = 0; i < orgs.size(); ++i) {
    const core::Organization& org = orgs[i];
    if (org.secretary.empty()) continue;
    if (org.code != branch && (i + c) % 6 != 0) continue;
    core::Attendee a{org.secretary, org.code, true, ""};
    if (list.size() % 7 == 3) {
      a.attended = false;
      a.note = "因村务请假";
    }
    list.push_back(std::move(a));
  }
  return list;
}

core::Status AddClasses(storage::Store& store, int year,
                        const std::vector<core::Organization>& orgs, const std::string& branch,
                        const core::Principal& department, const storage::Actor& actor) {
  for (std::size_t c = 0; c < std::size(kClasses); ++c) {
    const DemoClass& d = kClasses[c];
    const int y = year + d.year_offset;
    core::TrainingClassInput in{std::to_string(y) + "年" + d.name,
                                ClassDay(y, d.month, d.first_day),
                                ClassDay(y, d.month, d.last_day),
                                "县委组织部",
                                d.place,
                                ""};
    auto stored = app::CreateTrainingClass(store, in, actor);
    if (!stored.ok()) return stored.error();
    auto added = app::AddTrainingAttendees(store, department, stored.value().id,
                                           ListOf(c, orgs, branch), actor);
    if (!added.ok()) return added.error();
  }
  return core::Status::Ok();
}

// A member's demo story: statuses in order with their days in `year`.
struct Step {
  core::MemberStatus to;
  int month, day;
  const char* note;
};

std::vector<Step> StoryOf(std::size_t n, core::MemberStatus current) {
  using S = core::MemberStatus;
  if (current != S::kRegular) return {{S::kRegular, 5, 20, "已恢复正常组织生活"}};
  switch (n % 4) {
    case 0:
      return {{S::kMobile, 3, 2, "外出务工"}, {S::kRegular, 11, 8, "返乡，恢复正常组织生活"}};
    case 1:
      return {{S::kMobile, 4, 15, "外出务工"}};
    case 2:
      return {{S::kLostContact, 6, 10, "多次联系未果"}};
    default:
      return {{S::kPocket, 2, 26, "持介绍信未转入"}, {S::kRegular, 8, 30, "组织关系已转入"}};
  }
}

core::Status AddStatusChanges(storage::Store& store, int year,
                              const std::vector<core::Member>& members, const std::string& branch,
                              const storage::Actor& actor) {
  const core::CivilDate today = core::CountyDate(core::DefaultClock().Now());
  std::size_t n = 0;
  for (std::size_t i = 0; i < members.size(); ++i) {
    const core::Member& m = members[i];
    if (m.org != branch && i % 37 != 0) continue;
    if (auto joined = core::ParseIsoDate(m.joined); joined && joined->year >= year) continue;
    core::MemberStatus current = m.status;
    for (const Step& step : StoryOf(n, current)) {
      const core::CivilDate on{year, step.month, step.day};
      if (today < on) break;
      const core::StatusChangeInput in{std::string(core::ToString(step.to)),
                                       core::FormatIsoDate(on), step.note};
      auto changed = app::ChangeMemberStatus(store, m.id, in, today, actor);
      if (!changed.ok()) return changed.error();
      current = step.to;
    }
    ++n;
  }
  return core::Status::Ok();
}

// The county's organizations as stored, in code order.
core::Result<std::vector<core::Organization>> StoredOrganizations(storage::Store& store) {
  std::vector<core::Organization> orgs;
  storage::OrgFilter filter;
  filter.limit = 1000;
  for (;;) {
    const std::size_t before = orgs.size();
    auto total = app::VisitOrganizations(store, filter, [&](const storage::OrgRowView& row) {
      core::Organization& org = orgs.emplace_back();
      org.code = std::string(row.code);
      org.secretary = std::string(row.secretary);
    });
    if (!total.ok()) return total.error();
    filter.offset += static_cast<std::int64_t>(orgs.size() - before);
    if (orgs.size() == before || filter.offset >= total.value()) break;
  }
  return orgs;
}

}  // namespace

core::Status AddDemoPeople(storage::Store& store, int year,
                           const std::vector<core::Member>& members, const std::string& branch) {
  auto orgs = StoredOrganizations(store);
  if (!orgs.ok()) return orgs.error();
  const storage::Actor actor{"demo", "cli"};
  core::Principal department;
  department.name = "demo";
  department.role = core::Role::kAdmin;
  if (core::Status s = AddClasses(store, year, orgs.value(), branch, department, actor); !s.ok())
    return s;
  return AddStatusChanges(store, year, members, branch, actor);
}

}  // namespace grassroots::cli
