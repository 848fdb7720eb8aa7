// `grassroots backup --out FILE` (docs/deploy.md): a copy taken while the database is being
// written verifies on its own and holds what was committed when it was taken; restoring is
// copying it back; it never overwrites; PostgreSQL is sent to its own tools.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "cli_runner.h"

namespace grassroots::testing {
namespace {

class BackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(scratch_.Run({"import", "orgs", kExamples + "/orgs.csv"}).exit_code, 0);
    ASSERT_EQ(scratch_.Run({"import", "scores", kExamples + "/scores.csv"}).exit_code, 0);
  }
  // `grassroots --db DB ARGS...`.
  Outcome On(const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db});
    return scratch_.RunRaw(args);
  }
  // A 2017 score file whose values differ by `round`, so each import changes every row.
  std::string ScoreFile(int round) {
    std::string csv = "code,year,team,leader,venue,routine,service,members\n";
    const std::string value = std::to_string(50 + round % 40);
    for (const char* code : {"V01", "V02", "T01"}) {
      csv += std::string(code) + ",2017," + value + "," + value + "," + value + "," + value + "," +
             value + "," + value + "\n";
    }
    return scratch_.Write("scores-" + std::to_string(round) + ".csv", csv);
  }
  Scratch scratch_;
};

TEST_F(BackupTest, ACopyTakenWhileWritesGoOnVerifiesOnItsOwn) {
  // Files first: the writer then only runs the binary.
  std::vector<std::string> files;
  for (int round = 0; round < 12; ++round) files.push_back(ScoreFile(round));
  std::atomic<int> failed_writes = 0;
  std::thread writer([&] {
    for (const std::string& file : files) {
      if (scratch_.Run({"import", "scores", file}).exit_code != 0) ++failed_writes;
    }
  });
  const std::string copy = scratch_.Path("copy.db");
  const Outcome backup = scratch_.Run({"backup", "--out", copy});
  writer.join();
  ASSERT_EQ(backup.exit_code, 0) << backup.err;
  EXPECT_EQ(failed_writes, 0) << "the backup must not make writers fail";
  EXPECT_NE(backup.out.find("backup written: " + copy), std::string::npos) << backup.out;
  EXPECT_NE(backup.err.find("backup: 100%"), std::string::npos) << backup.err;

  const Outcome verified = On(copy, {"audit", "verify"});
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
  EXPECT_FALSE(std::filesystem::exists(copy + ".partial"));
  // The copy's head is one the live chain holds: what was committed when it was taken.
  const Outcome copy_head = On(copy, {"audit", "head"});
  ASSERT_EQ(copy_head.exit_code, 0) << copy_head.err;
  const std::string head = copy_head.out.substr(0, copy_head.out.size() - 1);
  EXPECT_NE(backup.out.find("audit head: " + head), std::string::npos) << backup.out;
  EXPECT_EQ(scratch_.Run({"audit", "verify", "--expect", head}).exit_code, 0);
}

TEST_F(BackupTest, RestoringIsCopyingBackAndLaterWorkIsSeenAsLost) {
  const std::string copy = scratch_.Path("copy.db");
  ASSERT_EQ(scratch_.Run({"backup", "--out", copy}).exit_code, 0);
  const long organizations = scratch_.Count("organizations");
  // Work after the backup, then the database is lost and restored from the copy.
  ASSERT_EQ(scratch_.Run({"import", "scores", ScoreFile(1)}).exit_code, 0);
  const std::string live_heads = scratch_.Db() + ".audit-heads";
  const std::string old_heads = scratch_.Path("old.audit-heads");
  std::filesystem::rename(live_heads, old_heads);
  std::filesystem::remove(scratch_.Db());
  std::filesystem::copy_file(copy, scratch_.Db());
  std::filesystem::copy_file(copy + ".audit-heads", live_heads);

  const Outcome verified = scratch_.Run({"audit", "verify"});
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;
  EXPECT_EQ(scratch_.Count("organizations"), organizations);
  EXPECT_EQ(scratch_.Dump("SELECT COUNT(*) FROM scores WHERE year = 2017"), "0\n");
  // The old head file still names the work done after the backup: verify says it is gone.
  std::filesystem::copy_file(old_heads, live_heads,
                             std::filesystem::copy_options::overwrite_existing);
  const Outcome lost = scratch_.Run({"audit", "verify"});
  EXPECT_EQ(lost.exit_code, 1) << lost.out << lost.err;
}

TEST_F(BackupTest, ItNeverOverwritesAndSaysWhy) {
  const std::string taken = scratch_.Write("taken.db", "someone's file");
  const Outcome refused = scratch_.Run({"backup", "--out", taken});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("--out"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("exists"), std::string::npos) << refused.err;
  EXPECT_EQ(ReadFile(taken), "someone's file");

  const Outcome no_database = On(scratch_.Path("missing.db"), {"backup", "--out", "x.db"});
  EXPECT_NE(no_database.exit_code, 0);
  EXPECT_NE(no_database.err.find("missing.db"), std::string::npos) << no_database.err;
  EXPECT_FALSE(std::filesystem::exists(scratch_.Path("x.db")));

  const Outcome postgres =
      On("postgresql://grassroots@localhost/county", {"backup", "--out", scratch_.Path("p.db")});
  EXPECT_EQ(postgres.exit_code, 1);
  EXPECT_NE(postgres.err.find("pg_dump"), std::string::npos) << postgres.err;
}

}  // namespace
}  // namespace grassroots::testing
