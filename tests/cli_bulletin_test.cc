// `grassroots bulletin --quarter Q [--unit U] [--issue] --format html|xlsx|pdf --out FILE`
// (issue 13): the quarter's bulletin written as a file; --issue stores it and later runs write
// the stored figures; a bad quarter or unit names the option and leaves no file; the PDF is
// printed by headless Chromium when it is installed.
#include <gtest/gtest.h>

#include <filesystem>

#include "cli_runner.h"
#include "csv/xlsx_reader.h"
#include "sqlite_exec.h"

namespace grassroots::testing {
namespace {

const std::string kNow = "GRASSROOTS_NOW=2031-02-01T00:30:00+08:00";

class CliBulletin : public ::testing::Test {
 protected:
  void SetUp() override {
    BuildDemo(scratch_);
    Exec(
        "INSERT INTO rectification_plans (year, org_code, created_at, created_by)"
        " VALUES (2030, 'MH002-02', 'x', 't'), (2030, 'MH001-01', 'x', 't');"
        "INSERT INTO rectification_items (plan_id, year, org_code, measure, responsible,"
        " deadline, state, created_at, updated_at) SELECT id, 2030, org_code,"
        " '措施 ' || org_code, '王五', '2030-06-30', 'open', 'x', 'x'"
        " FROM rectification_plans WHERE year = 2030;");
  }
  void Exec(const std::string& sql) { ExecuteSql(scratch_.Db(), sql); }
  Outcome Run(std::vector<std::string> args) {
    std::vector<std::string> all = {"--db", scratch_.Db(), "bulletin"};
    all.insert(all.end(), args.begin(), args.end());
    return scratch_.RunRaw(all, kNow);
  }
  Scratch scratch_;
};

TEST_F(CliBulletin, WritesADraftThenIssuesAndKeepsTheIssuedFigures) {
  const std::string html = scratch_.Path("q2.html");
  const Outcome draft = Run({"--quarter", "2030-Q2", "--format", "html", "--out", html});
  ASSERT_EQ(draft.exit_code, 0) << draft.err;
  EXPECT_NE(draft.err.find("draft"), std::string::npos) << draft.err;
  EXPECT_NE(ReadFile(html).find("草稿（未签发）"), std::string::npos);
  EXPECT_NE(ReadFile(html).find("措施 MH001-01"), std::string::npos);

  const Outcome issued =
      Run({"--quarter", "2030-Q2", "--issue", "--format", "html", "--out", html});
  ASSERT_EQ(issued.exit_code, 0) << issued.err;
  EXPECT_NE(issued.err.find("issued, No. 1"), std::string::npos) << issued.err;
  EXPECT_NE(ReadFile(html).find("2030年第1期"), std::string::npos);
  EXPECT_EQ(scratch_.Dump("SELECT quarter, number FROM bulletins WHERE year = 2030"),
            "2030-Q2|1\n");

  // Both items are closed afterwards; the issued bulletin still names them overdue.
  Exec(
      "UPDATE rectification_items SET state = 'closed', closed_on = '2030-06-01'"
      " WHERE year = 2030");
  const std::string xlsx = scratch_.Path("q2.xlsx");
  const Outcome again = Run({"--quarter", "2030-Q2", "--format", "xlsx", "--out", xlsx});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  std::vector<std::vector<std::string>> rows;
  auto sheet = csv::ReadSheet(ReadFile(xlsx), 2,
                              [&](const csv::SheetRow& row) { rows.push_back(row.cells); });
  ASSERT_TRUE(sheet.ok());
  EXPECT_EQ(sheet.value(), "逾期事项");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][4], "措施 MH001-01");
  EXPECT_EQ(rows[1][7], "1");

  const Outcome twice = Run({"--quarter", "2030-Q2", "--issue", "--format", "html", "--out", html});
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_NE(twice.err.find("issued already"), std::string::npos) << twice.err;
}

TEST_F(CliBulletin, OneUnitsBulletinHoldsOnlyItsItems) {
  const std::string html = scratch_.Path("mh002.html");
  const Outcome unit =
      Run({"--quarter", "2030-Q2", "--unit", "MH002", "--format", "html", "--out", html});
  ASSERT_EQ(unit.exit_code, 0) << unit.err;
  EXPECT_NE(ReadFile(html).find("措施 MH002-02"), std::string::npos);
  EXPECT_EQ(ReadFile(html).find("措施 MH001-01"), std::string::npos);
}

TEST_F(CliBulletin, ABadQuarterOrUnitNamesTheOptionAndWritesNothing) {
  const std::string out = scratch_.Path("bad.html");
  const Outcome quarter = Run({"--quarter", "2030-Q7", "--format", "html", "--out", out});
  EXPECT_EQ(quarter.exit_code, 1);
  EXPECT_NE(quarter.err.find("--quarter"), std::string::npos) << quarter.err;
  const Outcome unit =
      Run({"--quarter", "2030-Q2", "--unit", "NOPE", "--format", "html", "--out", out});
  EXPECT_EQ(unit.exit_code, 1);
  EXPECT_NE(unit.err.find("--unit"), std::string::npos) << unit.err;
  const Outcome running =
      Run({"--quarter", "2031-Q1", "--issue", "--format", "html", "--out", out});
  EXPECT_EQ(running.exit_code, 1);
  EXPECT_NE(running.err.find("has not ended"), std::string::npos) << running.err;
  EXPECT_FALSE(std::filesystem::exists(out));
  const Outcome format = Run({"--quarter", "2030-Q2", "--format", "docx", "--out", out});
  EXPECT_EQ(format.exit_code, 2);
}

TEST_F(CliBulletin, APdfIsPrintedByChromiumOrRefusedWithAClearMessage) {
  const std::string pdf = scratch_.Path("q2.pdf");
  const Outcome printed = Run({"--quarter", "2030-Q2", "--format", "pdf", "--out", pdf});
  if (std::filesystem::exists("/usr/bin/chromium")) {
    ASSERT_EQ(printed.exit_code, 0) << printed.err;
    const std::string bytes = ReadFile(pdf);
    EXPECT_EQ(bytes.substr(0, 5), "%PDF-");
    EXPECT_NE(bytes.find("/Type /Page"), std::string::npos);
  }
  // Without a browser: a clear refusal that suggests HTML, and no file.
  const std::string none = scratch_.Path("none.pdf");
  const Outcome missing = scratch_.RunRaw(
      {"--db", scratch_.Db(), "bulletin", "--quarter", "2030-Q2", "--format", "pdf", "--out", none},
      kNow + " GRASSROOTS_CHROMIUM=/nonexistent/chromium");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("Chromium is not installed"), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("--format html"), std::string::npos) << missing.err;
  EXPECT_FALSE(std::filesystem::exists(none));
}

}  // namespace
}  // namespace grassroots::testing
