// The assessment contract of docs/contract.md against the worked example in tests/data/small.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace grassroots::testing {
namespace {

using nlohmann::json;

json Sorted(json list) {
  std::sort(list.begin(), list.end());
  return list;
}

// Field-for-field comparison, reasons and actions as sets, policy_version checked apart.
void ExpectMatchesExample(const json& actual, const std::string& expected_file) {
  json expected = json::parse(ReadFile(kExamples + "/" + expected_file));
  ASSERT_TRUE(actual.contains("policy_version"));
  EXPECT_EQ(actual["policy_version"].get<std::string>().rfind("sha256:", 0), 0u);
  EXPECT_EQ(actual["year"], expected["year"]);
  EXPECT_EQ(actual["quotas"], expected["quotas"]);
  EXPECT_EQ(actual["selected"], expected["selected"]);
  ASSERT_EQ(actual["organizations"].size(), expected["organizations"].size());
  for (std::size_t i = 0; i < expected["organizations"].size(); ++i) {
    json want = expected["organizations"][i];
    json got = actual["organizations"][i];
    SCOPED_TRACE(want["code"].get<std::string>());
    for (const auto& key : {"reasons", "actions"}) {
      want[key] = Sorted(want[key]);
      got[key] = Sorted(got[key]);
    }
    EXPECT_EQ(got, want);
  }
}

class ExampleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(scratch_.Run({"init"}).exit_code, 0);
    const auto orgs = scratch_.Run({"import", "orgs", kExamples + "/orgs.csv"});
    ASSERT_EQ(orgs.exit_code, 0) << orgs.err;
    const auto scores = scratch_.Run({"import", "scores", kExamples + "/scores.csv"});
    ASSERT_EQ(scores.exit_code, 0) << scores.err;
  }
  json Assess(int year, std::string* err = nullptr) {
    const auto outcome =
        scratch_.Run({"assess", "--year", std::to_string(year), "--format", "json"});
    EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
    if (err) *err = outcome.err;
    return json::parse(outcome.out);
  }
  Scratch scratch_;
};

TEST_F(ExampleTest, AssessmentsOf2015And2016MatchTheWorkedExample) {
  ExpectMatchesExample(Assess(2015), "assess-2015.json");
  ExpectMatchesExample(Assess(2016), "assess-2016.json");
}

TEST_F(ExampleTest, AssessingALaterYearFirstAssessesTheUnassessedYearBefore) {
  std::string err;
  ExpectMatchesExample(Assess(2016, &err), "assess-2016.json");
  EXPECT_NE(err.find("2015"), std::string::npos) << err;
  EXPECT_EQ(scratch_.Dump("SELECT year FROM assessments ORDER BY year"), "2015\n2016\n");
}

TEST_F(ExampleTest, RerunningReplacesTheStoredAssessment) {
  const json first = Assess(2016);
  const json second = Assess(2016);
  EXPECT_EQ(first, second);
  EXPECT_EQ(scratch_.Count("assessment_results WHERE year = 2016"), 25);
  EXPECT_EQ(scratch_.Dump("SELECT selected_count FROM assessments WHERE year = 2016"), "10\n");
}

TEST_F(ExampleTest, StoredAssessmentRecordsItsPolicyVersion) {
  const json result = Assess(2015);
  EXPECT_EQ(scratch_.Dump("SELECT policy_version FROM assessments WHERE year = 2015"),
            result["policy_version"].get<std::string>() + "\n");
  EXPECT_EQ(scratch_.Count("policies"), 1);
}

TEST_F(ExampleTest, AnotherPolicyChangesTheVersionAndTheList) {
  std::string policy = ReadFile(std::string(GRASSROOTS_SOURCE_DIR) + "/policy/mohe-2016.toml");
  policy.replace(policy.find("community = 0.10"), 16, "community = 0.50");
  const std::string path = scratch_.Write("strict.toml", policy);
  const json base = Assess(2015);
  const auto outcome =
      scratch_.Run({"--policy", path, "assess", "--year", "2015", "--format", "json"});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  const json strict = json::parse(outcome.out);
  EXPECT_NE(strict["policy_version"], base["policy_version"]);
  EXPECT_EQ(strict["quotas"]["community"]["quota"], 3);
  EXPECT_EQ(scratch_.Count("policies"), 2);
}

TEST_F(ExampleTest, TableFormatListsEveryOrganization) {
  const auto outcome = scratch_.Run({"assess", "--year", "2016", "--format", "table"});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  for (const auto* code : {"A01", "V06", "T02"}) {
    EXPECT_NE(outcome.out.find(code), std::string::npos) << code;
  }
  EXPECT_NE(outcome.out.find("remove_parent_secretary(T01)"), std::string::npos);
}

TEST_F(ExampleTest, YearWithoutScoresIsBadInputAndWritesNothing) {
  const auto outcome = scratch_.Run({"assess", "--year", "2020"});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_NE(outcome.err.find("2020"), std::string::npos);
  EXPECT_EQ(scratch_.Count("assessments"), 0);
}

TEST(MultipleUnits, QuotasAreKeyedByUnitThenType) {
  Scratch scratch;
  scratch.Write("orgs.csv",
                "code,name,type,kind,parent,secretary,unit\n"
                "N1,北区党委,village,committee,,甲,north\n"
                "N2,北一村,village,branch,N1,乙,\n"
                "S1,南区党委,village,committee,,丙,south\n"
                "S2,南一村,village,branch,S1,丁,\n");
  scratch.Write("scores.csv",
                "code,year,team,leader,venue,routine,service,members\n"
                "N1,2016,80,80,80,80,80,80\nN2,2016,70,70,70,70,70,70\n"
                "S1,2016,60,60,60,60,60,60\nS2,2016,90,90,90,90,90,90\n");
  ASSERT_EQ(scratch.Run({"import", "orgs", scratch.Path("orgs.csv")}).exit_code, 0);
  ASSERT_EQ(scratch.Run({"import", "scores", scratch.Path("scores.csv")}).exit_code, 0);
  const auto outcome = scratch.Run({"assess", "--year", "2016", "--format", "json"});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  const json result = json::parse(outcome.out);
  EXPECT_EQ(result["quotas"]["north"]["village"]["count"], 2);
  EXPECT_EQ(result["quotas"]["south"]["village"]["quota"], 1);
  EXPECT_EQ(result["selected"], json({"N2", "S1"}));
}

}  // namespace
}  // namespace grassroots::testing
