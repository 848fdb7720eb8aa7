#include "core/spot_check.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/policy.h"

namespace grassroots::core {
namespace {

TEST(SpotCheck, TheGeneratorIsParkAndMillersMinimalStandard) {
  ParkMiller numbers(1);
  EXPECT_EQ(numbers.Next(), 48271u);
  EXPECT_EQ(numbers.Next(), 182605794u);  // 48271² mod (2³¹−1)
  for (int i = 3; i < 10000; ++i) numbers.Next();
  EXPECT_EQ(numbers.Next(), 399268537u);  // their published check value for 48271
  // Seeds reduce into 1..2³¹−2.
  EXPECT_EQ(ParkMiller(0).Next(), 48271u);
  EXPECT_EQ(ParkMiller(ParkMiller::kModulus + 1).Next(), 48271u);
}

// The example of docs/spot-check.md, by hand: three villages, 10% → ceil(0.3) = 1; seed 1
// gives x₁ = 48271, 48271 mod 3 = 1, so the second by code.
TEST(SpotCheck, AWorkedExampleByHand) {
  const std::vector<SpotCandidate> villages = {
      {"V3", OrgType::kVillage, false, false},
      {"V1", OrgType::kVillage, false, false},
      {"V2", OrgType::kVillage, false, false},
  };
  const SpotDraw draw = DrawSpotCheck(villages, 100'000, 0, 1);
  EXPECT_EQ(draw.codes, std::vector<std::string>{"V2"});
  EXPECT_EQ(draw.numbers, std::vector<std::uint32_t>{48271});
}

// docs/spot-check.md's worked example: every step of it, numbers included.
TEST(SpotCheck, TheDocumentsWorkedExample) {
  std::vector<SpotCandidate> list;
  for (int i = 1; i <= 12; ++i) {
    const std::string code = (i < 10 ? "V0" : "V") + std::to_string(i);
    list.push_back({code, OrgType::kVillage, code == "V09", code == "V07"});
  }
  for (const char* code : {"C1", "C2", "C3", "C4"}) {
    list.push_back({code, OrgType::kCommunity, false, std::string(code) == "C2"});
  }
  list.push_back({"S1", OrgType::kSoe, false, true});
  const SpotDraw draw = DrawSpotCheck(list, 100'000, 1, 20160501);
  EXPECT_EQ(draw.codes, (std::vector<std::string>{"V04", "V03", "C3", "S1", "V09"}));
  EXPECT_EQ(draw.numbers,
            (std::vector<std::uint32_t>{357451680, 1666425282, 1719821743, 92530627, 1927393804}));
}

// A county-like list: every type, some under rectification, some drawn last month.
std::vector<SpotCandidate> County(std::uint32_t variant) {
  std::vector<SpotCandidate> list;
  const int sizes[kOrgTypeCount] = {37, 12, 3, 9, 1, 5};
  for (int t = 0; t < kOrgTypeCount; ++t) {
    for (int i = 0; i < sizes[t]; ++i) {
      const std::string code = "T" + std::to_string(t) + "-" + std::to_string(100 + i);
      const bool under = (i * 7 + t + variant) % 11 == 0;
      const bool last = (i * 5 + t + variant) % 4 == 0;
      list.push_back({code, static_cast<OrgType>(t), under, last});
    }
  }
  return list;
}

TEST(SpotCheck, TheSameSeedAndCandidatesDrawTheSameInAnyOrder) {
  std::vector<SpotCandidate> list = County(0);
  const SpotDraw first = DrawSpotCheck(list, 100'000, 1, 20160501);
  std::reverse(list.begin(), list.end());
  const SpotDraw again = DrawSpotCheck(list, 100'000, 1, 20160501);
  EXPECT_EQ(first.codes, again.codes);
  EXPECT_EQ(first.numbers, again.numbers);
  EXPECT_NE(DrawSpotCheck(list, 100'000, 1, 20160502).codes, first.codes);
}

// Over many seeds, candidate lists and ratios: each stratum gives its share, nobody twice,
// nobody from last month while its stratum has others, and at least the minimum under
// rectification whenever there are that many.
TEST(SpotCheck, StratificationAndItsConstraintsHoldOverManySeeds) {
  for (std::uint32_t variant = 0; variant < 4; ++variant) {
    const std::vector<SpotCandidate> list = County(variant);
    std::map<std::string, const SpotCandidate*> by_code;
    std::map<OrgType, std::int64_t> size, fresh, under_total;
    for (const SpotCandidate& c : list) {
      by_code[c.code] = &c;
      ++size[c.type];
      if (!c.drawn_last_month) ++fresh[c.type];
      if (c.under_rectification) ++under_total[c.type];
    }
    std::int64_t under_anywhere = 0;
    for (const auto& [type, n] : under_total) under_anywhere += n;
    for (std::int64_t ratio : {100'000, 150'000, 330'000}) {
      for (int min_under : {0, 1, 3}) {
        for (std::uint64_t seed = 1; seed <= 300; ++seed) {
          SCOPED_TRACE("variant " + std::to_string(variant) + " ratio " + std::to_string(ratio) +
                       " min " + std::to_string(min_under) + " seed " + std::to_string(seed));
          const SpotDraw draw = DrawSpotCheck(list, ratio, min_under, seed * 7919);
          ASSERT_EQ(draw.numbers.size(), draw.codes.size());
          std::set<std::string> seen;
          std::map<OrgType, std::int64_t> drawn, drawn_again;
          std::int64_t under = 0;
          for (const std::string& code : draw.codes) {
            ASSERT_TRUE(seen.insert(code).second) << code << " drawn twice";
            const SpotCandidate& c = *by_code.at(code);
            ++drawn[c.type];
            if (c.drawn_last_month) ++drawn_again[c.type];
            if (c.under_rectification) ++under;
          }
          std::int64_t extra = 0;
          for (const auto& [type, n] : size) {
            const std::int64_t share = CeilShare(ratio, n);
            ASSERT_GE(drawn[type], share);
            extra += drawn[type] - share;
            // Last month's ones only when the stratum had too few others for its share.
            if (fresh[type] >= share) {
              EXPECT_LE(drawn_again[type], drawn[type] - share);
            }
          }
          EXPECT_GE(under, std::min<std::int64_t>(min_under, under_anywhere));
          // Extras are only what step 4 added to reach the minimum.
          EXPECT_LE(extra, std::max<std::int64_t>(0, min_under));
          if (extra > 0) {
            EXPECT_EQ(under, std::min<std::int64_t>(min_under, under_anywhere));
          }
        }
      }
    }
  }
}

TEST(SpotCheck, WithNothingUnderRectificationOnlyTheSharesAreDrawn) {
  std::vector<SpotCandidate> list = County(1);
  for (SpotCandidate& c : list) c.under_rectification = false;
  const SpotDraw draw = DrawSpotCheck(list, 100'000, 1, 42);
  // 37, 12, 3, 9, 1, 5 organizations: 4 + 2 + 1 + 1 + 1 + 1.
  EXPECT_EQ(draw.codes.size(), 10u);
  EXPECT_TRUE(DrawSpotCheck({}, 100'000, 1, 42).codes.empty());
}

}  // namespace
}  // namespace grassroots::core
