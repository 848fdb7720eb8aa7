// Score entry through the API: one score, many all or none, and the committee's grade set on a
// stored score.
#include "app/score_entry.h"

#include <gtest/gtest.h>

#include "app/audit_trail.h"
#include "app/record_fixture.h"
#include "app/score_sheet.h"

namespace grassroots::app {
namespace {

using test::Score;

class ScoreEntryTest : public test::RecordFixture {
 protected:
  core::ScoreRecord Stored(const std::string& code, int year) {
    const auto scores = ScoresOf(*store_, code);
    EXPECT_TRUE(scores.ok());
    for (const core::ScoreRecord& score : scores.value()) {
      if (score.year == year) return score;
    }
    ADD_FAILURE() << "no score of " << code << " in " << year;
    return {};
  }

  core::Principal admin_{1, "admin", core::Role::kAdmin, {}};
  core::Principal unit_admin_{2, "unit", core::Role::kUnitAdmin, {"V00"}};
};

TEST_F(ScoreEntryTest, AWriteWithoutAGradeKeepsTheCommitteesAndTellsWhetherItIsNew) {
  ASSERT_TRUE(
      OverrideCommitteeGrade(*store_, "V03", 2016, Score("V03", 2016, 0, core::Grade::kD), actor_)
          .ok());
  auto saved = SaveScoreEntry(*store_, unit_admin_, {Score("V03", 2016, 75), true}, actor_);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_FALSE(saved.value().created);
  EXPECT_EQ(saved.value().score.committee_grade, core::Grade::kD);
  EXPECT_EQ(Stored("V03", 2016).dimensions[0], 75);
  EXPECT_EQ(Stored("V03", 2016).reason, "committee decision");
  auto created = SaveScoreEntry(*store_, unit_admin_, {Score("V03", 2017, 70), true}, actor_);
  ASSERT_TRUE(created.ok());
  EXPECT_TRUE(created.value().created);
}

TEST_F(ScoreEntryTest, TheGradeOverrideKeepsTheDimensionsAndNeedsAStoredScore) {
  const core::ScoreRecord before = Stored("V04", 2016);
  auto graded =
      OverrideCommitteeGrade(*store_, "V04", 2016, Score("V04", 2016, 0, core::Grade::kA), actor_);
  ASSERT_TRUE(graded.ok());
  EXPECT_EQ(Stored("V04", 2016).dimensions, before.dimensions);
  EXPECT_EQ(Stored("V04", 2016).committee_grade, core::Grade::kA);
  auto missing =
      OverrideCommitteeGrade(*store_, "V04", 2019, Score("V04", 2019, 0, core::Grade::kA), actor_);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().field, "year");
  EXPECT_EQ(missing.error().message, "no score of V04 in this year");
}

TEST_F(ScoreEntryTest, ManyScoresAreWrittenAllOrNoneWhenOneChangesAGradeItMayNot) {
  const std::int64_t entries = ListAudit(*store_, 0, 1).value().total;
  std::vector<ScoreEntry> entries_in = {{Score("V01", 2016, 90), true},
                                        {Score("V02", 2016, 91, core::Grade::kA), false}};
  auto refused = SaveScoreEntries(*store_, unit_admin_, entries_in, actor_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::ErrorCode::kForbidden);
  EXPECT_EQ(Stored("V01", 2016).dimensions[0], 62);
  EXPECT_EQ(ListAudit(*store_, 0, 1).value().total, entries);
  auto written = SaveScoreEntries(*store_, admin_, entries_in, actor_);
  ASSERT_TRUE(written.ok()) << written.error().message;
  EXPECT_EQ(written.value().updated, 2);
  EXPECT_EQ(Stored("V02", 2016).committee_grade, core::Grade::kA);
  EXPECT_EQ(ListAudit(*store_, 0, 1).value().total, entries + 1);
}

}  // namespace
}  // namespace grassroots::app
