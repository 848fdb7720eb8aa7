// Workbooks made in the test: one by libxlsxwriter, one written part by part the way Excel
// saves a sheet (shared strings with rich text and phonetic runs, styles with date formats,
// cells without references, formulas, booleans and errors).
#include "csv/xlsx_reader.h"

#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

namespace grassroots::csv {
namespace {

using Rows = std::vector<SheetRow>;

class XlsxReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/grassroots-xlsx-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  static std::string Bytes(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream content;
    content << file.rdbuf();
    return content.str();
  }

  // A ZIP archive of the given parts, as bytes.
  std::string Zip(const std::vector<std::pair<std::string, std::string>>& parts) const {
    const std::string path = Path("parts.zip");
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    EXPECT_NE(archive, nullptr);
    for (const auto& [name, text] : parts) {
      zip_source_t* source = zip_source_buffer(archive, text.data(), text.size(), 0);
      EXPECT_GE(zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8), 0);
    }
    EXPECT_EQ(zip_close(archive), 0);
    return Bytes(path);
  }

  static Rows Read(const std::string& bytes, std::string* name = nullptr) {
    Rows rows;
    auto sheet = ReadFirstSheet(bytes, [&](const SheetRow& row) { rows.push_back(row); });
    EXPECT_TRUE(sheet.ok()) << sheet.error().message;
    if (sheet.ok() && name != nullptr) *name = sheet.value();
    return rows;
  }

  std::filesystem::path dir_;
};

using Cells = std::vector<std::string>;

TEST_F(XlsxReaderTest, ReadsAWorkbookWrittenByLibxlsxwriter) {
  const std::string path = Path("scores.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "评分");
  workbook_add_worksheet(workbook, "second");
  lxw_format* date = workbook_add_format(workbook);
  format_set_num_format(date, "yyyy-mm-dd");
  worksheet_write_string(sheet, 0, 0, "代码", nullptr);
  worksheet_write_string(sheet, 0, 1, "班子配备", nullptr);
  worksheet_write_string(sheet, 0, 2, "入党日期", nullptr);
  worksheet_write_string(sheet, 0, 3, "备注", nullptr);
  worksheet_write_string(sheet, 1, 0, "MH001", nullptr);
  worksheet_write_number(sheet, 1, 1, 77.5, nullptr);
  lxw_datetime joined = {2001, 7, 1, 0, 0, 0};
  worksheet_write_datetime(sheet, 1, 2, &joined, date);
  worksheet_write_string(sheet, 1, 3, "漠河县", nullptr);
  // Row 3 is left empty; row 4 has a gap in column B.
  worksheet_write_string(sheet, 3, 0, "MH002", nullptr);
  worksheet_write_number(sheet, 3, 2, 100000, nullptr);
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);

  std::string name;
  const Rows rows = Read(Bytes(path), &name);
  EXPECT_EQ(name, "评分");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].number, 1);
  EXPECT_EQ(rows[0].cells, (Cells{"代码", "班子配备", "入党日期", "备注"}));
  EXPECT_EQ(rows[1].number, 2);
  EXPECT_EQ(rows[1].cells, (Cells{"MH001", "77.5", "2001-07-01", "漠河县"}));
  EXPECT_EQ(rows[2].number, 4);
  EXPECT_EQ(rows[2].cells, (Cells{"MH002", "", "100000"}));
}

TEST_F(XlsxReaderTest, ReadsInlineStringsOfAConstantMemoryWorkbook) {
  const std::string path = Path("inline.xlsx");
  lxw_workbook_options options = {LXW_TRUE, nullptr, LXW_FALSE};
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
  worksheet_write_string(sheet, 0, 0, "名称", nullptr);
  worksheet_write_string(sheet, 1, 0, "北极村党支部", nullptr);
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);
  const Rows rows = Read(Bytes(path));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].cells, (Cells{"北极村党支部"}));
}

constexpr std::string_view kExcelWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr defaultThemeVersion="124226"/><bookViews><workbookView xWindow="240" yWindow="15" windowWidth="16095" windowHeight="9660"/></bookViews><sheets><sheet name="Sheet1" sheetId="1" r:id="rId7"/><sheet name="Sheet2" sheetId="2" r:id="rId1"/></sheets></workbook>)";

constexpr std::string_view kExcelRelationships =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>)";

// A rich-text string (two runs) and one with a phonetic guide, as Chinese Excel writes them.
constexpr std::string_view kExcelSharedStrings =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="5"><si><t>代码</t></si><si><t>入党日期</t></si><si><r><rPr><b/></rPr><t>北极</t></r><r><t xml:space="preserve">村 </t></r></si><si><t>漠河</t><rPh sb="0" eb="2"><t>mohe</t></rPh><phoneticPr fontId="1" type="noConversion"/></si><si><t>状态</t></si></sst>)";

