// `grassroots ledger --year Y [--unit U] --format xlsx|csv --out FILE` (issue 12): the year's
// rectification ledger written as a file and read back, one unit's or the county's; bad usage
// exits 2, a file that cannot be written exits 1 and leaves nothing.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "cli_runner.h"
#include "csv/csv_reader.h"
#include "csv/xlsx_reader.h"

namespace grassroots::testing {
namespace {

class CliLedger : public ::testing::Test {
 protected:
  void SetUp() override {
    BuildDemo(scratch_);
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(scratch_.Db().c_str(), &db), SQLITE_OK);
    const char* sql =
        "INSERT INTO rectification_plans (year, org_code, created_at, created_by)"
        " VALUES (2030, 'MH002-02', 'x', 't'), (2030, 'MH001-01', 'x', 't');"
        "INSERT INTO rectification_items (plan_id, year, org_code, measure, responsible,"
        " deadline, state, created_at, updated_at) SELECT id, 2030, org_code,"
        " '措施 ' || org_code, '王五', '2030-06-30', 'submitted', 'x', 'x'"
        " FROM rectification_plans WHERE year = 2030 ORDER BY org_code DESC;";
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << message;
  }
  Scratch scratch_;
};

TEST_F(CliLedger, WritesTheYearsItemsAsCsvWithABomAndAsAWorkbook) {
  const Outcome csv = scratch_.Run(
      {"ledger", "--year", "2030", "--format", "csv", "--out", scratch_.Path("l.csv")});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_NE(csv.err.find("2 items"), std::string::npos) << csv.err;
  const std::string bytes = ReadFile(scratch_.Path("l.csv"));
  EXPECT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF");
  const csv::Table table = csv::ParseCsv(bytes);
  ASSERT_EQ(table.records.size(), 2u);
  EXPECT_EQ(table.header.at(0), "组织代码");
  EXPECT_EQ(table.header.at(8), "完成时限");
  // By organization code, whatever the order the items were made in.
  EXPECT_EQ(table.records[0].fields.at(0), "MH001-01");
  EXPECT_EQ(table.records[0].fields.at(5), "措施 MH001-01");
  EXPECT_EQ(table.records[0].fields.at(8), "2030-06-30");
  EXPECT_EQ(table.records[0].fields.at(9), "待销号");
  EXPECT_EQ(table.records[1].fields.at(0), "MH002-02");

  const Outcome xlsx = scratch_.Run({"ledger", "--year", "2030", "--unit", "default", "--format",
                                     "xlsx", "--out", scratch_.Path("l.xlsx")});
  ASSERT_EQ(xlsx.exit_code, 0) << xlsx.err;
  std::vector<std::vector<std::string>> rows;
  auto sheet = csv::ReadFirstSheet(ReadFile(scratch_.Path("l.xlsx")),
                                   [&](const csv::SheetRow& row) { rows.push_back(row.cells); });
  ASSERT_TRUE(sheet.ok());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].at(0), "MH001-01");
  EXPECT_EQ(rows[1].at(8), "2030-06-30");
}

TEST_F(CliLedger, AnotherUnitsLedgerHasTheHeaderOnly) {
  const Outcome out = scratch_.Run({"ledger", "--year", "2030", "--unit", "elsewhere", "--format",
                                    "csv", "--out", scratch_.Path("l.csv")});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  EXPECT_TRUE(csv::ParseCsv(ReadFile(scratch_.Path("l.csv"))).records.empty());
}

TEST_F(CliLedger, BadUsageExitsTwoAndAnUnwritableFileOneLeavingNothing) {
  EXPECT_EQ(scratch_.Run({"ledger", "--year", "2030", "--format", "pdf", "--out", "x"}).exit_code,
            2);
  EXPECT_EQ(scratch_.Run({"ledger", "--format", "csv", "--out", "x"}).exit_code, 2);
  EXPECT_EQ(scratch_.Run({"ledger", "--year", "2030", "--format", "csv"}).exit_code, 2);
  const std::string missing = scratch_.Path("no/such/dir/l.csv");
  const Outcome out =
      scratch_.Run({"ledger", "--year", "2030", "--format", "csv", "--out", missing});
  EXPECT_EQ(out.exit_code, 1) << out.err;
  EXPECT_NE(out.err.find("--out"), std::string::npos) << out.err;
  EXPECT_FALSE(std::filesystem::exists(missing));
}

}  // namespace
}  // namespace grassroots::testing
