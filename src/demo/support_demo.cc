#include "demo/support_demo.h"

#include <algorithm>
#include <array>

#include "demo/names.h"
#include "demo/rng.h"

namespace grassroots::demo {
namespace {

constexpr std::uint64_t kSupportTag = 12;

// The county's leaders and the department's staff: a few people each support several
// organizations, as in a real county, so the per-leader counts mean something.
constexpr std::array<const char*, 6> kLeaders = {"刘国平", "陈志刚", "张红梅",
                                                 "李建华", "王立新", "赵德胜"};
constexpr std::array<const char*, 4> kGuides = {"孙晓燕", "周海涛", "吴雪", "郑明"};
constexpr std::array<const char*, 8> kAgencies = {"县财政局",
                                                  "县教育局",
                                                  "县农业局",
                                                  "县卫生健康局",
                                                  "县交通运输局",
                                                  "县民政局",
                                                  "县人力资源和社会保障局",
                                                  "县林业局"};
constexpr std::array<const char*, 5> kSolved = {
    "帮助调整充实村“两委”班子", "协调解决活动场所维修资金", "指导落实“三会一课”制度",
    "帮助理清集体经济发展思路", "督促整改党员管理台账问题"};
constexpr std::array<const char*, 3> kFundPurposes = {"活动场所建设", "党员教育培训",
                                                      "服务群众项目"};

std::string Date(int year, int month, int day) { return core::FormatIsoDate({year, month, day}); }

bool Contains(const std::vector<std::string>& list, const std::string& code) {
  return std::find(list.begin(), list.end(), code) != list.end();
}

core::SupportAssignmentInput Holder(int year, core::SupportRole role, std::string person,
                                    std::string agency, std::string start) {
  core::SupportAssignmentInput input;
  input.year = year;
  input.role = role;
  input.person = std::move(person);
  input.agency = std::move(agency);
  input.start_date = std::move(start);
  return input;
}

void AddHolders(const core::Organization& org, std::size_t index, int year, Rng& rng,
                const SupportAccounts& accounts, core::OrgSupport& out) {
  const int work_year = year + 1;
  const std::string start = Date(work_year, 1, 3 + static_cast<int>(index % 10));
  core::SupportAssignmentInput leader = Holder(year, core::SupportRole::kContactLeader,
                                               kLeaders[index % kLeaders.size()], "县委", start);
  if (org.code == accounts.leader_org) leader.user_name = accounts.leader_account;
  out.assignments.push_back(leader);
  out.assignments.push_back(Holder(year, core::SupportRole::kOrgGuide,
                                   kGuides[index % kGuides.size()], "县委组织部", start));
  std::string contact;
  DrawPersonName(rng, contact);
  out.assignments.push_back(Holder(year, core::SupportRole::kPartnerAgency, contact,
                                   kAgencies[index % kAgencies.size()], start));
  std::string supervisor;
  DrawPersonName(rng, supervisor);
  out.assignments.push_back(
      Holder(year, core::SupportRole::kSupervisor, supervisor, "直属党委", start));
  if (org.type != core::OrgType::kVillage) return;
  std::string secretary;
  DrawPersonName(rng, secretary);
  core::SupportAssignmentInput first =
      Holder(year, core::SupportRole::kFirstSecretary, secretary,
             kAgencies[(index + 3) % kAgencies.size()], Date(work_year, 2, 1));
  if (Contains(accounts.first_secretary_villages, org.code)) {
    first.user_name = accounts.first_secretary_account;
  }
  out.assignments.push_back(first);
}

void AddVisits(std::size_t index, int year, Rng& rng, core::OrgSupport& out) {
  const int work_year = year + 1;
  const int count = rng.Between(2, 5);
  for (int v = 0; v < count; ++v) {
    core::VisitInput visit;
    visit.year = year;
    visit.visit_date = Date(work_year, 2 + v, rng.Between(1, 28));
    visit.kind = v % 2 == 1 ? core::VisitKind::kOnSite : core::VisitKind::kVisit;
    const bool leader = v % 3 != 2;
    visit.visitor = leader ? kLeaders[index % kLeaders.size()] : kGuides[index % kGuides.size()];
    visit.visitor_role = std::string(
        core::ToString(leader ? core::SupportRole::kContactLeader : core::SupportRole::kOrgGuide));
    visit.solved = kSolved[rng.Below(kSolved.size())];
    out.visits.push_back(std::move(visit));
  }
}

void AddTeamAndFunds(const core::Organization& org, std::size_t index, int year,
                     std::int64_t village_fund_fen, Rng& rng, core::OrgSupport& out) {
  const int work_year = year + 1;
  if (org.type == core::OrgType::kVillage) {
    core::WorkTeamInput team;
    team.year = year;
    DrawPersonName(rng, team.leader);
    std::string member;
    for (int m = 0; m < 2; ++m) {
      DrawPersonName(rng, member);
      team.members += (m == 0 ? "" : "、") + member;
    }
    team.agency = kAgencies[(index + 3) % kAgencies.size()];
    team.start_date = Date(work_year, 2, 1);
    team.end_date = Date(work_year, 12, 31);
    out.work_teams.push_back(std::move(team));
    out.funds.push_back({year, village_fund_fen, "整顿专项经费", Date(work_year, 3, 15)});
  } else if (index % 3 == 0) {
    out.funds.push_back(
        {year, 2'000'000, kFundPurposes[index % kFundPurposes.size()], Date(work_year, 4, 10)});
  }
}

}  // namespace

std::vector<core::OrgSupport> DemoSupport(const std::vector<core::Organization>& selected, int year,
                                          std::int64_t village_fund_fen,
                                          const SupportAccounts& accounts, std::uint64_t seed) {
  std::vector<core::OrgSupport> support;
  support.reserve(selected.size());
  for (std::size_t i = 0; i < selected.size(); ++i) {
    const core::Organization& org = selected[i];
    Rng rng(StreamSeed(seed, kSupportTag, i));
    core::OrgSupport one;
    one.code = org.code;
    one.type = org.type;
    AddHolders(org, i, year, rng, accounts, one);
    AddVisits(i, year, rng, one);
    AddTeamAndFunds(org, i, year, village_fund_fen, rng, one);
    support.push_back(std::move(one));
  }
  return support;
}

core::CivilDate DemoSupportLastDate(int year) { return {year + 1, 12, 31}; }

}  // namespace grassroots::demo
