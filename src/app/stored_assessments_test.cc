// The stored assessments as the lists read them: a ranked page's groups with the selection the
// caller's scope holds, and a what-if page's stored rows of a year never assessed.
#include "app/stored_assessments.h"

#include <gtest/gtest.h>

#include "app/record_fixture.h"
#include "app/what_if_service.h"

namespace grassroots::app {
namespace {

class StoredAssessmentsTest : public test::RecordFixture {};

TEST_F(StoredAssessmentsTest, ARankedPageNamesEachGroupOnceWithWhatTheScopeHoldsSelected) {
  Assess(2016);
  ASSERT_TRUE(AssessmentOf(*store_, 2016).value().has_value());
  EXPECT_FALSE(AssessmentOf(*store_, 2017).value().has_value());
  storage::OrgFilter filter;
  filter.ranked = true;
  auto page = AssessmentRows(*store_, 2016, filter);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page.value().items.size(), 13u);
  EXPECT_EQ(page.value().items[0].code, "V01");  // lowest first
  auto groups = GroupsOfPage(*store_, 2016, {}, page.value().items);
  ASSERT_TRUE(groups.ok()) << groups.error().message;
  ASSERT_EQ(groups.value().size(), 1u);
  EXPECT_EQ(groups.value()[0].quota.count, 13);
  EXPECT_EQ(groups.value()[0].quota.quota, 2);
  EXPECT_EQ(groups.value()[0].selected, 2);
  // A scope that holds one of the two selected counts one.
  storage::OrgFilter scope;
  scope.restrict_to_scope = true;
  scope.only = {"V02", "V03"};
  auto scoped = GroupsOfPage(*store_, 2016, scope, page.value().items);
  ASSERT_TRUE(scoped.ok());
  EXPECT_EQ(scoped.value()[0].selected, 1);
  EXPECT_TRUE(GroupsOfPage(*store_, 2016, {}, {}).value().empty());
}

TEST_F(StoredAssessmentsTest, AWhatIfOfAYearNeverAssessedNamesItsOrganizationsFromTheList) {
  Assess(2016);
  auto stored = StoredRowsOf(*store_, 2016, {"V01", "V07"});
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored.value().size(), 2u);
  EXPECT_EQ(stored.value().at("V01").name, "Org V01");
  EXPECT_TRUE(stored.value().at("V01").selected);
  EXPECT_EQ(stored.value().at("V01").rank, 1);
  auto unassessed = StoredRowsOf(*store_, 2017, {"V07"});
  ASSERT_TRUE(unassessed.ok());
  ASSERT_EQ(unassessed.value().size(), 1u);
  EXPECT_EQ(unassessed.value().at("V07").name, "Org V07");
  EXPECT_EQ(unassessed.value().at("V07").type, "village");
  EXPECT_FALSE(unassessed.value().at("V07").rank.has_value());
}

}  // namespace
}  // namespace grassroots::app
