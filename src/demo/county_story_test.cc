// The county demo tells the article's story when the engine assesses it under the Mohe policy.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "core/assessment.h"
#include "core/policy.h"
#include "demo/demo_data.h"
#include "demo/table_sink.h"

namespace grassroots::demo {
namespace {

struct Assessed {
  core::OrgTable orgs;
  std::map<int, core::AssessmentResult> results;
};

Assessed AssessCounty(std::uint64_t seed) {
  const core::Policy policy = core::MoheDefaultPolicy();
  Assessed assessed;
  TableSink sink([&](const core::OrgTable& orgs, int year, core::YearScores&& scores) {
    core::AssessmentInput input;
    input.year = year;
    input.orgs = &orgs;
    input.scores = &scores;
    if (assessed.results.count(year - 1)) {
      input.previous_selected.push_back(assessed.results.at(year - 1).selected);
    }
    auto result = core::Assess(policy, input);
    ASSERT_TRUE(result.ok()) << result.error().message;
    assessed.results.emplace(year, std::move(result).value());
  });
  GenerateDemo(Scale::kCounty, seed, sink);
  sink.Finish();
  assessed.orgs = sink.orgs();
  return assessed;
}

std::int64_t IndexOf(const core::OrgTable& orgs, const std::string& code) {
  for (std::size_t i = 0; i < orgs.size(); ++i) {
    if (orgs.code[i] == code) return static_cast<std::int64_t>(i);
  }
  return -1;
}

TEST(DemoCountyStory, SelectsFourteenIn2016LikeTheArticle) {
  const Assessed county = AssessCounty(kDefaultSeed);
  ASSERT_EQ(county.results.size(), 2u);
  EXPECT_EQ(county.results.at(2016).SelectedCount(), 14u);
}

TEST(DemoCountyStory, WeakInBothYearsProposesRemovals) {
  const Assessed county = AssessCounty(kDefaultSeed);
  const core::AssessmentResult& result = county.results.at(2016);
  int direct = 0, second_level = 0;
  std::size_t actions = 0;
  for (std::size_t i = 0; i < county.orgs.size(); ++i) {
    if (!result.consecutive[i]) continue;
    ++(county.orgs.parent[i] == core::kNoParent ? direct : second_level);
    actions += core::ProposedActions(county.orgs, result, static_cast<std::uint32_t>(i)).size();
  }
  EXPECT_EQ(direct, 2);
  EXPECT_EQ(second_level, 2);
  EXPECT_EQ(actions, 6u) << "the article's 6 organizational adjustments";
}

TEST(DemoCountyStory, CommitteeGradeDSelectsAnOtherwiseSafeBranch) {
  const Assessed county = AssessCounty(kDefaultSeed);
  const std::int64_t branch = IndexOf(county.orgs, "MH017-08");  // 北陲商贸公司党支部
  ASSERT_GE(branch, 0);
  const core::AssessmentResult& result = county.results.at(2015);
  EXPECT_TRUE(result.selected[branch]);
  EXPECT_EQ(result.reasons[branch], core::kReasonGradeD);
}

TEST(DemoCountyStory, OtherSeedsSelectRoughlyFourteen) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    // 2016's quotas add up to 14; a committee grade D or a tie at a cut line adds one or two.
    const std::size_t selected = AssessCounty(seed).results.at(2016).SelectedCount();
    EXPECT_GE(selected, 14u) << "seed " << seed;
    EXPECT_LE(selected, 16u) << "seed " << seed;
  }
}

}  // namespace
}  // namespace grassroots::demo
