#include "core/import_checks.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace grassroots::core {
namespace {

TEST(CodeSet, NumbersCodesInOrderAndFindsThemAfterGrowing) {
  CodeSet codes;
  for (int i = 0; i < 10'000; ++i) {
    const auto [number, added] = codes.Insert("C" + std::to_string(i));
    EXPECT_TRUE(added);
    EXPECT_EQ(number, static_cast<std::uint32_t>(i));
  }
  EXPECT_EQ(codes.size(), 10'000u);
  EXPECT_EQ(codes.Insert("C42"), std::make_pair(42u, false));
  EXPECT_EQ(codes.Find("C9999"), 9999u);
  EXPECT_EQ(codes[1234], "C1234");
  EXPECT_FALSE(codes.Find("C10000"));
  EXPECT_FALSE(codes.Find(""));
}

// The stored organizations come in code order: the set keeps them without an index until a code
// comes out of order, and numbers and finds every code the same either way.
TEST(CodeSet, CodesInOrderAreFoundBeforeAndAfterOneComesOutOfOrder) {
  CodeSet codes;
  const auto code = [](int i) {
    std::string text = std::to_string(i);
    return "C" + std::string(5 - text.size(), '0') + text;
  };
  for (int i = 0; i < 10'000; ++i) {
    EXPECT_EQ(codes.Insert(code(i)), std::make_pair(static_cast<std::uint32_t>(i), true));
  }
  EXPECT_EQ(codes.Insert(code(42)), std::make_pair(42u, false));
  EXPECT_EQ(codes.Find(code(9999)), 9999u);
  EXPECT_EQ(codes.Find(code(0)), 0u);
  EXPECT_EQ(codes.Find(code(42), 42), 42u);
  EXPECT_EQ(codes.Find(code(42), 7), 42u);
  EXPECT_EQ(codes.Find(code(42), 10'000), 42u);
  EXPECT_FALSE(codes.Find(code(10'000)));
  EXPECT_FALSE(codes.Find("B"));
  EXPECT_FALSE(codes.Find(""));

  EXPECT_EQ(codes.Insert("B"), std::make_pair(10'000u, true));  // out of order
  EXPECT_EQ(codes.Insert("D"), std::make_pair(10'001u, true));
  for (int i = 0; i < 10'000; ++i) EXPECT_EQ(codes.Find(code(i)), static_cast<std::uint32_t>(i));
  EXPECT_EQ(codes.Find("B"), 10'000u);
  EXPECT_EQ(codes.Insert(code(42)), std::make_pair(42u, false));
  EXPECT_EQ(codes.Insert("B"), std::make_pair(10'000u, false));
  EXPECT_FALSE(codes.Find("A"));
  EXPECT_EQ(codes.size(), 10'002u);
}

// Two codes whose 32-bit hashes agree (with libstdc++'s std::hash: found by search) share a
// slot's hash: they are still told apart by their characters. Elsewhere the test passes without
// the collision, as any set would.
TEST(CodeSet, CodesWhoseHashesAgreeAreStillTwoCodes) {
  CodeSet codes;
  EXPECT_EQ(codes.Insert("C45804"), std::make_pair(0u, true));
  EXPECT_EQ(codes.Insert("C49637"), std::make_pair(1u, true));
  EXPECT_EQ(codes.Find("C45804"), 0u);
  EXPECT_EQ(codes.Find("C49637"), 1u);
  EXPECT_EQ(codes.Insert("C49637"), std::make_pair(1u, false));
  EXPECT_EQ(codes.size(), 2u);
}

TEST(OrgBatchCheck, ResolvesUnitsThroughStoredParentsAndRowsLaterInTheFile) {
  OrgBatchCheck check;
  check.AddStored("S", "", "u1", false);
  check.AddRow(2, "B", "A", "");  // its parent comes on the next line
  check.AddRow(3, "A", "S", "");
  check.AddRow(4, "C", "", "");
  ASSERT_TRUE(check.Finish().empty());
  EXPECT_EQ(check.UnitOf(0), "u1");
  EXPECT_EQ(check.UnitOf(1), "u1");
  EXPECT_EQ(check.UnitOf(2), kDefaultUnit);
}

// What a file read once can write: each row's unit from the rows before it, which is the
// resolved unit when parents come first.
TEST(OrgBatchCheck, UnitsSoFarAreTheResolvedOnesWhenParentsComeFirst) {
  OrgBatchCheck check;
  check.AddStored("S", "", "u1", false);
  check.AddRow(2, "A", "S", "");
  check.AddRow(3, "B", "A", "");
  check.AddRow(4, "C", "", "");
  check.AddRow(5, "D", "C", "u2");
  check.AddRow(6, "E", "D", "");
  EXPECT_EQ(check.UnitSoFar(0), "u1");
  EXPECT_EQ(check.UnitSoFar(1), "u1");
  EXPECT_EQ(check.UnitSoFar(2), kDefaultUnit);
  EXPECT_EQ(check.UnitSoFar(3), "u2");
  EXPECT_EQ(check.UnitSoFar(4), "u2");
  ASSERT_TRUE(check.Finish().empty());
  EXPECT_TRUE(check.UnitsAsSoFar());
}

// A parent after its child: unknown so far. A stored parent after its children with another
// unit: the stored unit so far, and afterwards not the resolved one.
TEST(OrgBatchCheck, UnitsSoFarDifferWhenAParentComesAfterItsChildren) {
  OrgBatchCheck later;
  later.AddRow(2, "B", "A", "");
  later.AddRow(3, "A", "", "u3");
  EXPECT_EQ(later.UnitSoFar(0), std::nullopt);
  EXPECT_EQ(later.UnitSoFar(1), "u3");
  ASSERT_TRUE(later.Finish().empty());
  EXPECT_FALSE(later.UnitsAsSoFar());

  OrgBatchCheck moved;
  moved.AddStored("S", "", "u1", false);
  moved.AddRow(2, "A", "S", "");
  moved.AddRow(3, "S", "", "u2");
  EXPECT_EQ(moved.UnitSoFar(0), "u1");
  ASSERT_TRUE(moved.Finish().empty());
  EXPECT_EQ(moved.UnitOf(0), "u2");
  EXPECT_FALSE(moved.UnitsAsSoFar());

  OrgBatchCheck same;  // moved to the unit it had: what was written stands
  same.AddStored("S", "", "u1", false);
  same.AddRow(2, "A", "S", "");
  same.AddRow(3, "S", "", "u1");
  ASSERT_TRUE(same.Finish().empty());
  EXPECT_TRUE(same.UnitsAsSoFar());
}

TEST(OrgBatchCheck, AFailedRowKeepsItsChildrenFromBeingToldTheirParentIsMissing) {
  OrgBatchCheck check;
  check.AddFailedRow("A", "");
  check.AddRow(3, "B", "A", "");
  check.AddRow(4, "C", "X", "");
  const std::vector<LineError> errors = check.Finish();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].line, 4);
  EXPECT_EQ(errors[0].reason, "parent_missing");
}

TEST(OrgBatchCheck, EndedStoredParentAndCycleThroughTheStore) {
  OrgBatchCheck ended;
  ended.AddStored("E", "", "u1", true);
  ended.AddRow(2, "A", "E", "");
  ASSERT_EQ(ended.Finish().at(0).reason, "parent_ended");

  OrgBatchCheck cycle;
  cycle.AddStored("S", "A", "u1", false);  // S sits below A, which the file moves below S
  cycle.AddRow(2, "A", "S", "");
  const std::vector<LineError> errors = cycle.Finish();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].reason, "cycle");
  EXPECT_EQ(errors[0].message, "organization \"A\" would be its own ancestor (cycle: A → A)");
}

TEST(ScoreBatchCheck, DuplicatesNameTheFirstLineAndUnknownCodesRepeat) {
  CodeSet orgs;
  orgs.Insert("A");
  ScoreBatchCheck check(orgs);
  check.AddRow(2, "A", 2016);
  check.AddRow(3, "A", 2015);
  check.AddRow(4, "Z", 2016);
  check.AddRow(5, "A", 2016);
  check.AddRow(6, "Z", 2016);
  const std::vector<LineError> errors = check.Finish();
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0].line, 4);
  EXPECT_EQ(errors[0].reason, "unknown_organization");
  EXPECT_EQ(errors[1].line, 5);
  EXPECT_EQ(errors[1].message, "duplicate score of \"A\" for 2016 (first at line 2)");
  EXPECT_EQ(errors[2].line, 6);
  EXPECT_EQ(errors[2].reason, "duplicate");  // a row's duplicate comes before its unknown code
  EXPECT_EQ(errors[3].line, 6);
  EXPECT_EQ(errors[3].reason, "unknown_organization");
}

// A file sorted by year, then code (its keys in order already, so not sorted again) is checked
// the same: the duplicate and the code it names, the year, the first line.
TEST(ScoreBatchCheck, AFileInYearAndCodeOrderFindsItsDuplicatesToo) {
  CodeSet orgs;
  orgs.Insert("A");
  orgs.Insert("B");
  ScoreBatchCheck check(orgs);
  check.AddRow(2, "A", 2015);
  check.AddRow(3, "B", 2015);
  check.AddRow(4, "B", 2015);
  check.AddRow(5, "A", 2016);
  check.AddRow(6, "B", 2016);
  const std::vector<LineError> errors = check.Finish();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].line, 4);
  EXPECT_EQ(errors[0].message, "duplicate score of \"B\" for 2015 (first at line 3)");
}

}  // namespace
}  // namespace grassroots::core
