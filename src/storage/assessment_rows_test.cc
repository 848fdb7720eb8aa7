// A run that replaces a stored one rewrites only the rows that differ (assessment_rows.h): what
// it leaves stored must be exactly what a first run of the same result stores.
#include <gtest/gtest.h>

#include "core/lifecycle.h"
#include "storage/import_writer.h"
#include "storage/score_subject.h"
#include "storage/test_fixture.h"
#include "storage/tx.h"

namespace grassroots::storage {
namespace {

using test::Score;

constexpr const char* kColumns =
    "org_code, score_cents, grade, rank_in_type, selected, reasons, consecutive, unit_code,"
    " type, parent_code, team, leader, venue, routine, service, members, committee_grade,"
    " committee_reason, manual_include, manual_reason, previous_selected, row_digest";

class ResultRowsTest : public test::StoreTest {
 protected:
  // 60 organizations scored for 2016, assessed and stored.
  void SetUp() override {
    StoreTest::SetUp();
    Upsert(test::ManyOrgs(60));
    std::vector<core::ScoreRecord> scores;
    for (int i = 0; i < 60; ++i) {
      char code[16];
      std::snprintf(code, sizeof code, "B%08d", i);
      scores.push_back(Score(code, 2016, 50 + (i * 7) % 45));
    }
    ASSERT_TRUE(ImportBatch(*store_, actor_, scores).ok());
    Save(2016, Table(), {}, {});
  }

  // Assesses `orgs` with the stored 2016 scores, the hand decisions and previous selection
  // given, and stores it as `year`.
  void Save(int year, const core::OrgTable& orgs, std::vector<core::ManualDecision> manual,
            std::vector<std::vector<std::uint8_t>> previous) {
    auto scores = storage::ReadValue(
        *store_, [&](storage::Tx& t) { return storage::ScoreRecords(t).OfYear(2016, orgs); });
    ASSERT_TRUE(scores.ok());
    core::AssessmentInput input;
    input.year = year;
    input.orgs = &orgs;
    input.scores = &scores.value();
    input.manual = std::move(manual);
    input.previous_selected = std::move(previous);
    auto result = core::Assess(core::MoheDefaultPolicy(), input);
    ASSERT_TRUE(result.ok()) << result.error().message;
    core::Status saved = test::SaveRun(*store_, actor_, input, result.value());
    ASSERT_TRUE(saved.ok()) << saved.error().message;
  }

  // Rows of `year` that `other` lacks, column for column (NULLs equal).
  std::int64_t RowsNotIn(int year, int other) {
    return QueryInt(std::string("SELECT COUNT(*) FROM (SELECT ") + kColumns +
                    " FROM assessment_results WHERE year = " + std::to_string(year) +
                    " EXCEPT SELECT " + kColumns +
                    " FROM assessment_results WHERE year = " + std::to_string(other) + ") d");
  }

  void ExpectSameRows(int year, int other) {
    EXPECT_EQ(
        QueryInt("SELECT COUNT(*) FROM assessment_results WHERE year = " + std::to_string(year)),
        QueryInt("SELECT COUNT(*) FROM assessment_results WHERE year = " + std::to_string(other)));
    EXPECT_EQ(RowsNotIn(year, other), 0);
    EXPECT_EQ(RowsNotIn(other, year), 0);
    // No row outlives its run's header: the code keeps this, not a foreign key, on PostgreSQL
    // (migration 031).
    EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM assessment_results r WHERE NOT EXISTS"
                       " (SELECT 1 FROM assessments a WHERE a.year = r.year)"),
              0);
  }
};

// A few scores changed, one organization gone, one new, a hand decision and a previous year's
// selection: the replaced 2016 equals 2017 stored fresh from the same inputs.
TEST_P(ResultRowsTest, AReplacedYearHoldsWhatAFirstRunOfTheSameResultHolds) {
  Upsert({test::Org("B00000061", "B00000050")});
  ASSERT_TRUE(
      ImportBatch(*store_, actor_, {Score("B00000003", 2016, 99), Score("B00000061", 2016, 40)})
          .ok());
  const core::OrgTable table =
      core::OrganizationsAssessedIn(Table(), {{"B00000005", core::CivilDate{2016, 3, 1}}}, 2016);
  ASSERT_EQ(table.size(), 60u);
  std::vector<std::uint8_t> selected(table.size(), 0);
  selected[7] = 1;
  Save(2016, table, {{2, true, "reason"}}, {selected});
  Save(2017, table, {{2, true, "reason"}}, {selected});
  ExpectSameRows(2016, 2017);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM assessment_results WHERE year = 2016 AND"
                     " org_code = 'B00000005'"),
            0);
}

