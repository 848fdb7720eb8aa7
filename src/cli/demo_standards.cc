#include "cli/demo_standards.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "app/pairing_service.h"
#include "app/standards_service.h"
#include "app/stored_assessments.h"

namespace grassroots::cli {
namespace {

// Codes of `year`'s stored rows of `type` that were (or were not) selected, in code order.
core::Result<std::vector<std::string>> RowsOf(storage::Store& store, int year, bool selected,
                                              const std::string& type, std::int64_t limit) {
  storage::OrgFilter filter;
  filter.selected = selected;
  filter.type = type;
  filter.limit = limit;
  auto rows = app::AssessmentRows(store, year, filter);
  if (!rows.ok()) return rows.error();
  std::vector<std::string> codes;
  for (const storage::AssessmentRow& row : rows.value().items) codes.push_back(row.code);
  return codes;
}

core::Status Designate(storage::Store& store, const core::Principal& admin,
                       const storage::Actor& actor, int year, const std::string& name,
                       const std::string& on, std::vector<std::string> codes,
                       const core::CivilDate& today) {
  if (codes.empty()) return core::Status::Ok();
  auto outcome =
      app::DesignateBatch(store, admin, {year, name, on, std::move(codes)}, today, actor);
  if (!outcome.ok()) return outcome.error();
  if (!outcome.value().refused.empty()) {
    return core::Error::Internal("demo batch refused: " + outcome.value().refused[0].message);
  }
  return core::Status::Ok();
}

core::Status Standards(storage::Store& store, const core::Principal& admin,
                       const storage::Actor& actor, int year, const core::CivilDate& today) {
  auto villages = RowsOf(store, year, false, "village", 4);
  if (!villages.ok()) return villages.error();
  auto communities = RowsOf(store, year, false, "community", 4);
  if (!communities.ok()) return communities.error();
  auto institutions = RowsOf(store, year, false, "institution", 4);
  if (!institutions.ok()) return institutions.error();
  const std::string y = std::to_string(year);
  const std::vector<std::string> first = villages.value();
  std::vector<std::string> second = communities.value();
  second.insert(second.end(), institutions.value().begin(), institutions.value().end());
  if (core::Status s = Designate(store, admin, actor, year, y + "年第一批标准化党支部",
                                 y + "-07-01", first, today);
      !s.ok()) {
    return s;
  }
  if (core::Status s = Designate(store, admin, actor, year, y + "年第二批标准化党支部",
                                 y + "-12-20", second, today);
      !s.ok()) {
    return s;
  }
  // The first batch's last designation revoked: its branch no longer meets the standard.
  storage::DesignationFilter filter;
  filter.year = year;
  filter.org.limit = 1000;
  auto listed = app::ListDesignations(store, filter);
  if (!listed.ok()) return listed.error();
  for (const app::DesignationView& view : listed.value().items) {
    if (first.empty() || view.row.org_code != first.back()) continue;
    auto revoked = app::RevokeDesignation(
        store, admin, view.row.id,
        {std::to_string(year + 1) + "-03-15", "“三会一课”记录不全，活动场所挪作他用，复查未达标准"},
        today, actor);
    if (!revoked.ok()) return revoked.error();
  }
  return core::Status::Ok();
}

struct DemoAgency {
  const char* name;
  const char* category;
  int capacity;
};

constexpr std::array<DemoAgency, 9> kAgencies = {{
    {"县委办公室", "party_gov", 2},
    {"县委组织部", "party_gov", 1},
    {"县财政局", "economic", 2},
    {"县发展和改革局", "economic", 2},
    {"县公安局", "political_legal", 2},
    {"县司法局", "political_legal", 1},
    {"县农业农村局", "agriculture", 3},
    {"县林业和草原局", "agriculture", 2},
    {"县商务局", "economic", 1},
}};

core::Status Pairing(storage::Store& store, const core::Principal& admin,
                     const storage::Actor& actor, int year, const core::PairingMatch& match) {
  // The villages `year` selected are rectified, and helped, the year after; those the year
  // before selected are helped on.
  auto weak = RowsOf(store, year, true, "village", 8);
  if (!weak.ok()) return weak.error();
  auto before = RowsOf(store, year - 1, true, "village", 8);
  if (!before.ok()) return before.error();
  for (const std::string& code : before.value()) {
    if (std::find(weak.value().begin(), weak.value().end(), code) == weak.value().end()) {
      weak.value().push_back(code);
    }
  }
  const int helped = year + 1;
  for (const DemoAgency& a : kAgencies) {
    auto added = app::RegisterAgency(store, admin, {a.name, a.category, a.capacity}, actor);
    if (!added.ok()) return added.error();
  }
  // The problems cycle through the four kinds, a second one for every other village, so the
  // page shows each kind and villages with two.
  const std::array<std::vector<std::string>, 4> tags = {
      {{"weak_org", "poor"}, {"disorderly"}, {"specialized", "weak_org"}, {"poor"}}};
  std::size_t i = 0;
  for (const std::string& code : weak.value()) {
    const std::vector<std::string>& its = tags[i++ % tags.size()];
    auto set = app::SetVillageTags(store, admin, helped, code, its, actor);
    if (!set.ok()) return set.error();
    // The last village is tagged but left unpaired, so the page shows proposals to act on.
    if (i == weak.value().size()) break;
    auto proposals = app::ProposalsFor(store, helped, code, match);
    if (!proposals.ok()) return proposals.error();
    if (proposals.value().proposals.empty()) continue;
    const core::Proposal& first = proposals.value().proposals.front();
    auto paired = app::RecordPairing(
        store, admin, {helped, code, first.agency.id, std::to_string(helped) + "-03-01"},
        core::CountyDate(core::DefaultClock().Now()), actor);
    if (!paired.ok()) return paired.error();
  }
  return core::Status::Ok();
}

}  // namespace

core::Status FillStandardsDemo(storage::Store& store, int year, const core::PairingMatch& match) {
  auto stored = app::AssessmentOf(store, year);
  if (!stored.ok()) return stored.error();
  if (!stored.value()) return core::Status::Ok();
  const storage::Actor actor{"demo", "cli"};
  core::Principal admin;
  admin.name = "demo";
  admin.role = core::Role::kAdmin;
  const core::CivilDate today = core::CountyDate(core::DefaultClock().Now());
  if (core::Status s = Standards(store, admin, actor, year, today); !s.ok()) return s;
  return Pairing(store, admin, actor, year, match);
}

}  // namespace grassroots::cli
