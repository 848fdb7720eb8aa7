// POST /api/v1/imports/{kind} with files as people have them: GB18030 CSV with Chinese headers
// and .xlsx workbooks, sent as they are. The answers say how the file was read; the dry run's
// preview shows the rows as the import reads them, lines as in the errors.
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

// 代码,年度,班子配备,书记业务,活动场所,制度执行,服务群众,党员作用 in GBK.
const std::string kScoresHeaderGbk =
    "\xB4\xFA\xC2\xEB,\xC4\xEA\xB6\xC8,\xB0\xE0\xD7\xD3\xC5\xE4\xB1\xB8,"
    "\xCA\xE9\xBC\xC7\xD2\xB5\xCE\xF1,\xBB\xEE\xB6\xAF\xB3\xA1\xCB\xF9,"
    "\xD6\xC6\xB6\xC8\xD6\xB4\xD0\xD0,\xB7\xFE\xCE\xF1\xC8\xBA\xD6\xDA,"
    "\xB5\xB3\xD4\xB1\xD7\xF7\xD3\xC3\r\n";

class HttpFiles : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(admin_.LoginAs("admin").status, 200); }
  Reply Post(const std::string& path, const std::string& bytes,
             const std::string& type = "text/csv") {
    return admin_.Send("POST", path, bytes, true, type);
  }
  std::string Scores(int year) {
    return HttpServer::Get().scratch().Dump(
        "SELECT org_code, team, members FROM scores WHERE year = " + std::to_string(year) +
        " ORDER BY org_code");
  }
  std::string Workbook(const std::vector<std::vector<std::string>>& rows) {
    const std::string path = scratch_.Path("upload.xlsx");
    lxw_workbook* workbook = workbook_new(path.c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Sheet1");
    for (std::size_t r = 0; r < rows.size(); ++r) {
      for (std::size_t c = 0; c < rows[r].size(); ++c) {
        const std::string& cell = rows[r][c];
        const auto row = static_cast<lxw_row_t>(r);
        const auto col = static_cast<lxw_col_t>(c);
        if (r > 0 && c >= 1 && !cell.empty()) {
          worksheet_write_number(sheet, row, col, std::stod(cell), nullptr);
        } else if (!cell.empty()) {
          worksheet_write_string(sheet, row, col, cell.c_str(), nullptr);
        }
      }
    }
    EXPECT_EQ(workbook_close(workbook), LXW_NO_ERROR);
    return ReadFile(path);
  }
  Client admin_;
  Scratch scratch_;
};

TEST_F(HttpFiles, AGbkFileIsReadAsGb18030AndPreviewedInUtf8) {
  const std::string bytes = kScoresHeaderGbk + "MH001,2043,90,85,80,75,70,65\r\n" + "\r\n" +
                            "MH002,2043,60,61,62,63,64,65.5\r\n";
  const Reply dry = Post("/api/v1/imports/scores?dry_run=true&preview=10", bytes);
  ASSERT_EQ(dry.status, 200) << dry.body;
  const nlohmann::json body = dry.Json();
  EXPECT_EQ(body["format"], "csv");
  EXPECT_EQ(body["encoding"], "gb18030");
  EXPECT_TRUE(body["errors"].empty()) << body.dump();
  EXPECT_EQ(body["rows"], 2);
  const nlohmann::json preview = body["preview"];
  EXPECT_EQ(preview["columns"], nlohmann::json({"code", "year", "team", "leader", "venue",
                                                "routine", "service", "members"}));
  ASSERT_EQ(preview["rows"].size(), 2u);
  EXPECT_EQ(preview["rows"][1]["line"], 4);
  EXPECT_EQ(preview["rows"][1]["values"]["members"], "65.5");
  EXPECT_EQ(Scores(2043), "");

  const Reply real = Post("/api/v1/imports/scores", bytes);
  ASSERT_EQ(real.status, 200) << real.body;
  EXPECT_EQ(real.Json()["encoding"], "gb18030");
  EXPECT_EQ(real.Json()["inserted"], 2);
  EXPECT_EQ(Scores(2043), "MH001|90.0|65.0\nMH002|60.0|65.5\n");
}

TEST_F(HttpFiles, AUtf8FileSaysUtf8AndAnswersNoPreviewUnlessAsked) {
  const Reply dry = Post("/api/v1/imports/scores?dry_run=true",
                         "code,year,team,leader,venue,routine,service,members\n"
                         "MH001,2044,70,70,70,70,70,70\n");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.Json()["encoding"], "utf-8");
  EXPECT_FALSE(dry.Json().contains("preview"));
  EXPECT_EQ(Post("/api/v1/imports/scores?dry_run=true&preview=5000", "code\n").status, 422);
  EXPECT_EQ(Post("/api/v1/imports/scores?dry_run=true&preview=x", "code\n").status, 422);
}

TEST_F(HttpFiles, AWorkbookIsImportedAndItsErrorsNameTheSheetsRows) {
  const std::vector<std::string> header = {"代码",     "年度",     "班子配备", "书记业务",
                                           "活动场所", "制度执行", "服务群众", "党员作用"};
  const std::string bad = Workbook({header,
                                    {"MH001", "2045", "90", "85", "80", "75", "70", "65"},
                                    {},
                                    {"MH002", "2045", "60", "61", "620", "63", "64", "65"}});
  const Reply dry = Post("/api/v1/imports/scores?dry_run=true&preview=10", bad,
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.Json()["format"], "xlsx");
  EXPECT_EQ(dry.Json()["sheet"], "Sheet1");
  ASSERT_EQ(dry.Json()["errors"].size(), 1u) << dry.body;
  EXPECT_EQ(dry.Json()["errors"][0]["line"], 4);
  EXPECT_EQ(dry.Json()["errors"][0]["field"], "venue");
  EXPECT_EQ(dry.Json()["preview"]["rows"][1]["line"], 4);

  const std::string good = Workbook({header,
                                     {"MH001", "2045", "90", "85", "80", "75", "70", "65"},
                                     {"MH002", "2045", "60", "61", "62", "63", "64", "65"}});
  const Reply real = Post("/api/v1/imports/scores", good, "application/octet-stream");
  ASSERT_EQ(real.status, 200) << real.body;
  EXPECT_EQ(real.Json()["format"], "xlsx");
  EXPECT_EQ(Scores(2045), "MH001|90.0|65.0\nMH002|60.0|65.0\n");
}

TEST_F(HttpFiles, BytesThatAreNoTextAreOneRowErrorAtTheirLine) {
  const Reply dry = Post("/api/v1/imports/scores?dry_run=true",
                         "code,year,team,leader,venue,routine,service,members\n"
                         "MH001,2046,70,70,70,70,70,\xFF\n");
  ASSERT_EQ(dry.status, 200) << dry.body;
  ASSERT_EQ(dry.Json()["errors"].size(), 1u);
  EXPECT_EQ(dry.Json()["errors"][0]["line"], 2);
  EXPECT_EQ(dry.Json()["errors"][0]["reason"], "not_text");
  EXPECT_EQ(dry.Json()["errors"][0]["params"]["byte"], "0xFF");
  const Reply broken = Post("/api/v1/imports/scores", std::string("PK\x03\x04junk", 8));
  EXPECT_EQ(broken.status, 422);
  EXPECT_EQ(broken.Json()["error"]["reason"], "xlsx_unreadable");
  EXPECT_EQ(Scores(2046), "");
}

}  // namespace
}  // namespace grassroots::testing