// Every row changes (the replacement deletes the year and writes it whole), then nothing does.
TEST_P(ResultRowsTest, AWhollyChangedAndAnUnchangedYearAreStoredExactly) {
  std::vector<core::ScoreRecord> scores;
  for (int i = 0; i < 60; ++i) {
    char code[16];
    std::snprintf(code, sizeof code, "B%08d", i);
    scores.push_back(Score(code, 2016, 90 - (i * 11) % 40));
  }
  ASSERT_TRUE(ImportBatch(*store_, actor_, scores).ok());
  const core::OrgTable table = Table();
  Save(2016, table, {}, {});
  Save(2017, table, {}, {});
  ExpectSameRows(2016, 2017);
  Save(2016, table, {}, {});
  ExpectSameRows(2016, 2017);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM assessment_quotas WHERE year = 2016"),
            QueryInt("SELECT COUNT(*) FROM assessment_quotas WHERE year = 2017"));
}

// More rows than one page of the comparison (8,192), changed on both sides of the page's end.
TEST_P(ResultRowsTest, RowsAreComparedAcrossPages) {
  const std::vector<core::Organization> many = test::ManyOrgs(9000);
  Upsert(many);
  std::vector<core::ScoreRecord> scores;
  for (std::size_t i = 0; i < many.size(); ++i) {
    scores.push_back(Score(many[i].code, 2016, 50 + static_cast<double>(i % 45)));
  }
  ASSERT_TRUE(ImportBatch(*store_, actor_, scores).ok());
  const core::OrgTable table = Table();
  Save(2016, table, {}, {});
  // Dimensions moved by less than the composite's rounding: two rows differ, in their inputs
  // alone, so the replacement rewrites those two and keeps the rest.
  ASSERT_TRUE(ImportBatch(*store_, actor_,
                          {Score("B00008190", 2016, 50.001), Score("B00008195", 2016, 55.001)})
                  .ok());
  Save(2016, table, {}, {});
  Save(2017, table, {}, {});
  ExpectSameRows(2016, 2017);
}

// Values no score moves: an organization moved under another parent, and a committee's grade
// with its reason given where the dimensions stay as they were. The replaced year rewrites
// those rows (each value is in the row's digest).
TEST_P(ResultRowsTest, AMovedOrganizationAndACommitteeGradeAreRewritten) {
  Upsert({test::Org("B00000012", "B00000020")});
  core::ScoreRecord graded = Score("B00000013", 2016, 51);  // the dimensions SetUp gave it
  graded.committee_grade = core::Grade::kA;
  graded.reason = "reason";
  ASSERT_TRUE(ImportBatch(*store_, actor_, {graded}).ok());
  const core::OrgTable table = Table();
  Save(2016, table, {}, {});
  Save(2017, table, {}, {});
  ExpectSameRows(2016, 2017);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM assessment_results WHERE year = 2016 AND"
                     " org_code = 'B00000012' AND parent_code = 'B00000020'"),
            1);
}

// Rows stored before migration 033 have no digest: the next run of their year rewrites them,
// with the digest a first run stores.
TEST_P(ResultRowsTest, RowsStoredWithoutADigestAreRewrittenWithOne) {
  Exec(
      "UPDATE assessment_results SET row_digest = NULL WHERE year = 2016 AND org_code < "
      "'B00000010'");
  ASSERT_EQ(QueryInt("SELECT COUNT(*) FROM assessment_results WHERE row_digest IS NULL"), 10);
  const core::OrgTable table = Table();
  Save(2016, table, {}, {});
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM assessment_results WHERE row_digest IS NULL"), 0);
  Save(2017, table, {}, {});
  ExpectSameRows(2016, 2017);
}

INSTANTIATE_STORE_TESTS(ResultRowsTest);

}  // namespace
}  // namespace grassroots::storage
