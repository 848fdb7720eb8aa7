#include "core/import_rows.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

Row<Organization> OrgRow(int line, std::string code, std::string parent, std::string unit = "") {
  Organization org;
  org.code = std::move(code);
  org.name = org.code;
  org.parent = std::move(parent);
  org.unit = std::move(unit);
  return {line, org};
}

TEST(ValidateOrganizations, AcceptsParentsLaterInTheFileAndResolvesUnits) {
  std::vector<Row<Organization>> rows = {OrgRow(2, "V1", "T1"), OrgRow(3, "T1", "", "U9"),
                                         OrgRow(4, "T2", "")};
  EXPECT_TRUE(ValidateOrganizations(rows, {}).empty());
  EXPECT_EQ(rows[0].value.unit, "U9");
  EXPECT_EQ(rows[2].value.unit, kDefaultUnit);
}

TEST(ValidateOrganizations, ParentMayBeStored) {
  std::vector<Row<Organization>> rows = {OrgRow(2, "V1", "T1")};
  StoredOrgs stored = {{"T1", {"", "north"}}};
  EXPECT_TRUE(ValidateOrganizations(rows, stored).empty());
  EXPECT_EQ(rows[0].value.unit, "north");
}

TEST(ValidateOrganizations, ReportsMissingParentWithItsLine) {
  std::vector<Row<Organization>> rows = {OrgRow(2, "T1", ""), OrgRow(3, "V1", "T9")};
  const auto errors = ValidateOrganizations(rows, {});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].line, 3);
  EXPECT_NE(errors[0].message.find("T9"), std::string::npos);
}

TEST(ValidateOrganizations, ReportsDuplicateCodes) {
  std::vector<Row<Organization>> rows = {OrgRow(2, "T1", ""), OrgRow(5, "T1", "")};
  const auto errors = ValidateOrganizations(rows, {});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].line, 5);
  EXPECT_NE(errors[0].message.find("line 2"), std::string::npos);
}

TEST(ValidateOrganizations, ReportsACycleInTheFile) {
  std::vector<Row<Organization>> rows = {OrgRow(2, "A", "B"), OrgRow(3, "B", "C"),
                                         OrgRow(4, "C", "A"), OrgRow(5, "D", "A")};
  const auto errors = ValidateOrganizations(rows, {});
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].line, 2);
  EXPECT_NE(errors[0].message.find("cycle"), std::string::npos);
}

TEST(ValidateOrganizations, ReportsACycleThroughStoredOrganizations) {
  // Stored: B's parent is A. The file makes A a child of B.
  StoredOrgs stored = {{"A", {"", "default"}}, {"B", {"A", "default"}}};
  std::vector<Row<Organization>> rows = {OrgRow(2, "A", "B")};
  const auto errors = ValidateOrganizations(rows, stored);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].line, 2);
}

TEST(ValidateOrganizations, MovingAStoredSubtreeIsFine) {
  StoredOrgs stored = {{"A", {"", "default"}}, {"B", {"A", "default"}}, {"C", {"", "default"}}};
  std::vector<Row<Organization>> rows = {OrgRow(2, "B", "C")};
  EXPECT_TRUE(ValidateOrganizations(rows, stored).empty());
}

TEST(ValidateMembers, ReportsUnknownOrganizationAndDuplicateId) {
  Member m;
  m.id = "M1";
  m.org = "T1";
  Member n = m;
  n.org = "X";
  const auto errors = ValidateMembers({{2, m}, {3, n}}, {"T1"});
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].line, 3);
  EXPECT_EQ(errors[1].line, 3);
}

TEST(ValidateScores, ReportsDuplicateCodeAndYear) {
  ScoreRecord s;
  s.code = "T1";
  s.year = 2016;
  ScoreRecord t = s;
  t.year = 2015;
  const auto errors = ValidateScores({{2, s}, {3, t}, {4, s}}, {"T1"});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].line, 4);
}

}  // namespace
}  // namespace grassroots::core