// Cell formats: 0 General, 1 built-in 14 (m/d/yyyy), 2 custom 176 (yyyy"年"m"月"d"日"),
// 3 two decimals. The cellStyleXfs' xf must not count.
constexpr std::string_view kExcelStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/></numFmts><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><cellStyleXfs count="1"><xf numFmtId="14" fontId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" xfId="0"/><xf numFmtId="14" fontId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="176" fontId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>)";

constexpr std::string_view kExcelSheet =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:E5"/><x:sheetData><x:row r="1" spans="1:5"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>4</x:v></x:c><x:c r="D1" t="inlineStr"><x:is><x:t>备注</x:t></x:is></x:c></x:row><x:row r="2" spans="1:5"><x:c r="A2" t="s"><x:v>2</x:v></x:c><x:c r="B2" s="1"><x:v>42370</x:v></x:c><x:c r="C2" t="b"><x:v>1</x:v></x:c><x:c r="D2" t="str"><x:f>A2&amp;"!"</x:f><x:v>北极村 !</x:v></x:c></x:row><x:row r="3" spans="1:5"><x:c r="A3" s="3"/><x:c r="B3" s="2"/></x:row><x:row r="5" spans="1:5"><x:c t="s"><x:v>3</x:v></x:c><x:c s="2"><x:v>37073.5</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c s="3"><x:v>0.30000000000000004</x:v></x:c></x:row></x:sheetData></x:worksheet>)";

constexpr std::string_view kOtherSheet =
    R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>)";

std::vector<std::pair<std::string, std::string>> ExcelParts() {
  return {{"[Content_Types].xml", "<Types/>"},
          {"xl/workbook.xml", std::string(kExcelWorkbook)},
          {"xl/_rels/workbook.xml.rels", std::string(kExcelRelationships)},
          {"xl/sharedStrings.xml", std::string(kExcelSharedStrings)},
          {"xl/styles.xml", std::string(kExcelStyles)},
          {"xl/worksheets/sheet1.xml", std::string(kExcelSheet)},
          {"xl/worksheets/sheet2.xml", std::string(kOtherSheet)}};
}

TEST_F(XlsxReaderTest, ReadsAWorkbookAsExcelSavesIt) {
  std::string name;
  const Rows rows = Read(Zip(ExcelParts()), &name);
  EXPECT_EQ(name, "Sheet1");
  ASSERT_EQ(rows.size(), 3u);  // row 3 has only empty styled cells
  EXPECT_EQ(rows[0].cells, (Cells{"代码", "入党日期", "状态", "备注"}));
  EXPECT_EQ(rows[1].number, 2);
  EXPECT_EQ(rows[1].cells, (Cells{"北极村 ", "2016-01-01", "TRUE", "北极村 !"}));
  EXPECT_EQ(rows[2].number, 5);
  EXPECT_EQ(rows[2].cells, (Cells{"漠河", "2001-07-01", "#N/A", "0.30000000000000004"}));
}

TEST_F(XlsxReaderTest, BytesThatAreNoArchiveAreRefused) {
  auto sheet = ReadFirstSheet("code,name\n", [](const SheetRow&) {});
  ASSERT_FALSE(sheet.ok());
  EXPECT_EQ(sheet.error().reason, "xlsx_unreadable");
  EXPECT_FALSE(LooksLikeXlsx("code,name\n"));
}

TEST_F(XlsxReaderTest, AnArchiveWithoutAWorkbookIsRefused) {
  const std::string bytes = Zip({{"word/document.xml", "<document/>"}});
  EXPECT_TRUE(LooksLikeXlsx(bytes));
  auto sheet = ReadFirstSheet(bytes, [](const SheetRow&) {});
  ASSERT_FALSE(sheet.ok());
  EXPECT_EQ(sheet.error().reason, "xlsx_unreadable");
  EXPECT_NE(sheet.error().message.find("xl/workbook.xml"), std::string::npos);
}

TEST_F(XlsxReaderTest, MalformedXmlIsRefusedNamingThePart) {
  auto parts = ExcelParts();
  parts[5].second = "<worksheet><sheetData><row r=\"1\"><c>";
  auto sheet = ReadFirstSheet(Zip(parts), [](const SheetRow&) {});
  ASSERT_FALSE(sheet.ok());
  EXPECT_NE(sheet.error().message.find("xl/worksheets/sheet1.xml"), std::string::npos);
}

TEST_F(XlsxReaderTest, AnArchiveThatUnpacksPastTheLimitIsRefused) {
  // 3 MiB of one repeated byte compresses to a few kilobytes; the limit here is 2 MiB (the
  // default, 512 MiB, works the same and takes seconds).
  std::string sheet = "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>";
  sheet.append(3u << 20, 'a');
  sheet += "</t></is></c></row></sheetData></worksheet>";
  auto parts = ExcelParts();
  parts[5].second = std::move(sheet);
  const std::string bytes = Zip(parts);
  parts.clear();
  EXPECT_LT(bytes.size(), 64u << 10);
  auto read = ReadFirstSheet(
      bytes, [](const SheetRow&) {}, 2u << 20);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().reason, "xlsx_too_large");
}

}  // namespace
}  // namespace grassroots::csv
