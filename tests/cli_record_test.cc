// `grassroots explain` and `grassroots verify` against a temporary database: the explanation
// and the check come from the stored record, whatever happens to today's data.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"
#include "sqlite_exec.h"

namespace grassroots::testing {
namespace {

using nlohmann::json;

// V00, a direct committee scored 90, and its 12 village branches V01..V12 scored 60 + i in
// 2015 and 60 + 2i in 2016: each year the quota is ceil(13 × 15%) = 2 (V01 and V02), so V01
// and V02 are selected two years running.
std::string Orgs() {
  std::string csv = "code,name,type,kind,parent,secretary\nV00,镇党委,village,committee,,甲\n";
  for (int i = 1; i <= 12; ++i) {
    csv += (i < 10 ? "V0" : "V") + std::to_string(i) + ",村" + std::to_string(i) +
           ",village,branch,V00,乙\n";
  }
  return csv;
}

std::string Scores(int year, int changed_v01 = 0) {
  std::string csv = "code,year,team,leader,venue,routine,service,members\n";
  for (int i = 0; i <= 12; ++i) {
    int value = i == 0 ? 90 : 60 + (year == 2015 ? i : 2 * i);
    if (i == 1 && changed_v01 > 0) value = changed_v01;
    const std::string v = std::to_string(value);
    csv += (i < 10 ? "V0" : "V") + std::to_string(i) + "," + std::to_string(year) + "," + v + "," +
           v + "," + v + "," + v + "," + v + "," + v + "\n";
  }
  return csv;
}

class RecordCli : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(scratch_.Run({"init"}).exit_code, 0);
    Import("orgs", Orgs());
    Import("scores", Scores(2015));
    Import("scores", Scores(2016));
  }
  void Import(const std::string& kind, const std::string& csv) {
    const Outcome outcome = scratch_.Run({"import", kind, scratch_.Write(kind + ".csv", csv)});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  }
  Outcome Assess() {
    Outcome outcome = scratch_.Run({"assess", "--year", "2016", "--format", "json"});
    EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
    return outcome;
  }
  json Explain(const std::string& code) {
    const Outcome outcome = scratch_.Run({"explain", "--year", "2016", code, "--format", "json"});
    EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
    return json::parse(outcome.out, nullptr, false);
  }
  // Alters the stored record behind the program's back (test-only tampering).
  void Tamper(const std::string& sql) { ExecuteSql(scratch_.Db(), sql); }
  Scratch scratch_;
};

