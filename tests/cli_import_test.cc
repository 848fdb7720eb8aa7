// Imports are all rows or none: every bad row is reported as FILE:LINE: message, exit code 1,
// and the database is left exactly as it was.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "cli_runner.h"

namespace grassroots::testing {
namespace {

const std::string kOrgsHeader = "code,name,type,kind,parent,secretary\n";
const std::string kScoresHeader = "code,year,team,leader,venue,routine,service,members\n";

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(scratch_.Run({"init"}).exit_code, 0);
    ImportOk("orgs",
             kOrgsHeader + "T1,一镇党委,village,committee,,王\nV1,一村,village,branch,T1,李\n");
    ImportOk("scores", kScoresHeader + "T1,2016,80,80,80,80,80,80\n");
    before_ = Snapshot();
  }
  void ImportOk(const std::string& kind, const std::string& content) {
    const auto outcome = scratch_.Run({"import", kind, scratch_.Write(kind + ".csv", content)});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  }
  // Imports a bad file; expects exit 1, an error at FILE:LINE that mentions `words`, and an
  // unchanged database.
  void ExpectRejected(const std::string& kind, const std::string& content, int line,
                      const std::string& words) {
    const std::string path = scratch_.Write("bad.csv", content);
    const auto outcome = scratch_.Run({"import", kind, path});
    EXPECT_EQ(outcome.exit_code, 1);
    const std::string location = path + ":" + std::to_string(line) + ": ";
    EXPECT_NE(outcome.err.find(location), std::string::npos) << outcome.err;
    EXPECT_NE(outcome.err.find(words), std::string::npos) << outcome.err;
    EXPECT_EQ(Snapshot(), before_);
  }
  std::string Snapshot() const {
    return scratch_.Dump(
               "SELECT code, name, type, kind, parent_code, secretary FROM organizations ORDER BY "
               "code") +
           scratch_.Dump("SELECT * FROM scores ORDER BY org_code, year") +
           scratch_.Dump("SELECT * FROM members ORDER BY id");
  }
  Scratch scratch_;
  std::string before_;
};

TEST_F(ImportTest, UnknownType) {
  ExpectRejected("orgs", kOrgsHeader + "V2,二村,farm,branch,T1,赵\n", 2, "farm");
}

TEST_F(ImportTest, MissingParent) {
  ExpectRejected("orgs", kOrgsHeader + "V2,二村,village,branch,T9,赵\n", 2, "T9");
}

TEST_F(ImportTest, Cycle) {
  ExpectRejected("orgs", kOrgsHeader + "A,甲,village,branch,B,赵\nB,乙,village,branch,A,钱\n", 2,
                 "cycle");
}

TEST_F(ImportTest, CycleThroughAStoredOrganization) {
  ExpectRejected("orgs", kOrgsHeader + "T1,一镇党委,village,committee,V1,王\n", 2, "cycle");
}

TEST_F(ImportTest, DuplicateCode) {
  ExpectRejected("orgs",
                 kOrgsHeader + "V2,二村,village,branch,T1,赵\nV2,二村,village,branch,T1,赵\n", 3,
                 "duplicate");
}

TEST_F(ImportTest, ScoreOutsideTheRange) {
  ExpectRejected("scores", kScoresHeader + "V1,2016,80,101,80,80,80,80\n", 2, "101");
}

TEST_F(ImportTest, ScoreThatIsNotANumber) {
  ExpectRejected("scores", kScoresHeader + "V1,2016,80,80,abc,80,80,80\n", 2, "abc");
}

TEST_F(ImportTest, BadUtf8) {
  ExpectRejected("orgs", kOrgsHeader + "V2,\xff\xfe村,village,branch,T1,赵\n", 2, "UTF-8");
}

TEST_F(ImportTest, MissingColumn) {
  ExpectRejected("orgs", "code,name,kind,parent,secretary\nV2,二村,branch,T1,赵\n", 1, "type");
}

TEST_F(ImportTest, ScoreOfAnUnknownOrganization) {
  ExpectRejected("scores", kScoresHeader + "X9,2016,80,80,80,80,80,80\n", 2, "X9");
}

TEST_F(ImportTest, GradeWithoutAReason) {
  ExpectRejected("scores",
                 kScoresHeader.substr(0, kScoresHeader.size() - 1) + ",grade,reason\n" +
                     "V1,2016,80,80,80,80,80,80,D,\n",
                 2, "reason");
}

TEST_F(ImportTest, MemberOfAnUnknownOrganization) {
  ExpectRejected("members", "id,name,org,status\nM1,张三,X9,regular\n", 2, "X9");
}

TEST_F(ImportTest, EveryBadRowIsReportedNotJustTheFirst) {
  const std::string path =
      scratch_.Write("bad.csv", kScoresHeader +
                                    "V1,2016,80,80,80,80,80,80\nV1,2015,-1,80,80,80,80,80\n"
                                    "V1,2014,80,80,80,80,80,x\n");
  const auto outcome = scratch_.Run({"import", "scores", path});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_NE(outcome.err.find(path + ":3: "), std::string::npos) << outcome.err;
  EXPECT_NE(outcome.err.find(path + ":4: "), std::string::npos) << outcome.err;
  EXPECT_EQ(Snapshot(), before_);
}

