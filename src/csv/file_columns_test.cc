// The Chinese headers of core/file_columns.h, as our exports write them, read as the English
// keys do, in the three import formats.
#include "core/file_columns.h"

#include <gtest/gtest.h>

#include <string>

#include "csv/import_files.h"

namespace grassroots::csv {
namespace {

template <std::size_t N>
std::string ChineseHeader(const core::FileColumn (&columns)[N]) {
  std::string header;
  for (const core::FileColumn& column : columns) {
    if (!header.empty()) header += ",";
    header += column.label;
  }
  return header + "\n";
}

TEST(ChineseHeaders, OrganizationsReadUnderTheirChineseHeaders) {
  const auto parsed = ParseOrganizationsCsv(ChineseHeader(core::kOrganizationFileColumns) +
                                            "MH001,北极镇党委,农村,党委,,王书记,北极镇\n"
                                            "MH001-01,北极村党支部,农村,党支部,MH001,李书记,\n");
  ASSERT_TRUE(parsed.errors.empty()) << parsed.errors[0].message;
  ASSERT_EQ(parsed.rows.size(), 2u);
  EXPECT_EQ(parsed.rows[0].value.unit, "北极镇");
  EXPECT_EQ(parsed.rows[1].value.parent, "MH001");
  EXPECT_EQ(parsed.rows[1].value.kind, core::OrgKind::kBranch);
  EXPECT_EQ(parsed.rows[1].value.secretary, "李书记");
}

TEST(ChineseHeaders, MembersReadUnderTheirChineseHeaders) {
  const auto parsed = ParseMembersCsv(
      ChineseHeader(core::kMemberFileColumns) + "P001,张三,MH001,流动党员,2001-07-01\n",
      core::CivilDate{2026, 1, 1});
  ASSERT_TRUE(parsed.errors.empty()) << parsed.errors[0].message;
  ASSERT_EQ(parsed.rows.size(), 1u);
  EXPECT_EQ(parsed.rows[0].value.status, core::MemberStatus::kMobile);
  EXPECT_EQ(parsed.rows[0].value.joined, "2001-07-01");
}

TEST(ChineseHeaders, ScoresReadUnderTheDimensionLabels) {
  const std::string header = ChineseHeader(core::kScoreFileColumns);
  EXPECT_EQ(header, "代码,年度,班子配备,书记业务,活动场所,制度执行,服务群众,党员作用,等次,理由\n");
  const auto parsed = ParseScoresCsv(header + "MH001,2016,90,85,80,75,70,65,B,会议决定\n");
  ASSERT_TRUE(parsed.errors.empty()) << parsed.errors[0].message;
  ASSERT_EQ(parsed.rows.size(), 1u);
  EXPECT_EQ(parsed.rows[0].value.dimensions[0], 90);
  EXPECT_EQ(parsed.rows[0].value.dimensions[5], 65);
  EXPECT_EQ(parsed.rows[0].value.committee_grade, core::Grade::kB);
}

TEST(ChineseHeaders, EnglishAndChineseHeadersMayBeMixed) {
  const auto parsed = ParseScoresCsv(
      "代码,year,班子配备,leader,活动场所,routine,服务群众,members\n"
      "MH001,2016,90,85,80,75,70,65\n");
  ASSERT_TRUE(parsed.errors.empty()) << parsed.errors[0].message;
  EXPECT_EQ(parsed.rows.size(), 1u);
}

TEST(ChineseHeaders, AKeyAndItsLabelTogetherAreADuplicateColumn) {
  const auto parsed = ParseScoresCsv(
      "code,代码,year,team,leader,venue,routine,service,members\n"
      "MH001,MH001,2016,90,85,80,75,70,65\n");
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_EQ(parsed.errors[0].field, "code");
  EXPECT_NE(parsed.errors[0].message.find("duplicate column"), std::string::npos);
}

TEST(ChineseHeaders, ErrorsNameTheKeyWhateverTheHeaderSaid) {
  const auto parsed =
      ParseScoresCsv(ChineseHeader(core::kScoreFileColumns) + "MH001,2016,90,85,八十,75,70,65,,\n");
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_EQ(parsed.errors[0].line, 2);
  EXPECT_EQ(parsed.errors[0].field, "venue");
}

TEST(ChineseHeaders, LabelOfFindsTheChineseHeader) {
  EXPECT_EQ(core::LabelOf(core::kScoreFileColumns, "routine"), "制度执行");
  EXPECT_EQ(core::LabelOf(core::kOrganizationFileColumns, "parent"), "上级党组织");
  EXPECT_EQ(core::LabelOf(core::kMemberFileColumns, "nothing"), "nothing");
}

}  // namespace
}  // namespace grassroots::csv
