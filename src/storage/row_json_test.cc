#include "storage/row_json.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/audited_rows.h"

namespace grassroots::storage {
namespace {

core::ScoreRecord RowScore(std::string code, int year, double first) {
  core::ScoreRecord r;
  r.code = std::move(code);
  r.year = year;
  for (int d = 0; d < core::kDimensionCount; ++d) r.dimensions[d] = first + d * 1.1;
  return r;
}

std::vector<core::ScoreRecord> Scores() {
  std::vector<core::ScoreRecord> scores = {RowScore("V01", 2016, 58),
                                           RowScore("C0001-0001", 2015, 0.1)};
  core::ScoreRecord graded = RowScore("a:b\"c\\d", 2017, 99.9);
  graded.committee_grade = core::Grade::kD;
  graded.reason = "班子软弱涣散, \"整改\" ] [ , \\ 后\n再议";
  scores.push_back(graded);
  core::ScoreRecord odd = RowScore("V02", 2016, 1e-7);
  odd.dimensions[5] = -0.0;
  odd.reason = ",";
  scores.push_back(odd);
  return scores;
}

core::Organization RowOrg(std::string code, std::string name, std::string parent,
                          std::string secretary, std::string unit) {
  core::Organization org;
  org.code = std::move(code);
  org.name = std::move(name);
  org.parent = std::move(parent);
  org.secretary = std::move(secretary);
  org.unit = std::move(unit);
  return org;
}

std::vector<core::Organization> Organizations() {
  core::Organization child = RowOrg("C1-2", "名\"称\\,]", "T01", "", "U9");
  child.type = core::OrgType::kNonpublic;
  child.kind = core::OrgKind::kGeneralBranch;
  return {RowOrg("V01", "东山村党支部", "", "王芳", "000"), child};
}

core::Member RowMember(std::string id, std::string name, std::string org) {
  core::Member m;
  m.id = std::move(id);
  m.name = std::move(name);
  m.org = std::move(org);
  return m;
}

std::vector<core::Member> Members() {
  core::Member lost = RowMember("M\"2", "张 三", "C1-2");
  lost.status = core::MemberStatus::kLostContact;
  lost.joined = "1999-07-01";
  return {RowMember("M001", "李四", "V01"), lost};
}

// What a reader is given for a compact change record is what a single write of the same row
// records: explanations and the audit pages show one JSON whichever way a row changed.
TEST(RowJson, ACompactRowIsReadBackAsTheObjectOfItsShape) {
  for (const core::ScoreRecord& r : Scores()) {
    EXPECT_EQ(ExpandedRowJson(ScoreCompactJson(r)), ScoreJson(r)) << ScoreCompactJson(r);
    EXPECT_LT(ScoreCompactJson(r).size(), ScoreJson(r).size() * 3 / 4);
  }
  for (const core::Organization& org : Organizations()) {
    EXPECT_EQ(ExpandedRowJson(OrgCompactJson(org)), OrgJson(org)) << OrgCompactJson(org);
  }
  for (const core::Member& m : Members()) {
    EXPECT_EQ(ExpandedRowJson(MemberCompactJson(m)), MemberJson(m)) << MemberCompactJson(m);
  }
}

// Records stored in either form are read for years: these texts may not change.
TEST(RowJson, TheStoredFormsOfEachShapeStayAsTheyWereWritten) {
  core::ScoreRecord score = RowScore("V01", 2016, 58);
  EXPECT_EQ(ScoreCompactJson(score), "[1,\"V01\",2016,58,59.1,60.2,61.3,62.4,63.5,null,null]");
  EXPECT_EQ(ScoreJson(score),
            "{\"code\":\"V01\",\"year\":2016,\"team\":58,\"leader\":59.1,\"venue\":60.2,"
            "\"routine\":61.3,\"service\":62.4,\"members\":63.5,\"grade\":null,\"reason\":null}");
  const core::Organization org = Organizations()[0];
  EXPECT_EQ(OrgCompactJson(org),
            "[2,\"V01\",\"东山村党支部\",\"village\",\"branch\",null,\"王芳\",\"000\"]");
  EXPECT_EQ(OrgJson(org),
            "{\"code\":\"V01\",\"name\":\"东山村党支部\",\"type\":\"village\",\"kind\":\"branch\","
            "\"parent\":null,\"secretary\":\"王芳\",\"unit\":\"000\"}");
  const core::Member member = Members()[1];
  EXPECT_EQ(MemberCompactJson(member),
            "[3,\"M\\\"2\",\"张 三\",\"C1-2\",\"lost_contact\",\"1999-07-01\"]");
  EXPECT_EQ(MemberJson(member),
            "{\"id\":\"M\\\"2\",\"name\":\"张 三\",\"org\":\"C1-2\",\"status\":\"lost_contact\","
            "\"joined\":\"1999-07-01\"}");
}

// Objects (records written before, single writes, other subjects' records) and anything that is
// not a whole compact row of a known shape are given as stored: a record altered in the
// database is shown as it is, and `audit verify` names it.
TEST(RowJson, AnythingButAWholeCompactRowIsGivenAsStored) {
  for (const std::string text :
       {"", "{\"code\":\"V01\"}", "[]", "[1]", "[1,]", "[9,\"a\",\"b\"]", "[x,\"a\"]",
        "[1,\"V01\",2016,58,59.1,60.2,61.3,62.4,63.5,null]",            // a value short
        "[1,\"V01\",2016,58,59.1,60.2,61.3,62.4,63.5,null,null,null]",  // one too many
        "[1,\"V01\",2016,58,59.1,60.2,61.3,62.4,63.5,null,\"open]",     // a string not closed
        "[1,\"V01\",2016,58,59.1,60.2,61.3,62.4,63.5,null,[1]]",        // nested
        "[1,\"V01\",2016,58,59.1,60.2,61.3,62.4,63.5,null,null]x", "[3,\"M1\",,\"V01\",\"x\",null]",
        "[01x,\"a\"]", "[\"1\",\"a\"]"}) {
    EXPECT_EQ(ExpandedRowJson(text), text);
  }
  EXPECT_TRUE(RowShapeKeys(0).empty());
  EXPECT_TRUE(RowShapeKeys(4).empty());
  EXPECT_EQ(RowShapeKeys(static_cast<int>(RowShape::kMember)).size(), 5u);
}

}  // namespace
}  // namespace grassroots::storage
