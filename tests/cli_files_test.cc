// `grassroots import` of files as Excel and WPS on Chinese Windows save them: GB18030 CSV with
// Chinese headers, and .xlsx workbooks, with errors at the file's own lines.
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <string>
#include <vector>

#include "cli_runner.h"

namespace grassroots::testing {
namespace {

// The Chinese headers of the scores format in GBK bytes: 代码,年度,班子配备,书记业务,活动场所,
// 制度执行,服务群众,党员作用,等次,理由.
const std::string kScoresHeaderGbk =
    "\xB4\xFA\xC2\xEB,\xC4\xEA\xB6\xC8,\xB0\xE0\xD7\xD3\xC5\xE4\xB1\xB8,"
    "\xCA\xE9\xBC\xC7\xD2\xB5\xCE\xF1,\xBB\xEE\xB6\xAF\xB3\xA1\xCB\xF9,"
    "\xD6\xC6\xB6\xC8\xD6\xB4\xD0\xD0,\xB7\xFE\xCE\xF1\xC8\xBA\xD6\xDA,"
    "\xB5\xB3\xD4\xB1\xD7\xF7\xD3\xC3,\xB5\xC8\xB4\xCE,\xC0\xED\xD3\xC9\r\n";
// 优秀 and 会议决定 in GBK.
const std::string kExcellentGbk = "\xD3\xC5\xD0\xE3";
const std::string kDecidedGbk = "\xBB\xE1\xD2\xE9\xBE\xF6\xB6\xA8";
// 代码,名称,类型,组织类别,上级党组织,书记 and a row 漠河县委,农村,党委,,王 in GBK.
const std::string kOrgsGbk =
    "\xB4\xFA\xC2\xEB,\xC3\xFB\xB3\xC6,\xC0\xE0\xD0\xCD,\xD7\xE9\xD6\xAF\xC0\xE0\xB1\xF0,"
    "\xC9\xCF\xBC\xB6\xB5\xB3\xD7\xE9\xD6\xAF,\xCA\xE9\xBC\xC7\r\n"
    "MH,\xC4\xAE\xBA\xD3\xCF\xD8\xCE\xAF,\xC5\xA9\xB4\xE5,\xB5\xB3\xCE\xAF,,\xCD\xF5\r\n";

class FilesImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(scratch_.Run({"init"}).exit_code, 0);
    const std::string orgs =
        scratch_.Write("orgs.csv",
                       "code,name,type,kind,parent,secretary\nT1,一镇党委,village,committee,,王\n"
                       "V1,一村,village,branch,T1,李\n");
    ASSERT_EQ(scratch_.Run({"import", "orgs", orgs}).exit_code, 0);
  }

  // A workbook with one sheet "评分" of `rows` (numbers where a cell reads as one), written
  // by libxlsxwriter; a row given as empty stays empty in the sheet.
  std::string Workbook(const std::string& name, const std::vector<std::vector<std::string>>& rows) {
    const std::string path = scratch_.Path(name);
    lxw_workbook* workbook = workbook_new(path.c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "评分");
    for (std::size_t r = 0; r < rows.size(); ++r) {
      for (std::size_t c = 0; c < rows[r].size(); ++c) {
        const std::string& cell = rows[r][c];
        char* end = nullptr;
        const double number = std::strtod(cell.c_str(), &end);
        const auto row = static_cast<lxw_row_t>(r);
        const auto col = static_cast<lxw_col_t>(c);
        if (!cell.empty() && *end == '\0') {
          worksheet_write_number(sheet, row, col, number, nullptr);
        } else if (!cell.empty()) {
          worksheet_write_string(sheet, row, col, cell.c_str(), nullptr);
        }
      }
    }
    EXPECT_EQ(workbook_close(workbook), LXW_NO_ERROR);
    return path;
  }

  std::string Scores() const {
    return scratch_.Dump(
        "SELECT org_code, year, team, members, grade, reason FROM scores "
        "ORDER BY org_code, year");
  }

  Scratch scratch_;
};

TEST_F(FilesImportTest, ScoresOfAGbkFileWithChineseHeadersAreImported) {
  const std::string path =
      scratch_.Write("scores.csv", kScoresHeaderGbk + "T1,2016,90,85,80,75,70,65," + kExcellentGbk +
                                       "," + kDecidedGbk + "\r\nV1,2016,60,61,62,63,64,65.5,,\r\n");
  const Outcome outcome = scratch_.Run({"import", "scores", path});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.err.find(path + ": read as GB18030"), std::string::npos) << outcome.err;
  EXPECT_EQ(Scores(), "T1|2016|90.0|65.0|A|会议决定\nV1|2016|60.0|65.5||\n");
}

