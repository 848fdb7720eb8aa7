#include "core/assessment_summary.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

ResultRow Row(std::string code, std::string type, std::optional<std::string> grade,
              bool selected = false, bool consecutive = false, std::string parent = {}) {
  ResultRow row;
  row.code = std::move(code);
  row.name = "组织" + row.code;
  row.type = std::move(type);
  row.unit = "default";
  row.parent = std::move(parent);
  row.grade = std::move(grade);
  if (row.grade) row.score_cents = 7000;
  row.selected = selected;
  row.reasons = selected ? kReasonBottomQuota : 0;
  row.consecutive = consecutive;
  return row;
}

StoredQuota Quota(std::string type, std::int64_t count, std::int64_t quota) {
  return {"default", std::move(type), count, 150'000, quota, 6000, quota};
}

TEST(AssessmentSummary, CountsGradesByTypeInSpecOrderWithUnscored) {
  const std::vector<ResultRow> rows = {
      Row("C1", "community", "A"), Row("V1", "village", "D", true), Row("V2", "village", "B"),
      Row("V3", "village", std::nullopt), Row("V4", "village", "B")};
  const AssessmentSummary s = Summarize(2016, rows, {});
  ASSERT_EQ(s.by_type.size(), 2u);
  EXPECT_EQ(s.by_type[0].type, "village");  // SPEC.md §1 order, not alphabetical
  EXPECT_EQ(s.by_type[0].grades.counts, (std::array<std::int64_t, 5>{0, 2, 0, 1, 1}));
  EXPECT_EQ(s.by_type[0].grades.selected, 1);
  EXPECT_EQ(s.by_type[0].grades.organizations, 4);
  EXPECT_EQ(s.by_type[1].type, "community");
  EXPECT_EQ(s.total.counts, (std::array<std::int64_t, 5>{1, 2, 0, 1, 1}));
}

TEST(AssessmentSummary, QuotaGroupsOnlyWhereTheCallerSeesOrganizations) {
  const std::vector<ResultRow> rows = {Row("V1", "village", "D", true),
                                       Row("V2", "village", "C", true), Row("V3", "village", "A")};
  const AssessmentSummary s =
      Summarize(2016, rows, {Quota("village", 40, 6), Quota("community", 10, 1)});
  ASSERT_EQ(s.quotas.size(), 1u);
  EXPECT_EQ(s.quotas[0].group.type, "village");
  EXPECT_EQ(s.quotas[0].group.quota, 6);  // the whole unit's arithmetic
  EXPECT_EQ(s.quotas[0].selected_in_scope, 2);
}

TEST(AssessmentSummary, ConsecutiveCasesProposeRemovalsUpToTheParent) {
  const std::vector<ResultRow> rows = {Row("D1", "village", "D", true, true),
                                       Row("D1-01", "village", "D", true, true, "D1"),
                                       Row("D2", "village", "C", true, false)};
  const AssessmentSummary s = Summarize(2016, rows, {});
  ASSERT_EQ(s.selected.size(), 3u);
  ASSERT_EQ(s.cases.size(), 2u);
  EXPECT_EQ(s.cases[0].row.code, "D1");
  ASSERT_EQ(s.cases[0].actions.size(), 1u);
  EXPECT_EQ(s.cases[0].actions[0].first, ActionKind::kRemoveSecretary);
  EXPECT_EQ(s.cases[1].row.code, "D1-01");
  ASSERT_EQ(s.cases[1].actions.size(), 2u);
  EXPECT_EQ(s.cases[1].actions[0],
            std::make_pair(ActionKind::kRemoveSecretary, std::string("D1-01")));
  EXPECT_EQ(s.cases[1].actions[1],
            std::make_pair(ActionKind::kRemoveParentSecretary, std::string("D1")));
}

TEST(AssessmentSummary, NothingInScopeGivesAnEmptySummary) {
  const AssessmentSummary s = Summarize(2016, {}, {Quota("village", 40, 6)});
  EXPECT_EQ(s.total.organizations, 0);
  EXPECT_TRUE(s.by_type.empty());
  EXPECT_TRUE(s.quotas.empty());
  EXPECT_TRUE(s.selected.empty());
}

TEST(AssessmentSummary, YearCountsCountSelected) {
  const YearCounts y =
      CountYear(2015, {Row("V1", "village", "D", true), Row("V2", "village", std::nullopt)});
  EXPECT_EQ(y.year, 2015);
  EXPECT_EQ(y.grades.counts[3], 1);
  EXPECT_EQ(y.grades.counts[kUnscored], 1);
  EXPECT_EQ(y.grades.selected, 1);
}

}  // namespace
}  // namespace grassroots::core
