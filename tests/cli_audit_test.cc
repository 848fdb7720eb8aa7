// `grassroots audit head` and `audit verify [--expect ID:HASH]` on a real database: a head written
// down is checked later; entries cut from the end are caught; imports record each changed row;
// GRASSROOTS_NOW fixes the instant everything is recorded at.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "cli_runner.h"
#include "sqlite_exec.h"

namespace grassroots::testing {
namespace {

class AuditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(scratch_.Run({"import", "orgs", kExamples + "/orgs.csv"}).exit_code, 0);
    ASSERT_EQ(scratch_.Run({"import", "scores", kExamples + "/scores.csv"}).exit_code, 0);
  }
  std::string Head() {
    const Outcome head = scratch_.Run({"audit", "head"});
    EXPECT_EQ(head.exit_code, 0) << head.err;
    EXPECT_TRUE(std::regex_match(head.out, std::regex("[1-9][0-9]*:[0-9a-f]{64}\n"))) << head.out;
    return head.out.substr(0, head.out.size() - 1);
  }
  // Deletes the newest entry and its change records, as someone with the file could once the
  // triggers are dropped.
  void CutTheLastEntry() {
    ExecuteSql(scratch_.Db(),
               "DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_changes_no_delete;"
               " DELETE FROM audit_changes WHERE entry_id = (SELECT MAX(id) FROM audit_log);"
               " DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)");
  }
  Scratch scratch_;
};

TEST_F(AuditTest, AHeadWrittenDownVerifiesUntilTheEntryIsCut) {
  const std::string head = Head();
  const Outcome intact = scratch_.Run({"audit", "verify", "--expect", head});
  ASSERT_EQ(intact.exit_code, 0) << intact.err;
  EXPECT_NE(intact.out.find("audit log intact: 2 entries, head " + head), std::string::npos)
      << intact.out;
  EXPECT_NE(intact.out.find(head + " is in the chain"), std::string::npos) << intact.out;

  CutTheLastEntry();
  std::filesystem::remove(scratch_.Db() + ".audit-heads");  // and the head file with it
  EXPECT_EQ(scratch_.Run({"audit", "verify"}).exit_code, 0) << "nothing else remembers it";
  const Outcome cut = scratch_.Run({"audit", "verify", "--expect", head});
  EXPECT_EQ(cut.exit_code, 1);
  EXPECT_NE(cut.err.find("removed from the end"), std::string::npos) << cut.err;
}

TEST_F(AuditTest, TheHeadFileBesideTheDatabaseCatchesACutEnd) {
  CutTheLastEntry();
  const Outcome cut = scratch_.Run({"audit", "verify"});
  EXPECT_EQ(cut.exit_code, 1);
  EXPECT_NE(cut.err.find("removed from the end"), std::string::npos) << cut.err;
  EXPECT_NE(cut.err.find(".audit-heads"), std::string::npos) << cut.err;
}

TEST_F(AuditTest, AMalformedExpectedHeadIsBadUsage) {
  EXPECT_EQ(scratch_.Run({"audit", "verify", "--expect", "12"}).exit_code, 2);
  EXPECT_EQ(scratch_.Run({"audit", "verify", "--expect", "1:abc"}).exit_code, 2);
}

// The record is stored compact (the shape's number, then the values: the team's score fourth)
// and read back as the object a single write records: `explain` shows the change since the run.
TEST_F(AuditTest, AReimportRecordsOnlyTheRowsItChanged) {
  ASSERT_EQ(scratch_.Run({"assess", "--year", "2016"}).exit_code, 0);
  std::string scores = ReadFile(kExamples + "/scores.csv");
  const std::string row = "V01,2016,58,60,59,62,61,60,,";
  ASSERT_NE(scores.find(row), std::string::npos);
  scores.replace(scores.find(row), row.size(), "V01,2016,68,60,59,62,61,60,,");
  const Outcome again = scratch_.Run({"import", "scores", scratch_.Write("scores.csv", scores)});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("(0 new, 1 updated, 48 unchanged)"), std::string::npos) << again.out;
  EXPECT_EQ(scratch_.Dump("SELECT c.entity, json_extract(c.before_json, '$[3]'),"
                          " json_extract(c.after_json, '$[3]') FROM audit_changes c"
                          " WHERE c.entry_id = (SELECT MAX(id) FROM audit_log)"),
            "score:V01:2016|58|68\n");
  EXPECT_EQ(scratch_.Run({"audit", "verify"}).exit_code, 0);

  const Outcome explained = scratch_.Run({"explain", "--year", "2016", "V01", "--format", "json"});
  ASSERT_EQ(explained.exit_code, 0) << explained.err;
  const nlohmann::json changes = nlohmann::json::parse(explained.out).at("changed_since");
  ASSERT_EQ(changes.size(), 1u) << explained.out;
  EXPECT_EQ(changes[0].at("action"), "import.scores");
  EXPECT_EQ(changes[0].at("before").at("team"), 58);
  EXPECT_EQ(changes[0].at("after").at("team"), 68);
  EXPECT_EQ(changes[0].at("after").at("code"), "V01");
  EXPECT_EQ(changes[0].at("after").at("reason"), nullptr);
}

TEST(AuditClock, GrassrootsNowFixesTheRecordedInstant) {
  Scratch scratch;
  const std::string now = "GRASSROOTS_NOW=2016-07-01T00:00:00+08:00";
  const std::string db = scratch.Db();
  ASSERT_EQ(scratch.RunRaw({"--db", db, "import", "orgs", kExamples + "/orgs.csv"}, now).exit_code,
            0);
  ASSERT_EQ(
      scratch.RunRaw({"--db", db, "import", "scores", kExamples + "/scores.csv"}, now).exit_code,
      0);
  ASSERT_EQ(scratch.RunRaw({"--db", db, "assess", "--year", "2016"}, now).exit_code, 0);
  EXPECT_EQ(scratch.Dump("SELECT DISTINCT at FROM audit_log"), "2016-06-30T16:00:00Z\n");
  EXPECT_EQ(scratch.Dump("SELECT year, run_at FROM assessments ORDER BY year"),
            "2015|2016-06-30T16:00:00Z\n2016|2016-06-30T16:00:00Z\n");
  const Outcome bad = scratch.RunRaw({"--db", db, "audit", "head"}, "GRASSROOTS_NOW=tomorrow");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("GRASSROOTS_NOW"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace grassroots::testing
