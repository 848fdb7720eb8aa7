#include "csv/file_text.h"

#include <gtest/gtest.h>

#include "core/file_columns.h"
#include "csv/file_preview.h"
#include "csv/import_files.h"

namespace grassroots::csv {
namespace {

TEST(SheetCsv, RowsBecomeRecordsPaddedToTheHeadersWidth) {
  SheetCsv sheet;
  sheet.Add(1, {"code", "name", "reason"});
  sheet.Add(2, {"MH001"});
  sheet.Add(3, {"", "", ""});  // an empty row is left out
  sheet.Add(4, {"MH002", "a \"quoted\", name", "", "", ""});
  EXPECT_EQ(sheet.text(), "code,name,reason\nMH001,,\nMH002,\"a \"\"quoted\"\", name\",\n");
  EXPECT_EQ(sheet.rows(), (std::vector<int>{1, 2, 4}));
}

TEST(SheetCsv, ValuesPastTheHeaderAreKeptForTheImportToReport) {
  SheetCsv sheet;
  sheet.Add(1, {"code"});
  sheet.Add(2, {"MH001", "stray"});
  EXPECT_EQ(sheet.text(), "code\nMH001,stray\n");
}

TEST(SheetCsv, ACellOnSeveralLinesKeepsTheLinesAfterItOnTheirSheetRows) {
  SheetCsv sheet;
  sheet.Add(1, {"code", "reason"});
  sheet.Add(2, {"MH001", "first\nsecond\r\nthird"});
  sheet.Add(7, {"MH002", "x"});
  EXPECT_EQ(sheet.rows(), (std::vector<int>{1, 2, 2, 2, 7}));
  FileText file;
  file.format = FileFormat::kXlsx;
  file.sheet_rows = sheet.rows();
  EXPECT_EQ(file.SourceLine(4), 2);
  EXPECT_EQ(file.SourceLine(5), 7);
}

TEST(FileText, TheBytesTellTheFormat) {
  // 漠河县 in GBK. (漠 alone, C4 AE, happens to be valid UTF-8: Į.)
  auto csv = ReadFileText("code\n\xC4\xAE\xBA\xD3\xCF\xD8\n");
  ASSERT_TRUE(csv.ok());
  EXPECT_EQ(csv.value().format, FileFormat::kCsv);
  EXPECT_EQ(csv.value().encoding, TextEncoding::kGb18030);
  EXPECT_EQ(csv.value().csv, "code\n漠河县\n");
  EXPECT_EQ(csv.value().SourceLine(2), 2);
  auto broken = ReadFileText(std::string("PK\x03\x04", 4));
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().field, "file");
}

TEST(FilePreview, ShowsTheKnownColumnsAndTheRowsAsTheImportReadsThem) {
  const std::string csv =
      "备注,代码,年度,班子配备,书记业务,活动场所,制度执行,服务群众,党员作用\n"
      "x, MH001 ,2016,90,85,80,75,70,65\n"
      ",,,,,,,,\n"
      "y,MH002,2016,1,2,3,4,5,6\n"
      "z,MH003,2016,1,2,3,4,5,6\n";
  const FilePreview preview = PreviewFile(csv, core::kScoreFileColumns, 2);
  EXPECT_EQ(preview.columns,
            (std::vector<std::string_view>{"code", "year", "team", "leader", "venue", "routine",
                                           "service", "members"}));
  EXPECT_EQ(preview.total, 3u);
  ASSERT_EQ(preview.rows.size(), 2u);
  EXPECT_EQ(preview.rows[0].line, 2);
  EXPECT_EQ(preview.rows[0].values[0], "MH001");
  EXPECT_EQ(preview.rows[1].line, 4);
  EXPECT_EQ(preview.rows[1].values[7], "6");
}

}  // namespace
}  // namespace grassroots::csv
