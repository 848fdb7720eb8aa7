// The two table writers, read back: the CSV as bytes, the .xlsx through csv/xlsx_reader.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "csv/xlsx_reader.h"
#include "csv/zip_xml.h"
#include "export/csv_table.h"
#include "export/xlsx_table.h"

namespace grassroots::exporting {
namespace {

const TableColumn kColumns[] = {{"代码", ColumnKind::kCode, 10},
                                {"名称", ColumnKind::kText, 30},
                                {"综合得分", ColumnKind::kNumber, 10, 2},
                                {"名次", ColumnKind::kInteger, 6},
                                {"时间", ColumnKind::kDateTime, 20}};

// Writes three rows: a code that looks like a number, a name with a comma and a quote, text
// that reads like a formula, an empty cell and a time.
core::Status WriteRows(TableWriter& writer) {
  if (auto s = writer.Begin(kColumns); !s.ok()) return s;
  const LocalDateTime at{{2016, 5, 1}, 20 * 3600 + 5 * 60 + 9};
  const Cell first[] = {Cell::Text("001"), Cell::Text("北极村, \"一组\""), Cell::Number(58.5),
                        Cell::Number(1), Cell::DateTime(at)};
  const Cell second[] = {Cell::Text("MH002"), Cell::Text("=1+1"), Cell(), Cell::Number(12), Cell()};
  const Cell third[] = {Cell::Text("MH003"), Cell::Text("第一行\n第二行"), Cell::Number(-0.5),
                        Cell::Number(3), Cell()};
  for (auto row : {std::span<const Cell>(first), std::span<const Cell>(second),
                   std::span<const Cell>(third)}) {
    if (auto s = writer.Row(row); !s.ok()) return s;
  }
  return writer.Finish();
}

std::string Bytes(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream content;
  content << file.rdbuf();
  return content.str();
}

class TableWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/grassroots-export-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  std::filesystem::path dir_;
};

TEST_F(TableWriterTest, CsvIsUtf8WithABomCrlfAndQuotedAsRfc4180) {
  std::FILE* file = std::fopen(Path("list.csv").c_str(), "wb");
  ASSERT_NE(file, nullptr);
  CsvTable table(file);
  ASSERT_TRUE(WriteRows(table).ok());
  std::fclose(file);
  EXPECT_EQ(Bytes(Path("list.csv")),
            "\xEF\xBB\xBF代码,名称,综合得分,名次,时间\r\n"
            "001,\"北极村, \"\"一组\"\"\",58.5,1,2016-05-01 20:05:09\r\n"
            "MH002,\"'=1+1\",,12,\r\n"
            "MH003,\"第一行\n第二行\",-0.5,3,\r\n");
}

std::vector<csv::SheetRow> ReadBack(const std::string& bytes) {
  std::vector<csv::SheetRow> rows;
  auto sheet = csv::ReadFirstSheet(bytes, [&](const csv::SheetRow& row) { rows.push_back(row); });
  EXPECT_TRUE(sheet.ok()) << sheet.error().message;
  return rows;
}

using Cells = std::vector<std::string>;

TEST_F(TableWriterTest, XlsxHoldsNumbersAsNumbersCodesAsTextAndDates) {
  XlsxTable table(Path("list.xlsx"), "评定结果", dir_.string());
  ASSERT_TRUE(WriteRows(table).ok());
  const std::string bytes = Bytes(Path("list.xlsx"));
  const auto rows = ReadBack(bytes);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].cells, (Cells{"代码", "名称", "综合得分", "名次", "时间"}));
  EXPECT_EQ(rows[1].cells, (Cells{"001", "北极村, \"一组\"", "58.5", "1", "2016-05-01"}));
  EXPECT_EQ(rows[2].cells, (Cells{"MH002", "=1+1", "", "12"}));  // a string, never a formula
  EXPECT_EQ(rows[3].cells, (Cells{"MH003", "第一行\n第二行", "-0.5", "3"}));
}

// A day (a deadline) is a date cell in a workbook and YYYY-MM-DD in a CSV file.
TEST_F(TableWriterTest, DatesAreDateCellsAndIsoDaysInCsv) {
  const TableColumn columns[] = {{"完成时限", ColumnKind::kDate, 12}};
  const Cell row[] = {Cell::Date({2017, 12, 31})};
  XlsxTable xlsx(Path("days.xlsx"), "台账", dir_.string());
  ASSERT_TRUE(xlsx.Begin(columns).ok());
  ASSERT_TRUE(xlsx.Row(row).ok());
  ASSERT_TRUE(xlsx.Finish().ok());
  const auto rows = ReadBack(Bytes(Path("days.xlsx")));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].cells, (Cells{"2017-12-31"}));  // read back from a date-formatted number
  std::FILE* file = std::fopen(Path("days.csv").c_str(), "wb");
  ASSERT_NE(file, nullptr);
  CsvTable csv(file);
  ASSERT_TRUE(csv.Begin(columns).ok());
  ASSERT_TRUE(csv.Row(row).ok());
  ASSERT_TRUE(csv.Finish().ok());
  std::fclose(file);
  EXPECT_EQ(Bytes(Path("days.csv")), "\xEF\xBB\xBF完成时限\r\n2017-12-31\r\n");
}

