#include "cli/demo_party_life.h"

#include <array>
#include <string>

#include "app/economy_service.h"
#include "app/party_life_service.h"
#include "cli/context.h"
#include "core/clock.h"
#include "demo/rng.h"

namespace grassroots::cli {
namespace {

constexpr std::array<const char*, 6> kTopics = {
    "学习党章党规", "学习习近平总书记系列重要讲话", "研究发展党员工作",
    "民主评议党员", "研究村集体经济发展",           "讨论整改台账事项"};

std::string MeetingDay(int year, int month, int day) {
  return core::FormatIsoDate({year, month, day});
}

// A CSV field needs no quoting: the topics hold no comma, quote or line break.
void AddMeeting(std::string& csv, const std::string& code, std::string_view kind,
                const std::string& date, int attended, int expected, const char* topic) {
  csv += code + "," + std::string(kind) + "," + date + "," + std::to_string(attended) + "," +
         std::to_string(expected) + "," + topic + "\n";
}

// One quarter's meetings of one branch: `short_of` a kind (0..3) or -1 for none.
void AddQuarter(std::string& csv, const std::string& code, int year, int quarter, int short_of,
                demo::Rng& rng) {
  const int expected = rng.Between(12, 40);
  const auto attend = [&] { return expected - rng.Between(0, expected / 4); };
  const auto topic = [&] { return kTopics[static_cast<std::size_t>(rng.Between(0, 5))]; };
  const int first = (quarter - 1) * 3 + 1;
  if (short_of != 0) {
    AddMeeting(csv, code, "branch_meeting", MeetingDay(year, first + 2, rng.Between(5, 25)),
               attend(), expected, topic());
  }
  for (int m = 0; m < 3; ++m) {
    if (short_of == 1 && m == 2) continue;
    AddMeeting(csv, code, "committee_meeting", MeetingDay(year, first + m, rng.Between(1, 9)), 5, 5,
               topic());
    if (short_of == 2 && m >= 1) continue;
    AddMeeting(csv, code, "group_meeting", MeetingDay(year, first + m, rng.Between(10, 20)),
               attend(), expected, topic());
  }
  if (short_of != 3) {
    AddMeeting(csv, code, "party_lecture", MeetingDay(year, first + 1, rng.Between(21, 28)),
               attend(), expected, "书记讲党课");
  }
}

}  // namespace

core::Status RecordDemoPartyLife(storage::Store& store, int year, std::uint64_t seed) {
  auto branches = app::PartyLifeBranches(store, storage::OrgFilter{});
  if (!branches.ok()) return branches.error();
  demo::Rng rng(seed ^ 0x3e41'0e71ULL);
  core::Principal admin;
  admin.name = "demo";
  admin.role = core::Role::kAdmin;
  const core::CivilDate today = core::CountyDate(core::DefaultClock().Now());
  for (int quarter = 1; quarter <= 4; ++quarter) {
    std::string csv = "org_code,kind,date,attended,expected,topic\n";
    for (const storage::BranchRow& branch : branches.value()) {
      const int draw = rng.Between(1, 100);
      const int short_of = draw > 80 ? rng.Between(0, 3) : -1;  // about one in five falls short
      AddQuarter(csv, branch.code, year, quarter, short_of, rng);
    }
    auto imported = app::ImportMeetings(store, admin, csv, today, false, {"demo", "cli"});
    if (!imported.ok()) return imported.error();
    if (!imported.value().errors.empty()) {
      const core::LineError& e = imported.value().errors.front();
      return core::Error::Internal("demo meetings refused at line " + std::to_string(e.line) +
                                   ": " + e.message);
    }
  }
  return core::Status::Ok();
}

core::Status RecordDemoEconomy(storage::Store& store, int year, std::uint64_t seed) {
  storage::OrgFilter villages;
  villages.type = "village";
  auto branches = app::PartyLifeBranches(store, villages);
  if (!branches.ok()) return branches.error();
  demo::Rng rng(seed ^ 0xec0'2016ULL);
  for (const storage::BranchRow& village : branches.value()) {
    core::Organization org;
    org.code = village.code;
    org.type = core::OrgType::kVillage;
    const auto model = core::kAllEconomyModels[static_cast<std::size_t>(rng.Between(0, 4))];
    // 2万 to 60万元 a year, to the fen; the year after grows or shrinks by up to a fifth.
    std::int64_t fen = std::int64_t{rng.Between(20'000, 600'000)} * 100 + rng.Between(0, 99);
    for (int y = year - 1; y <= year; ++y) {
      core::EconomyInput input{y, fen, std::string(core::ToString(model))};
      auto stored = app::RecordEconomy(store, org, input, y, {"demo", "cli"});
      if (!stored.ok()) return stored.error();
      fen = fen * rng.Between(80, 120) / 100;
    }
  }
  return core::Status::Ok();
}

}  // namespace grassroots::cli
