#include "demo/county.h"

#include <cstdio>
#include <string>
#include <vector>

#include "demo/county_table.h"
#include "demo/names.h"
#include "demo/score_draw.h"

namespace grassroots::demo {
namespace {

using core::MemberStatus;
using core::Organization;
using core::OrgType;

// The county's 228 organizations: small enough to hold, and the members pass needs them.
struct CountyOrg {
  Organization org;
  bool has_children = false;
};

std::vector<CountyOrg> BuildOrganizations(std::uint64_t seed) {
  std::vector<CountyOrg> orgs;
  char code[16];
  int direct_number = 0;
  for (const CountyDirectOrg& direct : CountyDirectOrgs()) {
    ++direct_number;
    CountyOrg& head = orgs.emplace_back();
    std::snprintf(code, sizeof code, "MH%03d", direct_number);
    head.org.code = code;
    head.org.name = direct.name;
    head.org.type = direct.type;
    head.org.kind = direct.kind;
    head.has_children = !direct.children.empty();
    const std::string parent = code;
    std::string_view rest = direct.children;
    for (int child = 1; !rest.empty(); ++child) {
      const std::size_t bar = rest.find('|');
      CountyOrg& branch = orgs.emplace_back();
      std::snprintf(code, sizeof code, "%s-%02d", parent.c_str(), child);
      branch.org.code = code;
      branch.org.name = std::string(rest.substr(0, bar)).append(kBranchSuffix);
      branch.org.type = direct.type;
      branch.org.kind = core::OrgKind::kBranch;
      branch.org.parent = parent;
      rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
    }
  }
  for (std::size_t i = 0; i < orgs.size(); ++i) {
    Rng rng(StreamSeed(seed, kTagNames, i));
    DrawPersonName(rng, orgs[i].org.secretary);
  }
  return orgs;
}

// Typical membership of a branch by type: villages and communities are large, non-public
// enterprises small.
int TypeWeight(OrgType type) {
  static constexpr int kWeights[] = {30, 22, 14, 6, 9, 12};
  return kWeights[static_cast<int>(type)];
}

// How many members each organization holds: only organizations without children hold members
// (a committee's members sit in its branches); the counts add up to exactly kCountyMembers.
std::vector<std::int64_t> MemberCounts(const std::vector<CountyOrg>& orgs, std::uint64_t seed) {
  std::vector<std::int64_t> weights(orgs.size(), 0);
  std::int64_t total_weight = 0;
  for (std::size_t i = 0; i < orgs.size(); ++i) {
    if (orgs[i].has_children) continue;
    Rng rng(StreamSeed(seed, kTagMembers, i));
    weights[i] = TypeWeight(orgs[i].org.type) * rng.Between(60, 140);
    total_weight += weights[i];
  }
  std::vector<std::int64_t> counts(orgs.size(), 0);
  std::int64_t assigned = 0;
  for (std::size_t i = 0; i < orgs.size(); ++i) {
    counts[i] = weights[i] * kCountyMembers / total_weight;
    assigned += counts[i];
  }
  for (std::size_t i = 0; assigned < kCountyMembers; ++i) {
    if (weights[i] == 0) continue;
    ++counts[i];
    ++assigned;
  }
  return counts;
}

MemberStatus DrawStatus(Rng& rng) {
  const std::uint32_t roll = rng.Below(1000);
  if (roll < 850) return MemberStatus::kRegular;
  if (roll < 910) return MemberStatus::kMobile;
  if (roll < 930) return MemberStatus::kLostContact;
  if (roll < 940) return MemberStatus::kPocket;
  return MemberStatus::kRetired;
}

void EmitMembers(const std::vector<CountyOrg>& orgs, std::uint64_t seed, DemoSink& sink) {
  const std::vector<std::int64_t> counts = MemberCounts(orgs, seed);
  core::Member member;
  char text[32];
  std::int64_t number = 0;
  for (std::size_t i = 0; i < orgs.size(); ++i) {
    member.org = orgs[i].org.code;
    for (std::int64_t k = 0; k < counts[i]; ++k) {
      ++number;
      Rng rng(StreamSeed(seed, kTagMembers, i, static_cast<std::uint64_t>(number)));
      std::snprintf(text, sizeof text, "DY%05lld", static_cast<long long>(number));
      member.id = text;
      DrawPersonName(rng, member.name);
      member.status = DrawStatus(rng);
      const bool retired = member.status == MemberStatus::kRetired;
      const int year = retired ? rng.Between(1958, 1985) : rng.Between(1975, 2015);
      std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, rng.Between(1, 12),
                    rng.Between(1, 28));
      member.joined = text;
      sink.OnMember(member);
    }
  }
}

const CountyWeakSpec* FindWeak(std::string_view name, int year) {
  for (const CountyWeakSpec& spec : CountyWeakSpecs()) {
    if (spec.name == name && spec.year == year) return &spec;
  }
  return nullptr;
}

void EmitScores(const std::vector<CountyOrg>& orgs, std::uint64_t seed, DemoSink& sink) {
  core::ScoreRecord score;
  for (int year = kCountyFirstYear; year <= kCountyLastYear; ++year) {
    for (std::size_t i = 0; i < orgs.size(); ++i) {
      const CountyWeakSpec* weak = FindWeak(orgs[i].org.name, year);
      int base = NormalBaseTenths(seed, i, year);
      int spread = kNormalSpreadTenths;
      Rng rng(StreamSeed(seed, kTagYear, i, static_cast<std::uint64_t>(year)));
      if (weak != nullptr && weak->base_lo_tenths > 0) {
        base = rng.Between(weak->base_lo_tenths, weak->base_hi_tenths);
        spread = kWeakSpreadTenths;
      }
      score.code = orgs[i].org.code;
      score.year = year;
      score.dimensions = DrawDimensions(rng, base, spread);
      const bool committee_d = weak != nullptr && weak->committee_d;
      score.committee_grade = committee_d ? std::optional(core::Grade::kD) : std::nullopt;
      score.reason = committee_d ? weak->reason : std::string_view();
      sink.OnScore(score);
    }
  }
}

}  // namespace

void GenerateCounty(std::uint64_t seed, DemoSink& sink) {
  const std::vector<CountyOrg> orgs = BuildOrganizations(seed);
  for (const CountyOrg& org : orgs) sink.OnOrganization(org.org);
  EmitMembers(orgs, seed, sink);
  EmitScores(orgs, seed, sink);
}

}  // namespace grassroots::demo
