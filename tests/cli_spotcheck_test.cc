// `grassroots spotcheck` (issue 13) on the demo database, which holds the draws of 2016-03 to
// 2016-06: a month is drawn once from a given seed, printed as JSON or a table; `verify` says
// identical (exit 0) until an organization is added, then names it (exit 1).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"
#include "sqlite_exec.h"

namespace grassroots::testing {
namespace {

class SpotCheckCli : public ::testing::Test {
 protected:
  void SetUp() override { BuildDemo(scratch_); }
  Scratch scratch_;
};

TEST_F(SpotCheckCli, AMonthIsDrawnOnceAndVerifiedUntilTheDataChanges) {
  const Outcome drawn =
      scratch_.Run({"spotcheck", "--month", "2016-09", "--seed", "42", "--format", "json"});
  ASSERT_EQ(drawn.exit_code, 0) << drawn.err;
  const nlohmann::json view = nlohmann::json::parse(drawn.out);
  EXPECT_EQ(view["month"], "2016-09");
  EXPECT_EQ(view["seed"], "42");
  EXPECT_EQ(view["seed_source"], "given");
  ASSERT_FALSE(view["drawn"].empty());
  EXPECT_EQ(scratch_.Dump("SELECT COUNT(*) FROM spot_check_draws WHERE month = '2016-09'"),
            std::to_string(view["drawn"].size()) + "\n");

  const Outcome again = scratch_.Run({"spotcheck", "--month", "2016-09", "--seed", "43"});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("2016-09"), std::string::npos) << again.err;

  const Outcome same = scratch_.Run({"spotcheck", "verify", "--month", "2016-09"});
  EXPECT_EQ(same.exit_code, 0) << same.err;
  EXPECT_EQ(same.out, "2016-09: identical\n");

  ExecuteSql(scratch_.Db(),
             "INSERT INTO organizations (code, name, type, kind, parent_code, secretary, unit_code)"
             " SELECT 'MH001-99', '新建支部', 'village', 'branch', 'MH001', '某', unit_code"
             " FROM organizations WHERE code = 'MH001'");
  const Outcome changed = scratch_.Run({"spotcheck", "verify", "--month", "2016-09"});
  EXPECT_EQ(changed.exit_code, 1);
  EXPECT_NE(changed.out.find("not identical: candidate list changed"), std::string::npos)
      << changed.out;
  EXPECT_NE(changed.out.find("MH001-99 added"), std::string::npos) << changed.out;
}

TEST_F(SpotCheckCli, ShowPrintsAStoredMonthAndABadMonthNamesTheOption) {
  const Outcome shown =
      scratch_.Run({"spotcheck", "show", "--month", "2016-03", "--format", "table"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(shown.out.rfind("spot check 2016-03: seed 201603 (given)", 0), 0u) << shown.out;
  const Outcome bad = scratch_.Run({"spotcheck", "--month", "2016-13"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("month"), std::string::npos) << bad.err;
  const Outcome seed = scratch_.Run({"spotcheck", "--month", "2016-10", "--seed", "x"});
  EXPECT_EQ(seed.exit_code, 1);
  EXPECT_NE(seed.err.find("--seed"), std::string::npos) << seed.err;
  EXPECT_EQ(scratch_.Run({"spotcheck"}).exit_code, 2);
  const Outcome missing = scratch_.Run({"spotcheck", "verify", "--month", "2016-11"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no spot check was drawn for 2016-11"), std::string::npos);
}

}  // namespace
}  // namespace grassroots::testing
