// `grassroots plan create` and `plan import` (issue 12) on the demo database: plans follow a
// stored selection once; an import writes every row or none, naming each bad row as FILE:LINE.
#include <gtest/gtest.h>

#include <string>

#include "cli_runner.h"

namespace grassroots::testing {
namespace {

class PlanCli : public ::testing::Test {
 protected:
  void SetUp() override { BuildDemo(scratch_); }
  long Items() const { return scratch_.Count("rectification_items"); }
  Scratch scratch_;
};

TEST_F(PlanCli, CreateMakesAPlanPerSelectedOrganizationOnce) {
  // The demo planned both its years; 2014 gets 2015's scores and its own assessment, no plans.
  const std::string scores = scratch_.Write(
      "scores.csv", "code,year,team,leader,venue,routine,service,members\n" +
                        scratch_.Dump("SELECT org_code || ',2014,' || team || ',' || leader || ','"
                                      " || venue || ',' || routine || ',' || service || ',' ||"
                                      " members FROM scores WHERE year = 2015"));
  ASSERT_EQ(scratch_.Run({"import", "scores", scores}).exit_code, 0);
  ASSERT_EQ(scratch_.Run({"assess", "--year", "2014", "--format", "json"}).exit_code, 0);
  const long selected =
      std::stol(scratch_.Dump("SELECT COUNT(*) FROM assessment_results WHERE year = 2014 AND "
                              "selected = 1"));
  ASSERT_GT(selected, 0);
  const Outcome first = scratch_.Run({"plan", "create", "--year", "2014"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, "plans for 2014: " + std::to_string(selected) + " created, 0 existing\n");
  const Outcome again = scratch_.Run({"plan", "create", "--year", "2014"});
  EXPECT_EQ(again.out, "plans for 2014: 0 created, " + std::to_string(selected) + " existing\n");
  EXPECT_EQ(scratch_.Dump("SELECT COUNT(*) FROM rectification_problems p JOIN "
                          "rectification_plans r ON r.id = p.plan_id WHERE r.year = 2014"),
            std::to_string(3 * selected) + "\n");
  const Outcome never = scratch_.Run({"plan", "create", "--year", "2013"});
  EXPECT_NE(never.exit_code, 0);
  EXPECT_NE(never.err.find("no stored assessment of 2013"), std::string::npos) << never.err;
}

TEST_F(PlanCli, ImportWritesNothingWhenAnyRowIsBadAndNamesEachByFileAndLine) {
  const long before = Items();
  const std::string path = scratch_.Write(
      "items.csv",
      "org_code,year,dimension,problem,measure,responsible,responsible_user,support_role,"
      "deadline\n"
      "MH001-01,2016,venue,活动场所不达标,新建活动室,李书记,,supervisor,2016-10-31\n"
      "MH001-01,2016,venue,活动场所不达标,配齐桌椅,李书记,,,2016-13-01\n"
      "MH003,2016,,,开展培训,王书记,,,2016-11-30\n"
      "MH001-01,2016,charm,,x,李书记,,nobody,2016-11-30\n");
  const Outcome outcome = scratch_.Run({"plan", "import", path});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_NE(outcome.err.find(path + ":3: deadline must be a day"), std::string::npos)
      << outcome.err;
  EXPECT_NE(outcome.err.find(path + ":5: dimension must be one of"), std::string::npos);
  EXPECT_NE(outcome.err.find(path + ":5: support_role must be"), std::string::npos);
  EXPECT_NE(outcome.err.find("nothing imported"), std::string::npos);
  EXPECT_EQ(Items(), before);

  // Rows good in themselves, one naming an organization with no plan: still nothing.
  const std::string no_plan = scratch_.Write("no_plan.csv",
                                             "org_code,year,measure,responsible,deadline\n"
                                             "MH001-01,2016,新建活动室,李书记,2016-10-31\n"
                                             "MH003,2016,开展培训,王书记,2016-11-30\n");
  const Outcome refused = scratch_.Run({"plan", "import", no_plan});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find(no_plan + ":3: no plan of MH003 for 2016"), std::string::npos)
      << refused.err;
  EXPECT_EQ(Items(), before);

  // A responsible account that does not exist: named with its line, still nothing.
  const std::string plan_org = scratch_.Dump(
      "SELECT org_code FROM rectification_plans WHERE year = 2016 ORDER BY org_code LIMIT 1");
  const std::string org = plan_org.substr(0, plan_org.find('\n'));
  const std::string unknown = scratch_.Write(
      "unknown.csv", "org_code,year,measure,responsible,responsible_user,deadline\n" + org +
                         ",2016,新建活动室,李书记,secretary,2016-10-31\n" + org +
                         ",2016,开展培训,王书记,nobody_here,2016-11-30\n");
  const Outcome stranger = scratch_.Run({"plan", "import", unknown});
  EXPECT_EQ(stranger.exit_code, 1);
  EXPECT_NE(stranger.err.find(unknown + ":3: responsible_user: there is no account named "
                                        "nobody_here"),
            std::string::npos)
      << stranger.err;
  EXPECT_EQ(stranger.err.find(unknown + ":2:"), std::string::npos) << stranger.err;
  EXPECT_EQ(Items(), before);
}

TEST_F(PlanCli, ImportTakesChineseHeadersAndAddsTheProblemsThePlanLacks) {
  const long before = Items();
  const long problems = scratch_.Count("rectification_problems");
  const std::string path = scratch_.Write(
      "items.csv",
      "组织代码,年度,维度,问题,整改措施,责任人,责任人账号,包扶层级,完成时限\n"
      "MH001-01,2016,venue,活动场所不达标,新建活动室,李书记,secretary,supervisor,2016-10-31\n"
      "MH001-01,2016,venue,活动场所不达标,配齐桌椅,李书记,,,2016-11-30\n"
      "MH001-01,2016,,,建立台账,李书记,,,2016-12-31\n");
  const Outcome outcome = scratch_.Run({"plan", "import", path});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(outcome.out, path + ": 3 items imported (1 new problems)\n");
  EXPECT_EQ(Items(), before + 3);
  EXPECT_EQ(scratch_.Count("rectification_problems"), problems + 1);
  EXPECT_EQ(scratch_.Dump("SELECT measure, responsible_user, state FROM rectification_items "
                          "WHERE measure = '新建活动室'"),
            "新建活动室|secretary|open\n");
}

}  // namespace
}  // namespace grassroots::testing