TEST_F(FilesImportTest, OrganizationsOfAGbkFileKeepTheirChineseNames) {
  const Outcome outcome =
      scratch_.Run({"import", "orgs", scratch_.Write("orgs-gbk.csv", kOrgsGbk)});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(
      scratch_.Dump("SELECT name, type, kind, secretary FROM organizations WHERE code = 'MH'"),
      "漠河县委|village|committee|王\n");
}

TEST_F(FilesImportTest, AUtf8FileSaysNothingOnStderr) {
  const std::string path =
      scratch_.Write("scores.csv",
                     "\xEF\xBB\xBF代码,年度,班子配备,书记业务,活动场所,制度执行,服务群众,党员作用\n"
                     "T1,2016,90,85,80,75,70,65\n");
  const Outcome outcome = scratch_.Run({"import", "scores", path});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(outcome.err, "");
}

TEST_F(FilesImportTest, ScoresOfAWorkbookAreImported) {
  const std::string path =
      Workbook("scores.xlsx", {{"代码", "年度", "班子配备", "书记业务", "活动场所", "制度执行",
                                "服务群众", "党员作用", "等次", "理由"},
                               {"T1", "2016", "90", "85", "80", "75", "70", "65", "B", "会议决定"},
                               {},
                               {"V1", "2016", "60", "61", "62", "63", "64", "65.5"}});
  const Outcome outcome = scratch_.Run({"import", "scores", path});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.err.find(path + ": read sheet \"评分\" of the workbook"), std::string::npos)
      << outcome.err;
  EXPECT_EQ(Scores(), "T1|2016|90.0|65.0|B|会议决定\nV1|2016|60.0|65.5||\n");
}

TEST_F(FilesImportTest, ErrorsInAWorkbookNameTheSheetsRows) {
  // Rows 3 and 5 of the sheet are empty; the bad value is on row 6.
  const std::string path = Workbook(
      "bad.xlsx", {{"code", "year", "team", "leader", "venue", "routine", "service", "members"},
                   {"T1", "2016", "90", "85", "80", "75", "70", "65"},
                   {},
                   {"V1", "2016", "60", "61", "62", "63", "64", "65"},
                   {},
                   {"V1", "2017", "60", "61", "一百", "63", "64", "65"}});
  const Outcome outcome = scratch_.Run({"import", "scores", path});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_NE(outcome.err.find(path + ":6: venue"), std::string::npos) << outcome.err;
  EXPECT_EQ(Scores(), "");
}

TEST_F(FilesImportTest, BytesThatAreNeitherUtf8NorGb18030AreRefusedAtTheirLine) {
  const std::string path = scratch_.Write("scores.csv",
                                          "code,year,team,leader,venue,routine,service,members\n"
                                          "T1,2016,90,85,80,75,70,65\n"
                                          "V1,2016,90,85,80,75,70,\xFF\n");
  const Outcome outcome = scratch_.Run({"import", "scores", path});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_NE(outcome.err.find(path + ":3: the file is neither UTF-8 nor GB18030"), std::string::npos)
      << outcome.err;
  EXPECT_EQ(Scores(), "");
}

TEST_F(FilesImportTest, AnArchiveThatIsNoWorkbookIsRefused) {
  // The first bytes of a ZIP archive, as a .docx or a damaged download has them.
  const std::string path = scratch_.Write("scores.xlsx", std::string("PK\x03\x04garbage", 11));
  const Outcome outcome = scratch_.Run({"import", "scores", path});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_NE(outcome.err.find(path + ": not a readable .xlsx workbook"), std::string::npos)
      << outcome.err;
}

}  // namespace
}  // namespace grassroots::testing

namespace grassroots::testing {
namespace {

TEST_F(FilesImportTest, UnknownParentsAreReportedWithBadFieldsAndChildrenOfBadRowsAreNot) {
  // Line 2 has a bad type; line 3 is its child (no error of its own); line 4 names a parent
  // that exists nowhere. One pass reports lines 2 and 4, each once.
  const std::string path = scratch_.Write("orgs.csv",
                                          "代码,名称,类型,组织类别,上级党组织,书记\n"
                                          "P1,二镇党委,farm,committee,,赵\n"
                                          "P1-01,二镇一村,village,branch,P1,钱\n"
                                          "P2-01,无处,village,branch,NOWHERE,孙\n");
  const Outcome outcome = scratch_.Run({"import", "orgs", path});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_NE(outcome.err.find(path + ":2: "), std::string::npos) << outcome.err;
  EXPECT_EQ(outcome.err.find(path + ":3: "), std::string::npos) << outcome.err;
  const std::size_t at = outcome.err.find(path + ":4: ");
  ASSERT_NE(at, std::string::npos) << outcome.err;
  EXPECT_NE(outcome.err.find("NOWHERE", at), std::string::npos) << outcome.err;
  EXPECT_EQ(outcome.err.find(path + ":4: ", at + 1), std::string::npos) << "listed once";
  EXPECT_EQ(scratch_.Count("organizations"), 2);
}

}  // namespace
}  // namespace grassroots::testing
