#include "demo/demo_data.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

namespace grassroots::demo {
namespace {

using core::OrgType;

// Keeps everything: for the county, a few hundred rows.
struct RecordingSink : DemoSink {
  std::vector<core::Organization> orgs;
  std::vector<core::Member> members;
  std::vector<core::ScoreRecord> scores;
  void OnOrganization(const core::Organization& org) override { orgs.push_back(org); }
  void OnMember(const core::Member& member) override { members.push_back(member); }
  void OnScore(const core::ScoreRecord& score) override { scores.push_back(score); }
};

// FNV-1a over every field of every row, with separators, in stream order.
struct HashingSink : DemoSink {
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  void Add(std::string_view text) {
    for (unsigned char c : text) hash = (hash ^ c) * 0x100000001B3ULL;
    hash = (hash ^ 0xFF) * 0x100000001B3ULL;
  }
  void Add(double value) { Add(std::to_string(value)); }
  void OnOrganization(const core::Organization& o) override {
    for (std::string_view f :
         {std::string_view(o.code), std::string_view(o.name), core::ToString(o.type),
          core::ToString(o.kind), std::string_view(o.parent), std::string_view(o.secretary),
          std::string_view(o.unit)}) {
      Add(f);
    }
  }
  void OnMember(const core::Member& m) override {
    for (std::string_view f :
         {std::string_view(m.id), std::string_view(m.name), std::string_view(m.org),
          core::ToString(m.status), std::string_view(m.joined)}) {
      Add(f);
    }
  }
  void OnScore(const core::ScoreRecord& s) override {
    Add(s.code);
    Add(std::to_string(s.year));
    for (double value : s.dimensions) Add(value);
    Add(s.committee_grade ? core::ToString(*s.committee_grade) : "-");
    Add(s.reason);
  }
};

RecordingSink County(std::uint64_t seed = kDefaultSeed) {
  RecordingSink sink;
  GenerateDemo(Scale::kCounty, seed, sink);
  return sink;
}

TEST(DemoCounty, HasMoheCounts) {
  const RecordingSink county = County();
  int direct = 0;
  for (const auto& org : county.orgs) direct += org.parent.empty();
  EXPECT_EQ(direct, 39);
  EXPECT_EQ(county.orgs.size() - direct, 189u);
  EXPECT_EQ(county.orgs.size(), 228u);
  EXPECT_EQ(county.members.size(), 2'754u);
  EXPECT_EQ(county.scores.size(), 2u * 228u);
}

TEST(DemoCounty, ShapeMatchesTheData) {
  const DemoShape shape = ShapeOf(Scale::kCounty);
  EXPECT_EQ(shape.units, 1);
  EXPECT_EQ(shape.direct, 39);
  EXPECT_EQ(shape.subordinate, 189);
  EXPECT_EQ(shape.members, 2'754);
  EXPECT_EQ(shape.years, (std::vector<int>{2015, 2016}));
}

TEST(DemoCounty, HasAllSixTypesAndAllMemberStatuses) {
  const RecordingSink county = County();
  std::set<OrgType> types;
  for (const auto& org : county.orgs) types.insert(org.type);
  EXPECT_EQ(types.size(), 6u);
  std::map<core::MemberStatus, int> statuses;
  for (const auto& member : county.members) ++statuses[member.status];
  EXPECT_EQ(statuses.size(), 5u);
  EXPECT_GT(statuses[core::MemberStatus::kRegular], 2'000);
}

TEST(DemoCounty, CodesAreUniqueAndParentsPrecedeChildren) {
  const RecordingSink county = County();
  ASSERT_EQ(county.orgs.size(), 228u);
  ASSERT_EQ(county.members.size(), 2'754u);
  std::unordered_set<std::string> seen;
  for (const auto& org : county.orgs) {
    if (!org.parent.empty()) {
      EXPECT_TRUE(seen.count(org.parent)) << org.code;
    }
    EXPECT_TRUE(seen.insert(org.code).second) << org.code;
    EXPECT_TRUE(org.unit.empty()) << "a county uses the default unit";
    EXPECT_FALSE(org.secretary.empty());
  }
  for (const auto& member : county.members) EXPECT_TRUE(seen.count(member.org));
}

TEST(DemoCounty, ScoresAreOneDecimalBetween40And100) {
  const RecordingSink county = County();
  ASSERT_EQ(county.scores.size(), 2u * 228u);
  int grade_d = 0;
  for (const auto& score : county.scores) {
    for (double value : score.dimensions) {
      EXPECT_GE(value, 40.0);
      EXPECT_LE(value, 100.0);
      EXPECT_DOUBLE_EQ(value * 10, std::round(value * 10));
    }
    if (score.committee_grade) {
      ++grade_d;
      EXPECT_FALSE(score.reason.empty()) << score.code;
    }
  }
  EXPECT_EQ(grade_d, 2);
}

TEST(DemoData, SameSeedGivesTheSameStream) {
  HashingSink first, second, other;
  GenerateDemo(Scale::kCounty, 7, first);
  GenerateDemo(Scale::kCounty, 7, second);
  GenerateDemo(Scale::kCounty, 8, other);
  EXPECT_EQ(first.hash, second.hash);
  EXPECT_NE(first.hash, other.hash);
}

TEST(DemoData, ParsesScales) {
  EXPECT_EQ(ParseScale("county"), Scale::kCounty);
  EXPECT_EQ(ParseScale("province"), Scale::kProvince);
  EXPECT_EQ(ParseScale("country"), Scale::kCountry);
  EXPECT_EQ(ParseScale("planet"), std::nullopt);
  EXPECT_EQ(ToString(Scale::kProvince), "province");
}

// Counts and checks in stream, since the province is too large to keep in a test.
struct ProvinceCheck : DemoSink {
  std::int64_t orgs = 0, direct = 0, scores = 0, members = 0;
  std::set<std::string> units;
  std::unordered_set<std::string> codes;
  std::array<std::int64_t, core::kOrgTypeCount> by_type{};
  bool parents_first = true;
  void OnOrganization(const core::Organization& org) override {
    ++orgs;
    ++by_type[static_cast<int>(org.type)];
    if (org.parent.empty()) {
      ++direct;
      units.insert(org.unit);
    } else if (!codes.count(org.parent) || !org.unit.empty()) {
      parents_first = false;
    }
    codes.insert(org.code);
  }
  void OnMember(const core::Member&) override { ++members; }
  void OnScore(const core::ScoreRecord&) override { ++scores; }
};

TEST(DemoProvince, Has300000OrganizationsOver100Units) {
  ProvinceCheck check;
  GenerateDemo(Scale::kProvince, kDefaultSeed, check);
  EXPECT_EQ(check.orgs, 300'000);
  EXPECT_EQ(check.codes.size(), 300'000u);
  EXPECT_EQ(check.units.size(), 100u);
  EXPECT_TRUE(check.units.count("P001"));
  EXPECT_TRUE(check.units.count("P100"));
  EXPECT_TRUE(check.parents_first);
  EXPECT_EQ(check.scores, 600'000);
  EXPECT_EQ(check.members, 0);
  const DemoShape shape = ShapeOf(Scale::kProvince);
  EXPECT_EQ(shape.direct, check.direct);
  EXPECT_EQ(shape.direct + shape.subordinate, 300'000);
  // Villages are the largest group, as in the country.
  for (int t = 1; t < core::kOrgTypeCount; ++t) EXPECT_GT(check.by_type[0], check.by_type[t]);
}

TEST(DemoCountry, ShapeHas5200000OrganizationsOver2800Units) {
  const DemoShape shape = ShapeOf(Scale::kCountry);
  EXPECT_EQ(shape.units, 2'800);
  EXPECT_EQ(shape.direct + shape.subordinate, 5'200'000);
  EXPECT_EQ(shape.members, 0);
}

}  // namespace
}  // namespace grassroots::demo
