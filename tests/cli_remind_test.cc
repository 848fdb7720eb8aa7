// `grassroots remind --week W [--out DIR]` on a small county written for the test: the week
// recorded once (a second run says "already recorded, 0 new"), a file per recipient whose name
// is never the recipient's raw text, and bad weeks refused.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "cli_runner.h"

namespace grassroots::testing {
namespace {

class RemindCli : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(scratch_.Run({"init"}).exit_code, 0);
    const std::string orgs = scratch_.Write("orgs.csv",
                                            "code,name,type,kind,parent,secretary\n"
                                            "D1,一号党委,village,committee,,甲\n"
                                            "D1-1,一村支部,village,branch,D1,乙\n");
    ASSERT_EQ(scratch_.Run({"import", "orgs", orgs}).exit_code, 0);
    // Items written straight into the tables (their own use cases are another command's).
    const std::string sql =
        "INSERT INTO rectification_plans (id, year, org_code, created_at, created_by)"
        " VALUES (1, 2016, 'D1-1', '2016-01-01T00:00:00Z', 't');"
        "INSERT INTO rectification_items (plan_id, year, org_code, measure, responsible,"
        " deadline, state, created_at, updated_at) VALUES"
        " (1, 2016, 'D1-1', '建班子', '../../王书记', '2016-05-18', 'open', 'x', 'x'),"
        " (1, 2016, 'D1-1', '修场所', '../../王书记', '2016-05-01', 'in_progress', 'x', 'x');";
    Sql(sql);
  }
  void Sql(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(scratch_.Db().c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
  }
  Scratch scratch_;
};

TEST_F(RemindCli, AWeekIsRecordedOnceAndWrittenAsAFilePerRecipient) {
  const std::string dir = scratch_.Path("digests");
  const Outcome first = scratch_.Run({"remind", "--week", "2016-W20", "--out", dir});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, "2016-W20: 2 new digests, 0 inbox deliveries\n");
  EXPECT_EQ(scratch_.Count("reminder_digests"), 2);
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    ++files;
    const std::string name = entry.path().filename().string();
    EXPECT_EQ(name.find(".."), std::string::npos) << name;
    EXPECT_EQ(name.rfind("2016-W20-", 0), 0u) << name;
    const std::string text = ReadFile(entry.path().string());
    EXPECT_NE(text.find("建班子"), std::string::npos);
    EXPECT_NE(text.find("修场所"), std::string::npos);
  }
  EXPECT_EQ(files, 2);  // the person and D1, nothing outside the directory
  EXPECT_TRUE(std::filesystem::exists(dir + "/2016-W20-unit-D1-2.txt"));

  const Outcome second = scratch_.Run({"remind", "--week", "2016-W20"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.out, "2016-W20: already recorded, 0 new (2 digests)\n");
  EXPECT_EQ(scratch_.Count("reminder_digests"), 2);
}

TEST_F(RemindCli, BadWeeksAreRefused) {
  EXPECT_EQ(scratch_.Run({"remind"}).exit_code, 2);  // --week is required
  const Outcome bad = scratch_.Run({"remind", "--week", "2016-W54"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("--week"), std::string::npos) << bad.err;
  EXPECT_EQ(scratch_.Count("reminder_digests"), 0);
}

}  // namespace
}  // namespace grassroots::testing