// What the sheet's XML says of panes, column widths and number cells.
class SheetLook : public csv::XmlHandler {
 public:
  bool frozen = false;
  int widths = 0;
  int number_cells = 0;
  void Start(std::string_view name, const char** attributes) override {
    if (name == "pane" && csv::AttributeOf(attributes, "state") == "frozen" &&
        csv::AttributeOf(attributes, "ySplit") == "1") {
      frozen = true;
    }
    if (name == "col" && !csv::AttributeOf(attributes, "width").empty()) ++widths;
    if (name == "c" && csv::AttributeOf(attributes, "t").empty()) ++number_cells;
  }
  void End(std::string_view) override {}
  void Text(std::string_view) override {}
};

TEST_F(TableWriterTest, XlsxFreezesTheHeaderAndSetsWidths) {
  XlsxTable table(Path("list.xlsx"), "组织", dir_.string());
  ASSERT_TRUE(WriteRows(table).ok());
  const std::string bytes = Bytes(Path("list.xlsx"));
  auto archive = csv::ZipArchive::Open(bytes);
  ASSERT_TRUE(archive.ok());
  SheetLook look;
  ASSERT_TRUE(archive.value()->Parse("xl/worksheets/sheet1.xml", look).ok());
  EXPECT_TRUE(look.frozen);
  EXPECT_EQ(look.widths, 5);
  EXPECT_EQ(look.number_cells, 6);  // 58.5, 1, the date, 12, -0.5, 3
}

// What a printed sheet carries: its footer text and the rows repeated at the top of each page.
struct PrintLook : csv::XmlHandler {
  bool in_footer = false;
  std::string footer;
  void Start(std::string_view name, const char**) override { in_footer = name == "oddFooter"; }
  void End(std::string_view) override { in_footer = false; }
  void Text(std::string_view text) override {
    if (in_footer) footer += text;
  }
};

TEST_F(TableWriterTest, XlsxPrintsItsFooterAndPageNumberAndRepeatsTheHeaderOnEveryPage) {
  XlsxTable table(Path("printed.xlsx"), "组织", dir_.string());
  table.SetPrintFooter("审计链头 7:abc");
  ASSERT_TRUE(WriteRows(table).ok());
  const std::string bytes = Bytes(Path("printed.xlsx"));  // the archive reads from it
  auto archive = csv::ZipArchive::Open(bytes);
  ASSERT_TRUE(archive.ok());
  PrintLook look;
  ASSERT_TRUE(archive.value()->Parse("xl/worksheets/sheet1.xml", look).ok());
  EXPECT_EQ(look.footer, "&L审计链头 7:abc&R第 &P 页，共 &N 页");
  struct Names : csv::XmlHandler {
    std::string print_titles;
    bool in_titles = false;
    void Start(std::string_view name, const char** attributes) override {
      in_titles =
          name == "definedName" && csv::AttributeOf(attributes, "name") == "_xlnm.Print_Titles";
    }
    void End(std::string_view) override { in_titles = false; }
    void Text(std::string_view text) override {
      if (in_titles) print_titles += text;
    }
  } names;
  ASSERT_TRUE(archive.value()->Parse("xl/workbook.xml", names).ok());
  EXPECT_EQ(names.print_titles, "'组织'!$1:$1");
}

TEST_F(TableWriterTest, XlsxGoesOnInAnotherSheetPastTheSheetsRows) {
  XlsxTable table(Path("long.xlsx"), "组织", dir_.string(), 3);  // header + 2 rows a sheet
  ASSERT_TRUE(WriteRows(table).ok());
  const std::string bytes = Bytes(Path("long.xlsx"));
  EXPECT_EQ(ReadBack(bytes).size(), 3u);
  auto archive = csv::ZipArchive::Open(bytes);
  ASSERT_TRUE(archive.ok());
  EXPECT_TRUE(archive.value()->Has("xl/worksheets/sheet2.xml"));
  EXPECT_FALSE(archive.value()->Has("xl/worksheets/sheet3.xml"));
}

}  // namespace
}  // namespace grassroots::exporting