TEST_F(RecordCli, AssessNamesTheAuditHeadOnStderrAndKeepsStdoutTheContract) {
  const Outcome outcome = Assess();
  const json result = json::parse(outcome.out, nullptr, false);
  ASSERT_FALSE(result.is_discarded()) << outcome.out;
  EXPECT_EQ(result["selected"], json({"V01", "V02"}));
  const std::string head = scratch_.Dump("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
  ASSERT_EQ(head.size(), 65u);  // 64 hex digits and the newline
  EXPECT_NE(outcome.err.find("audit head " + head), std::string::npos) << outcome.err;
}

TEST_F(RecordCli, ExplainJsonTellsTheStoredResultAndItsArithmeticAsNumbers) {
  const Outcome run = Assess();
  // Today's score of V01 changes; the explanation stays what was stored and published.
  Import("scores", Scores(2016, 99));
  const json e = Explain("V01");
  EXPECT_EQ(e["code"], "V01");
  EXPECT_EQ(e["score"], 62.0);
  EXPECT_EQ(e["grade"], "C");
  EXPECT_EQ(e["grade_by_committee"], false);
  EXPECT_EQ(e["rank"], 1);
  EXPECT_EQ(e["group"]["count"], 13);
  EXPECT_EQ(e["group"]["ratio"], 0.15);
  EXPECT_EQ(e["group"]["product"], 1.95);
  EXPECT_EQ(e["group"]["quota"], 2);
  EXPECT_EQ(e["group"]["cut_score"], 64.0);
  EXPECT_EQ(e["group"]["taken"], 2);
  EXPECT_EQ(e["selected"], true);
  EXPECT_EQ(e["reasons"], json({"bottom_quota"}));
  EXPECT_EQ(e["consecutive"], true);
  EXPECT_EQ(e["previous_selected_years"], json({2015}));
  EXPECT_EQ(e["actions"], json::parse(R"([{"action":"remove_secretary","org":"V01"},
                                          {"action":"remove_parent_secretary","org":"V00"}])"));
  EXPECT_EQ(e["dimensions"]["team"], 62.0);
  EXPECT_EQ(e["policy_version"].get<std::string>().rfind("sha256:", 0), 0u);
  EXPECT_NE(run.err.find(e["audit_hash"].get<std::string>()), std::string::npos);
  EXPECT_TRUE(e["changed_since"].is_array());
}

TEST_F(RecordCli, ExplainTableReadsAsTextWithTheQuotaArithmetic) {
  Assess();
  const Outcome outcome = scratch_.Run({"explain", "--year", "2016", "V01", "--format", "table"});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  for (const char* text : {"13 × 15% = 1.95, rounded up to 2", "cut score     64.00 (2 taken",
                           "rank          1 of 13", "remove_parent_secretary V00",
                           "selected      yes (bottom_quota)", "changed since the run: nothing"}) {
    EXPECT_NE(outcome.out.find(text), std::string::npos) << text << "\n" << outcome.out;
  }
  // Not a terminal: JSON by default, like assess.
  const Outcome json_default = scratch_.Run({"explain", "--year", "2016", "V01"});
  EXPECT_FALSE(json::parse(json_default.out, nullptr, false).is_discarded());
}

TEST_F(RecordCli, ExplainOfAnUnknownCodeOrYearIsBadInputNamingIt) {
  Assess();
  Outcome outcome = scratch_.Run({"explain", "--year", "2016", "NOPE"});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_NE(outcome.err.find("NOPE"), std::string::npos) << outcome.err;
  EXPECT_EQ(outcome.out, "");
  outcome = scratch_.Run({"explain", "--year", "2019", "V01"});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_NE(outcome.err.find("2019 has not been assessed"), std::string::npos) << outcome.err;
  EXPECT_EQ(scratch_.Run({"explain", "--year", "2016"}).exit_code, 2);
  EXPECT_EQ(scratch_.Run({"explain", "V01"}).exit_code, 2);
  EXPECT_EQ(scratch_.Run({"explain", "--year", "2016", "V01", "--format", "xml"}).exit_code, 2);
}

TEST_F(RecordCli, VerifyIsIdenticalUntilTheStoredRecordIsAltered) {
  Assess();
  Outcome outcome = scratch_.Run({"verify", "--year", "2016"});
  EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(outcome.out, "identical\n");
  Import("scores", Scores(2016, 99));  // today's data does not enter the check
  EXPECT_EQ(scratch_.Run({"verify", "--year", "2016"}).out, "identical\n");

  Tamper(
      "UPDATE assessment_results SET selected = 0, reasons = 0 WHERE org_code = 'V02'"
      " AND year = 2016");
  outcome = scratch_.Run({"verify", "--year", "2016"});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.out, "different: V02 selected: stored false, recomputed true\n");
}

TEST_F(RecordCli, VerifyOfAYearNeverAssessedOrStoredWithoutInputsIsBadInput) {
  Outcome outcome = scratch_.Run({"verify", "--year", "2016"});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_NE(outcome.err.find("2016 has not been assessed"), std::string::npos) << outcome.err;
  Assess();
  Tamper("UPDATE assessments SET inputs_stored = 0 WHERE year = 2016");
  outcome = scratch_.Run({"verify", "--year", "2016"});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_NE(outcome.err.find("stored before assessments kept their inputs"), std::string::npos)
      << outcome.err;
  EXPECT_EQ(scratch_.Run({"verify"}).exit_code, 2);
  EXPECT_EQ(scratch_.Run({"verify", "--year", "soon"}).exit_code, 2);
}

}  // namespace
}  // namespace grassroots::testing
