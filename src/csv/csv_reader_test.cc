#include "csv/csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "csv/csv_scanner.h"

namespace grassroots::csv {
namespace {

using Fields = std::vector<std::string>;

std::vector<int> Lines(const Table& table) {
  std::vector<int> lines;
  for (const Record& record : table.records) lines.push_back(record.line);
  return lines;
}

TEST(CsvReader, ReadsHeaderAndRecordsWithTheirLines) {
  const Table table = ParseCsv("a,b\n1,2\n3,4\n");
  EXPECT_TRUE(table.errors.empty());
  EXPECT_EQ(table.header, (Fields{"a", "b"}));
  ASSERT_EQ(table.records.size(), 2u);
  EXPECT_EQ(table.records[0].fields, (Fields{"1", "2"}));
  EXPECT_EQ(table.records[1].fields, (Fields{"3", "4"}));
  EXPECT_EQ(Lines(table), (std::vector<int>{2, 3}));
}

TEST(CsvReader, QuotedCommaAndQuoteAreKept) {
  const Table table = ParseCsv("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n");
  ASSERT_EQ(table.records.size(), 1u);
  EXPECT_EQ(table.records[0].fields, (Fields{"x, y", "say \"hi\""}));
}

TEST(CsvReader, ManyEscapedFieldsInOneRecordStayIntact) {
  std::string header;
  std::string row;
  Fields expected;
  for (int i = 0; i < 40; ++i) {
    header += (i ? "," : "") + std::string("c") + std::to_string(i);
    row += (i ? "," : "") + std::string("\"v\"\"") + std::to_string(i) + "\"\"\"";
    expected.push_back("v\"" + std::to_string(i) + "\"");
  }
  const Table table = ParseCsv(header + "\n" + row + "\n");
  ASSERT_EQ(table.records.size(), 1u);
  EXPECT_EQ(table.records[0].fields, expected);
}

TEST(CsvReader, EmptyQuotedFieldIsEmpty) {
  const Table table = ParseCsv("a,b\n\"\",x\n");
  ASSERT_EQ(table.records.size(), 1u);
  EXPECT_EQ(table.records[0].fields, (Fields{"", "x"}));
}

TEST(CsvReader, LineBreaksInsideQuotesAreKeptAndCounted) {
  const Table table = ParseCsv("a,b\n\"one\ntwo\",\"x\r\ny\"\n3,4\n");
  ASSERT_EQ(table.records.size(), 2u);
  EXPECT_EQ(table.records[0].fields, (Fields{"one\ntwo", "x\r\ny"}));
  EXPECT_EQ(Lines(table), (std::vector<int>{2, 5}));
}

TEST(CsvReader, CrlfLfAndLoneCrEndLines) {
  const Table table = ParseCsv("a,b\r\n1,2\r\n3,4\n5,6\r7,8");
  EXPECT_TRUE(table.errors.empty());
  EXPECT_EQ(table.header, (Fields{"a", "b"}));
  EXPECT_EQ(Lines(table), (std::vector<int>{2, 3, 4, 5}));
  EXPECT_EQ(table.records[3].fields, (Fields{"7", "8"}));
}

TEST(CsvReader, ByteOrderMarkIsStripped) {
  const Table table = ParseCsv(
      "\xEF\xBB\xBF"
      "code,name\nV01,x\n");
  EXPECT_TRUE(table.errors.empty());
  EXPECT_EQ(table.header, (Fields{"code", "name"}));
}

TEST(CsvReader, BlankAndWhitespaceLinesAreSkippedKeepingLineNumbers) {
  const Table table = ParseCsv("a,b\n\n1,2\n  \t\r\n\r\n3,4\n\n");
  EXPECT_TRUE(table.errors.empty());
  EXPECT_EQ(Lines(table), (std::vector<int>{3, 6}));
}

TEST(CsvReader, LastLineWithoutNewlineIsRead) {
  const Table table = ParseCsv("a,b\n1,2");
  ASSERT_EQ(table.records.size(), 1u);
  EXPECT_EQ(table.records[0].fields, (Fields{"1", "2"}));
}

TEST(CsvReader, TrailingCommaMakesAnEmptyLastField) {
  const Table table = ParseCsv("a,b\n1,\n");
  ASSERT_EQ(table.records.size(), 1u);
  EXPECT_EQ(table.records[0].fields, (Fields{"1", ""}));
}

TEST(CsvReader, HeaderNamesAreTrimmedButFieldsAreNot) {
  const Table table = ParseCsv(" a , b\t\n 1 ,2\n");
  EXPECT_EQ(table.header, (Fields{"a", "b"}));
  ASSERT_EQ(table.records.size(), 1u);
  EXPECT_EQ(table.records[0].fields, (Fields{" 1 ", "2"}));
}

TEST(CsvReader, SpacesAroundAQuotedFieldAreAllowed) {
  const Table table = ParseCsv("a,b\n  \"x,y\"  ,2\n");
  EXPECT_TRUE(table.errors.empty());
  ASSERT_EQ(table.records.size(), 1u);
  EXPECT_EQ(table.records[0].fields, (Fields{"x,y", "2"}));
}

TEST(CsvReader, EmptyInputHasNoHeaderAndNoErrors) {
  const Table table = ParseCsv("");
  EXPECT_TRUE(table.header.empty());
  EXPECT_TRUE(table.records.empty());
  EXPECT_TRUE(table.errors.empty());
}

TEST(CsvReader, ChineseTextIsValid) {
  const Table table = ParseCsv("名称\n北极村党支部\n");
  EXPECT_TRUE(table.errors.empty());
  ASSERT_EQ(table.records.size(), 1u);
  EXPECT_EQ(table.records[0].fields[0], "北极村党支部");
}

TEST(CsvReader, InvalidUtf8DropsTheRecordAndNamesTheColumn) {
  const Table table = ParseCsv("code,name\nV01,\xC3\x28\nV02,ok\n");
  ASSERT_EQ(table.errors.size(), 1u);
  EXPECT_EQ(table.errors[0].line, 2);
  EXPECT_EQ(table.errors[0].message, "invalid UTF-8 in column \"name\"");
  EXPECT_EQ(Lines(table), (std::vector<int>{3}));
}

TEST(CsvReader, InvalidUtf8UnderABlankHeaderNamesThePosition) {
  const Table table = ParseCsv("code,\nV01,\xFF\n");
  ASSERT_EQ(table.errors.size(), 1u);
  EXPECT_EQ(table.errors[0].message, "invalid UTF-8 in field 2");
}

TEST(CsvReader, InvalidUtf8InTheHeaderIsReportedAtLineOne) {
  const Table table = ParseCsv(
      "co\xE0\x80\x80"
      "de\nV01\n");
  ASSERT_EQ(table.errors.size(), 1u);
  EXPECT_EQ(table.errors[0].line, 1);
  EXPECT_EQ(table.errors[0].message, "header: invalid UTF-8 in field 1");
  EXPECT_TRUE(table.records.empty());
}

TEST(CsvReader, UnterminatedQuoteIsReportedWhereTheRecordStarts) {
  const Table table = ParseCsv("a,b\n1,2\n3,\"open\n4,5\n6,7\n");
  ASSERT_EQ(table.errors.size(), 1u);
  EXPECT_EQ(table.errors[0].line, 3);
  EXPECT_EQ(table.errors[0].message, "unterminated quote in field 2");
  EXPECT_EQ(Lines(table), (std::vector<int>{2}));
}

TEST(CsvReader, TextAfterAClosingQuoteDropsOnlyThatRecord) {
  const Table table = ParseCsv("a,b\n\"x\"y,2\n3,4\n");
  ASSERT_EQ(table.errors.size(), 1u);
  EXPECT_EQ(table.errors[0].line, 2);
  EXPECT_EQ(table.errors[0].message, "unexpected text after the closing quote of field 1");
  EXPECT_EQ(Lines(table), (std::vector<int>{3}));
}

TEST(CsvReader, WrongFieldCountNamesExpectedAndGot) {
  const Table table = ParseCsv("a,b,c\n1,2\n1,2,3\n1,2,3,4\n");
  ASSERT_EQ(table.errors.size(), 2u);
  EXPECT_EQ(table.errors[0].line, 2);
  EXPECT_EQ(table.errors[0].message, "expected 3 fields as in the header, got 2");
  EXPECT_EQ(table.errors[1].line, 4);
  EXPECT_EQ(table.errors[1].message, "expected 3 fields as in the header, got 4");
  EXPECT_EQ(Lines(table), (std::vector<int>{3}));
}

TEST(CsvReader, ErrorsComeInLineOrder) {
  const Table table = ParseCsv("a,b\n1\n\"x\"y,2\n\xFF,1\n");
  ASSERT_EQ(table.errors.size(), 3u);
  EXPECT_EQ(table.errors[0].line, 2);
  EXPECT_EQ(table.errors[1].line, 3);
  EXPECT_EQ(table.errors[2].line, 4);
}

}  // namespace
}  // namespace grassroots::csv