TEST_F(ImportTest, AtMostAHundredErrorsArePrinted) {
  std::string content = kScoresHeader;
  for (int i = 0; i < 150; ++i) content += "V1," + std::to_string(1950 + i) + ",x,80,80,80,80,80\n";
  const auto outcome = scratch_.Run({"import", "scores", scratch_.Write("bad.csv", content)});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(std::count(outcome.err.begin(), outcome.err.end(), '\n'), 101);
}

TEST_F(ImportTest, RowsUpsertByKey) {
  ImportOk("orgs", kOrgsHeader + "V1,一村（新）,社区,党支部,T1,周\n");
  EXPECT_EQ(scratch_.Dump("SELECT name, type, secretary FROM organizations WHERE code = 'V1'"),
            "一村（新）|community|周\n");
  ImportOk("scores", kScoresHeader + "T1,2016,90,90,90,90,90,90\n");
  EXPECT_EQ(scratch_.Dump("SELECT team FROM scores WHERE org_code = 'T1'"), "90.0\n");
  EXPECT_EQ(scratch_.Count("organizations"), 2);
}

TEST_F(ImportTest, BomAndCrLfAreAccepted) {
  ImportOk("orgs",
           "\xEF\xBB\xBF"
           "code,name,type,kind,parent,secretary\r\nV3,三村,village,branch,T1,孙\r\n");
  EXPECT_EQ(scratch_.Count("organizations"), 3);
}

TEST_F(ImportTest, UnreadableFileIsBadInput) {
  const auto outcome = scratch_.Run({"import", "orgs", scratch_.Path("missing.csv")});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_NE(outcome.err.find("missing.csv"), std::string::npos);
}

// A store that refuses a row deep in the file, while the second reading parses chunks ahead of
// the one being written: the store's error is reported, the import ends (the parsing stopped,
// not left waiting), and nothing is written.
TEST_F(ImportTest, StoreRefusingARowMidFileEndsTheImportWithNothingWritten) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(scratch_.Db().c_str(), &db), SQLITE_OK);
  const int created = sqlite3_exec(db,
                                   "CREATE TRIGGER refuse_k30000 BEFORE INSERT ON organizations"
                                   " WHEN NEW.code = 'K30000'"
                                   " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
                                   nullptr, nullptr, nullptr);
  sqlite3_close(db);
  ASSERT_EQ(created, SQLITE_OK);
  std::string content = kOrgsHeader;
  for (int i = 0; i < 100'000; ++i) {
    content += "K" + std::to_string(i) + ",测试党支部,village,branch,T1,某\n";
  }
  const long records = scratch_.Count("audit_changes");
  const auto outcome = scratch_.Run({"import", "orgs", scratch_.Write("many.csv", content)});
  EXPECT_NE(outcome.exit_code, 0);
  EXPECT_NE(outcome.err.find("refused by the test"), std::string::npos) << outcome.err;
  EXPECT_NE(outcome.err.find("nothing was written"), std::string::npos) << outcome.err;
  EXPECT_EQ(Snapshot(), before_);
  EXPECT_EQ(scratch_.Count("audit_changes"), records);
}

// A writer killed in the middle of its transaction leaves the database as it was.
TEST_F(ImportTest, KilledImportLeavesTheDatabaseAsItWas) {
  std::string content = kOrgsHeader;
  content.reserve(40'000'000);
  for (int i = 0; i < 600'000; ++i) {
    content +=
        "K" + std::to_string(i) + ",测试党支部" + std::to_string(i) + ",village,branch,T1,某\n";
  }
  const std::string path = scratch_.Write("big.csv", content);
  const auto size_of = [](const std::string& file) -> long long {
    struct stat info {};
    return stat(file.c_str(), &info) == 0 ? static_cast<long long>(info.st_size) : 0;
  };
  const std::string db = scratch_.Db();
  const long long before = size_of(db) + size_of(db + "-wal");
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    execl(GRASSROOTS_BIN, GRASSROOTS_BIN, "--db", scratch_.Db().c_str(), "import", "orgs",
          path.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill once the transaction has spilled pages: into the write-ahead log, or into the file
  // itself when the import had the database to itself (a rollback journal, sqlite_db.cc).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  bool killed_mid_write = false;
  bool journaled = false;
  while (std::chrono::steady_clock::now() < deadline) {
    if (size_of(db) + size_of(db + "-wal") > before + 4 * 1024 * 1024) {
      kill(child, SIGKILL);
      killed_mid_write = true;
      struct stat journal {};
      journaled = stat((db + "-journal").c_str(), &journal) == 0;
      break;
    }
    int status = 0;
    if (waitpid(child, &status, WNOHANG) == child) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(killed_mid_write) << "the import finished before it could be killed";
  EXPECT_TRUE(journaled) << "alone with the database, the import wrote through a rollback journal";
  // The next command puts the file back (a rollback journal left behind is rolled back by the
  // first connection that may write) and finds the trail whole.
  const auto verified = scratch_.Run({"audit", "verify"});
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_EQ(Snapshot(), before_);
  EXPECT_EQ(scratch_.Dump("PRAGMA integrity_check"), "ok\n");
  EXPECT_EQ(scratch_.Dump("PRAGMA journal_mode"), "wal\n");
}

}  // namespace
}  // namespace grassroots::testing
