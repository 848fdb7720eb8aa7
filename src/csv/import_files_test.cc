#include "csv/import_files.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace grassroots::csv {
namespace {

constexpr std::string_view kOrgHeader = "code,name,type,kind,parent,secretary\n";
constexpr std::string_view kMemberHeader = "id,name,org,status,joined\n";
// The county's day the member files are read on (joining dates may not be later).
constexpr core::CivilDate kToday{2016, 7, 1};
constexpr std::string_view kScoreHeader =
    "code,year,team,leader,venue,routine,service,members,grade,reason\n";

std::vector<std::string> Messages(const std::vector<core::LineError>& errors) {
  std::vector<std::string> messages;
  for (const auto& error : errors) messages.push_back(error.message);
  return messages;
}

// "field:reason" of each error, in order.
std::vector<std::string> Reasons(const std::vector<core::LineError>& errors) {
  std::vector<std::string> reasons;
  for (const auto& error : errors) reasons.push_back(error.field + ":" + error.reason);
  return reasons;
}

std::vector<int> ErrorLines(const std::vector<core::LineError>& errors) {
  std::vector<int> lines;
  for (const auto& error : errors) lines.push_back(error.line);
  return lines;
}

std::string ReadExample(const std::string& name) {
  std::ifstream file(std::string(GRASSROOTS_EXAMPLES_DIR) + "/" + name, std::ios::binary);
  std::stringstream content;
  content << file.rdbuf();
  return content.str();
}

std::vector<std::string> OrgErrors(std::string_view rows) {
  return Messages(ParseOrganizationsCsv(std::string(kOrgHeader) + std::string(rows)).errors);
}

std::vector<std::string> MemberErrors(std::string_view rows) {
  return Messages(ParseMembersCsv(std::string(kMemberHeader) + std::string(rows), kToday).errors);
}

std::vector<std::string> ScoreErrors(std::string_view rows) {
  return Messages(ParseScoresCsv(std::string(kScoreHeader) + std::string(rows)).errors);
}

using Strings = std::vector<std::string>;

// --- Columns, shared by the three formats ---

TEST(ImportColumns, ColumnsMayComeInAnyOrderAndAnyCase) {
  const auto parsed = ParseOrganizationsCsv(
      " Secretary ,PARENT,kind,type,Name,code\n"
      "王书记,,committee,village,北极镇党委,T01\n");
  ASSERT_TRUE(parsed.errors.empty()) << parsed.errors[0].message;
  ASSERT_EQ(parsed.rows.size(), 1u);
  EXPECT_EQ(parsed.rows[0].value.code, "T01");
  EXPECT_EQ(parsed.rows[0].value.name, "北极镇党委");
  EXPECT_EQ(parsed.rows[0].value.secretary, "王书记");
  EXPECT_EQ(parsed.rows[0].line, 2);
}

TEST(ImportColumns, EachMissingRequiredColumnIsReportedAtLineOne) {
  const auto parsed = ParseOrganizationsCsv("code,name,kind,parent\nT01,x,branch,\n");
  EXPECT_EQ(Messages(parsed.errors),
            (Strings{"missing column \"type\"", "missing column \"secretary\""}));
  EXPECT_EQ(ErrorLines(parsed.errors), (std::vector<int>{1, 1}));
  EXPECT_TRUE(parsed.rows.empty());
}

TEST(ImportColumns, AnEmptyFileLacksEveryColumn) {
  const auto parsed = ParseMembersCsv("", kToday);
  EXPECT_EQ(Messages(parsed.errors),
            (Strings{"missing column \"id\"", "missing column \"name\"", "missing column \"org\"",
                     "missing column \"status\""}));
}

TEST(ImportColumns, ADuplicateColumnIsAnErrorAtLineOne) {
  const auto parsed = ParseMembersCsv("id,name,org,status,Name\nm1,a,V01,regular,b\n", kToday);
  EXPECT_EQ(Messages(parsed.errors), (Strings{"duplicate column \"name\""}));
  EXPECT_EQ(ErrorLines(parsed.errors), (std::vector<int>{1}));
  EXPECT_TRUE(parsed.rows.empty());
}

TEST(ImportColumns, UnknownColumnsAreIgnored) {
  const auto parsed =
      ParseMembersCsv("note,id,name,org,status,,note\nhello,m1,张三,V01,regular,,x\n", kToday);
  EXPECT_TRUE(parsed.errors.empty());
  ASSERT_EQ(parsed.rows.size(), 1u);
  EXPECT_EQ(parsed.rows[0].value.id, "m1");
}

TEST(ImportColumns, OptionalColumnsMayBeAbsent) {
  const auto parsed = ParseMembersCsv("id,name,org,status\nm1,张三,V01,regular\n", kToday);
  EXPECT_TRUE(parsed.errors.empty());
  ASSERT_EQ(parsed.rows.size(), 1u);
  EXPECT_EQ(parsed.rows[0].value.joined, "");
}

TEST(ImportColumns, ValuesAreTrimmed) {
  const auto parsed = ParseOrganizationsCsv(std::string(kOrgHeader) +
                                            " V01 , 北极村 , village , branch ,\" T01 \", 李一 \n");
  ASSERT_TRUE(parsed.errors.empty());
  const core::Organization& org = parsed.rows.at(0).value;
  EXPECT_EQ(org.code, "V01");
  EXPECT_EQ(org.name, "北极村");
  EXPECT_EQ(org.parent, "T01");
  EXPECT_EQ(org.secretary, "李一");
}

TEST(ImportColumns, RowsWithNoValueAtAllAreSkipped) {
  const auto parsed =
      ParseMembersCsv(std::string(kMemberHeader) + ",,,,\n , ,,,\nm1,a,V01,regular,\n", kToday);
  EXPECT_TRUE(parsed.errors.empty());
  ASSERT_EQ(parsed.rows.size(), 1u);
  EXPECT_EQ(parsed.rows[0].line, 4);
}

TEST(ImportColumns, MalformedRecordsAreReportedWithRowErrorsInLineOrder) {
  const auto parsed = ParseMembersCsv(std::string(kMemberHeader) +
                                          "m1,,V01,regular,\n"
                                          "m2,b,V01\n"
                                          "m3,c,V01,bogus,\n",
                                      kToday);
  EXPECT_EQ(ErrorLines(parsed.errors), (std::vector<int>{2, 3, 4}));
  EXPECT_EQ(parsed.errors[1].message, "expected 5 fields as in the header, got 3");
  EXPECT_TRUE(parsed.rows.empty());
}

TEST(ImportColumns, AMalformedHeaderIsReportedAlone) {
  const auto parsed = ParseMembersCsv("id,\"name\n", kToday);
  EXPECT_EQ(Messages(parsed.errors), (Strings{"header: unterminated quote in field 2"}));
}

TEST(ImportColumns, EveryErrorNamesAStableReason) {
  EXPECT_EQ(Reasons(ParseOrganizationsCsv("code,name,kind,parent\n").errors),
            (Strings{"type:missing_column", "secretary:missing_column"}));
  EXPECT_EQ(Reasons(ParseMembersCsv("id,name,org,status,Name\n", kToday).errors),
            (Strings{"name:duplicate_column"}));
  EXPECT_EQ(Reasons(ParseMembersCsv("id,\"name\n", kToday).errors),
            (Strings{":unterminated_quote"}));
  const auto rows = ParseMembersCsv(std::string(kMemberHeader) +
                                        "m2,b,V01\n"
                                        "\"m3\"x,c,V01,regular,\n"
                                        "m4,\xff,V01,regular,\n",
                                    kToday);
  EXPECT_EQ(Reasons(rows.errors), (Strings{":field_count", ":text_after_quote", ":invalid_utf8"}));
  EXPECT_EQ(rows.errors[0].params, (core::Params{{"expected", "5"}, {"got", "3"}}));
  EXPECT_EQ(rows.errors[2].params, (core::Params{{"position", "2"}, {"column", "name"}}));
  EXPECT_EQ(Reasons(ParseScoresCsv(std::string(kScoreHeader) + "V01,x,,abc,1,1,1,1,,\n").errors),
            (Strings{"year:not_a_whole_number", "team:empty", "leader:not_a_number"}));
}

// --- orgs ---

TEST(ImportOrganizations, TheSmallExampleHasNoErrors) {
  const std::string content = ReadExample("orgs.csv");
  ASSERT_FALSE(content.empty()) << "fixture not found under " << GRASSROOTS_EXAMPLES_DIR;
  const auto parsed = ParseOrganizationsCsv(content);
  EXPECT_TRUE(parsed.errors.empty()) << parsed.errors[0].line << ": " << parsed.errors[0].message;
  EXPECT_EQ(parsed.rows.size(), 25u);
}

TEST(ImportOrganizations, ReadsEveryField) {
  const auto parsed = ParseOrganizationsCsv(
      "code,name,type,kind,parent,secretary,unit\n"
      "V01,\"北极村, \"\"一\"\"\",农村,党支部,T01,李一,U1\n");
  ASSERT_TRUE(parsed.errors.empty());
  const core::Organization& org = parsed.rows.at(0).value;
  EXPECT_EQ(org.name, "北极村, \"一\"");
  EXPECT_EQ(org.type, core::OrgType::kVillage);
  EXPECT_EQ(org.kind, core::OrgKind::kBranch);
  EXPECT_EQ(org.parent, "T01");
  EXPECT_EQ(org.unit, "U1");
}

TEST(ImportOrganizations, EveryListedTypeAndKindIsAccepted) {
  std::string rows;
  int n = 0;
  for (const char* type : {"village", "community", "soe", "nonpublic", "agency", "institution",
                           "农村", "行政村", "社区", "国企", "非公", "机关", "事业单位"}) {
    for (const char* kind : {"committee", "general_branch", "branch", "党委", "党总支", "党支部"}) {
      rows += "O" + std::to_string(++n) + ",n," + type + "," + kind + ",,s\n";
    }
  }
  const auto parsed = ParseOrganizationsCsv(std::string(kOrgHeader) + rows);
  EXPECT_TRUE(parsed.errors.empty()) << parsed.errors[0].message;
  EXPECT_EQ(parsed.rows.size(), static_cast<std::size_t>(n));
}

TEST(ImportOrganizations, EmptyCodeAndNameAreErrors) {
  EXPECT_EQ(OrgErrors(",,village,branch,,s\n"), (Strings{"code is empty", "name is empty"}));
}

TEST(ImportOrganizations, UnknownTypeListsTheAcceptedNames) {
  EXPECT_EQ(OrgErrors("V01,x,farm,branch,,s\n"),
            (Strings{"unknown type \"farm\" (expected village, community, soe, nonpublic, "
                     "agency, institution or 农村, 行政村, 社区, 国企, 非公, 机关, 事业单位)"}));
}

TEST(ImportOrganizations, UnknownKindListsTheAcceptedNames) {
  EXPECT_EQ(OrgErrors("V01,x,village,cell,,s\n"),
            (Strings{"unknown kind \"cell\" (expected committee, general_branch, branch or "
                     "党委, 党总支, 党支部)"}));
}

TEST(ImportOrganizations, EmptyTypeSaysSo) {
  const Strings errors = OrgErrors("V01,x,,branch,,s\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(errors[0].starts_with("type is empty (expected village")) << errors[0];
}

TEST(ImportOrganizations, AnOrganizationCannotBeItsOwnParent) {
  EXPECT_EQ(OrgErrors("V01,x,village,branch,V01,s\n"),
            (Strings{"organization \"V01\" cannot be its own parent"}));
}

TEST(ImportOrganizations, NamesAndCodesHaveTheCoreLimits) {
  std::string long_name;
  for (int i = 0; i < 101; ++i) long_name += "党";
  EXPECT_EQ(Reasons(ParseOrganizationsCsv(std::string(kOrgHeader) + "V01," + long_name +
                                          ",village,branch,,s\n")
                        .errors),
            (Strings{"name:too_long"}));
  EXPECT_EQ(Messages(ParseOrganizationsCsv(std::string(kOrgHeader) + "V01," + long_name +
                                           ",village,branch,,s\n")
                         .errors),
            (Strings{"name is longer than 100 characters"}));
  EXPECT_EQ(Reasons(ParseOrganizationsCsv(std::string(kOrgHeader) +
                                          "V/01,x,village,branch,,s\n"
                                          "V02,x,village,branch,P/1," +
                                          std::string(101, 's') + "\n")
                        .errors),
            (Strings{"code:invalid_code", "parent:invalid_code", "secretary:too_long"}));
  EXPECT_EQ(Reasons(ParseOrganizationsCsv("code,name,type,kind,parent,secretary,unit\n"
                                          "V01,x,village,branch,,s,u/1\n")
                        .errors),
            (Strings{"unit:invalid_code"}));
}

TEST(ImportOrganizations, EmptyParentSecretaryAndUnitAreAllowed) {
  const auto parsed = ParseOrganizationsCsv(std::string(kOrgHeader) + "T01,x,soe,committee,,\n");
  EXPECT_TRUE(parsed.errors.empty());
  EXPECT_EQ(parsed.rows.size(), 1u);
}

TEST(ImportOrganizations, CrossRowRulesAreLeftToTheCore) {
  // A duplicate code and an unknown parent are core::ValidateOrganizations' to report.
  const auto parsed = ParseOrganizationsCsv(
      std::string(kOrgHeader) + "V01,x,village,branch,NOPE,s\nV01,y,village,branch,,s\n");
  EXPECT_TRUE(parsed.errors.empty());
  EXPECT_EQ(parsed.rows.size(), 2u);
}

TEST(ImportOrganizations, OnlyRowsWithoutErrorsAreKept) {
  const auto parsed = ParseOrganizationsCsv(std::string(kOrgHeader) +
                                            "V01,x,village,branch,,s\nV02,x,farm,branch,,s\n"
                                            "V03,x,village,branch,,s\n");
  EXPECT_EQ(ErrorLines(parsed.errors), (std::vector<int>{3}));
  ASSERT_EQ(parsed.rows.size(), 2u);
  EXPECT_EQ(parsed.rows[1].line, 4);
}

// --- members ---

TEST(ImportMembers, ReadsEveryField) {
  const auto parsed =
      ParseMembersCsv(std::string(kMemberHeader) + "m1,张三,V01,流动党员,2016-02-29\n", kToday);
  ASSERT_TRUE(parsed.errors.empty());
  const core::Member& member = parsed.rows.at(0).value;
  EXPECT_EQ(member.id, "m1");
  EXPECT_EQ(member.name, "张三");
  EXPECT_EQ(member.org, "V01");
  EXPECT_EQ(member.status, core::MemberStatus::kMobile);
  EXPECT_EQ(member.joined, "2016-02-29");
}

TEST(ImportMembers, EveryListedStatusIsAccepted) {
  std::string rows;
  for (const char* status : {"regular", "mobile", "lost_contact", "pocket", "retired", "正式党员",
                             "流动党员", "失联党员", "口袋党员", "退休党员"}) {
    rows += std::string("m,n,V01,") + status + ",\n";
  }
  EXPECT_TRUE(MemberErrors(rows).empty());
}

TEST(ImportMembers, EmptyIdNameAndOrgAreErrors) {
  EXPECT_EQ(MemberErrors(",,,regular,\n"),
            (Strings{"id is empty", "name is empty", "org is empty"}));
}

TEST(ImportMembers, UnknownStatusListsTheAcceptedNames) {
  EXPECT_EQ(MemberErrors("m1,a,V01,active,\n"),
            (Strings{"unknown status \"active\" (expected regular, mobile, lost_contact, pocket, "
                     "retired or 正式党员, 流动党员, 失联党员, 口袋党员, 退休党员)"}));
}

TEST(ImportMembers, JoinedMustBeACalendarDate) {
  EXPECT_EQ(MemberErrors("m1,a,V01,regular,2015-02-29\n"),
            (Strings{"joined: \"2015-02-29\" is not a date (expected YYYY-MM-DD)"}));
  EXPECT_EQ(MemberErrors("m1,a,V01,regular,2016/01/05\n"),
            (Strings{"joined: \"2016/01/05\" is not a date (expected YYYY-MM-DD)"}));
}

TEST(ImportMembers, JoinedMayNotBeAfterTodayNorBefore1900) {
  EXPECT_TRUE(MemberErrors("m1,a,V01,regular,2016-07-01\n").empty()) << "today itself";
  EXPECT_EQ(MemberErrors("m1,a,V01,regular,2016-07-02\n"),
            (Strings{"joined: 2016-07-02 is outside [1900-01-01, 2016-07-01]"}));
  const auto parsed =
      ParseMembersCsv(std::string(kMemberHeader) + "m1,a,V01,regular,1899-12-31\n", kToday);
  EXPECT_EQ(Reasons(parsed.errors), (Strings{"joined:date_out_of_range"}));
}

// --- scores ---

TEST(ImportScores, TheSmallExampleHasNoErrors) {
  const std::string content = ReadExample("scores.csv");
  ASSERT_FALSE(content.empty()) << "fixture not found under " << GRASSROOTS_EXAMPLES_DIR;
  const auto parsed = ParseScoresCsv(content);
  EXPECT_TRUE(parsed.errors.empty()) << parsed.errors[0].line << ": " << parsed.errors[0].message;
  EXPECT_EQ(parsed.rows.size(), 49u);
}

TEST(ImportScores, ReadsEveryField) {
  const auto parsed = ParseScoresCsv(std::string(kScoreHeader) +
                                     "N03,2016,90,91.5,0,100,88.25,89,D,\"群众反映强烈, 查实\"\n");
  ASSERT_TRUE(parsed.errors.empty()) << parsed.errors[0].message;
  const core::ScoreRecord& score = parsed.rows.at(0).value;
  EXPECT_EQ(score.code, "N03");
  EXPECT_EQ(score.year, 2016);
  EXPECT_EQ(score.dimensions, (std::array<double, 6>{90, 91.5, 0, 100, 88.25, 89}));
  EXPECT_EQ(score.committee_grade, core::Grade::kD);
  EXPECT_EQ(score.reason, "群众反映强烈, 查实");
}

TEST(ImportScores, GradeAndReasonColumnsAreOptional) {
  const auto parsed = ParseScoresCsv(
      "code,year,team,leader,venue,routine,service,members\nV01,2015,60,62,58,61,63,59\n");
  ASSERT_TRUE(parsed.errors.empty());
  EXPECT_FALSE(parsed.rows.at(0).value.committee_grade.has_value());
}

TEST(ImportScores, ChineseGradeNamesAreAccepted) {
  const auto parsed =
      ParseScoresCsv(std::string(kScoreHeader) + "V01,2015,60,62,58,61,63,59,较差,r\n");
  ASSERT_TRUE(parsed.errors.empty());
  EXPECT_EQ(parsed.rows.at(0).value.committee_grade, core::Grade::kD);
}

TEST(ImportScores, YearMustBeAWholeNumberInRange) {
  EXPECT_EQ(ScoreErrors("V01,20x6,1,1,1,1,1,1,,\n"),
            (Strings{"year: \"20x6\" is not a whole number"}));
  EXPECT_EQ(ScoreErrors("V01,2016.0,1,1,1,1,1,1,,\n"),
            (Strings{"year: \"2016.0\" is not a whole number"}));
  EXPECT_EQ(ScoreErrors("V01,1899,1,1,1,1,1,1,,\n"),
            (Strings{"year: 1899 is outside [1900, 2200]"}));
  EXPECT_EQ(ScoreErrors("V01,2201,1,1,1,1,1,1,,\n"),
            (Strings{"year: 2201 is outside [1900, 2200]"}));
  EXPECT_TRUE(ScoreErrors("V01,1900,1,1,1,1,1,1,,\nV02,2200,1,1,1,1,1,1,,\n").empty());
}

TEST(ImportScores, ScoresMustBeNumbers) {
  EXPECT_EQ(ScoreErrors("V01,2016,abc,85abc,nan,inf,0x10,1e2,,\n"),
            (Strings{"team: \"abc\" is not a number", "leader: \"85abc\" is not a number",
                     "venue: \"nan\" is not a number", "routine: \"inf\" is not a number",
                     "service: \"0x10\" is not a number", "members: \"1e2\" is not a number"}));
}

TEST(ImportScores, AnEmptyScoreSaysSo) {
  EXPECT_EQ(ScoreErrors("V01,2016,,1,1,1,1,1,,\n"), (Strings{"team is empty"}));
}

TEST(ImportScores, ScoresMustLieWithinZeroToHundred) {
  EXPECT_EQ(ScoreErrors("V01,2016,-1,1,101,1,100.01,1,,\n"),
            (Strings{"team: -1 is outside [0, 100]", "venue: 101 is outside [0, 100]",
                     "service: 100.01 is outside [0, 100]"}));
  EXPECT_TRUE(ScoreErrors("V01,2016,0,100,0.0,100.00,50.5,1,,\n").empty());
}

TEST(ImportScores, AGradeNeedsAReason) {
  EXPECT_EQ(ScoreErrors("V01,2016,1,1,1,1,1,1,D,\n"), (Strings{"grade \"D\" needs a reason"}));
  EXPECT_EQ(ScoreErrors("V01,2016,1,1,1,1,1,1,D,  \n"), (Strings{"grade \"D\" needs a reason"}));
}

TEST(ImportScores, AReasonWithoutAGradeIsAnError) {
  EXPECT_EQ(ScoreErrors("V01,2016,1,1,1,1,1,1,,because\n"),
            (Strings{"reason given without a grade"}));
}

TEST(ImportScores, AReasonHasAtMost2000Characters) {
  const auto parsed = ParseScoresCsv(std::string(kScoreHeader) + "V01,2016,1,1,1,1,1,1,D," +
                                     std::string(2001, 'r') + "\n");
  EXPECT_EQ(Reasons(parsed.errors), (Strings{"reason:too_long"}));
}

TEST(ImportScores, UnknownGradeListsTheAcceptedNames) {
  EXPECT_EQ(ScoreErrors("V01,2016,1,1,1,1,1,1,E,r\n"),
            (Strings{"unknown grade \"E\" (expected A, B, C, D or 优秀, 良好, 一般, 较差)"}));
}

TEST(ImportScores, EveryErrorOfARowIsReportedOnItsLine) {
  const auto parsed = ParseScoresCsv(std::string(kScoreHeader) + "V01,2016,1,1,1,1,1,1,,\n" +
                                     ",x,101,1,1,1,1,1,D,\n");
  EXPECT_EQ(Messages(parsed.errors),
            (Strings{"code is empty", "year: \"x\" is not a whole number",
                     "team: 101 is outside [0, 100]", "grade \"D\" needs a reason"}));
  EXPECT_EQ(ErrorLines(parsed.errors), (std::vector<int>{3, 3, 3, 3}));
  EXPECT_EQ(parsed.rows.size(), 1u);
}

}  // namespace
}  // namespace grassroots::csv
