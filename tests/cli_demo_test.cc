// `grassroots demo`: a Mohe-shaped database, rebuilt on request, never over a user's data.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace grassroots::testing {
namespace {

TEST(Demo, BuildsAMoheShapedDatabaseWithBothYearsAssessed) {
  Scratch scratch;
  const auto outcome = scratch.Run({"demo", "--no-serve"});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(scratch.Count("organizations"), 228);
  EXPECT_EQ(scratch.Count("organizations WHERE parent_code IS NULL"), 39);
  EXPECT_EQ(scratch.Count("members"), 2754);
  EXPECT_EQ(scratch.Count("(SELECT DISTINCT type FROM organizations)"), 6);
  EXPECT_EQ(scratch.Dump("SELECT year FROM assessments ORDER BY year"), "2015\n2016\n");
  const auto assessed = scratch.Run({"assess", "--year", "2016", "--format", "json"});
  ASSERT_EQ(assessed.exit_code, 0) << assessed.err;
  const auto result = nlohmann::json::parse(assessed.out);
  int consecutive = 0;
  for (const auto& org : result["organizations"]) consecutive += org["consecutive"].get<bool>();
  EXPECT_GE(consecutive, 2);  // the removal rule shows
  EXPECT_EQ(result["selected"].size(), 14u);
}

TEST(Demo, RebuildsADemoDatabase) {
  Scratch scratch;
  ASSERT_EQ(scratch.Run({"demo", "--no-serve"}).exit_code, 0);
  ASSERT_EQ(scratch.Run({"demo", "--no-serve"}).exit_code, 0);
  EXPECT_EQ(scratch.Count("organizations"), 228);
  // The new database's trail verifies: the old one's head file went with it.
  const Outcome verified = scratch.Run({"audit", "verify"});
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
}

TEST(Demo, RefusesToOverwriteAnotherDatabase) {
  Scratch scratch;
  scratch.Write("orgs.csv",
                "code,name,type,kind,parent,secretary\nT1,镇党委,village,committee,,王\n");
  ASSERT_EQ(scratch.Run({"import", "orgs", scratch.Path("orgs.csv")}).exit_code, 0);
  const auto outcome = scratch.Run({"demo", "--no-serve"});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_NE(outcome.err.find("not a demo database"), std::string::npos) << outcome.err;
  EXPECT_EQ(scratch.Dump("SELECT code FROM organizations"), "T1\n");
}

TEST(Demo, WritesBenchmarkCsvFilesThatImportCleanly) {
  Scratch scratch;
  const auto written = scratch.Run({"demo", "--scale", "county", "--out", scratch.Path("csv")});
  ASSERT_EQ(written.exit_code, 0) << written.err;
  for (const auto* kind : {"orgs", "members", "scores"}) {
    const auto outcome =
        scratch.Run({"import", kind, scratch.Path("csv/") + kind + std::string(".csv")});
    ASSERT_EQ(outcome.exit_code, 0) << kind << ": " << outcome.err;
  }
  EXPECT_EQ(scratch.Count("organizations"), 228);
  EXPECT_EQ(scratch.Count("scores"), 456);
}

}  // namespace
}  // namespace grassroots::testing
