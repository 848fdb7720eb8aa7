// When bulk writes refresh the planner's statistics (statistics.h): a year added to stored
// results, or an import that adds no organizations, keeps SQLite's statistics as they are;
// a table that grew past them gets them taken again.
#include "storage/statistics.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/import_writer.h"
#include "storage/score_subject.h"
#include "storage/test_fixture.h"
#include "storage/tx.h"

namespace grassroots::storage {
namespace {

class StatisticsTest : public test::StoreTest {
 protected:
  core::Result<bool> Outgrown(std::string_view table, std::int64_t rows) {
    core::Result<Database> db = OpenDatabase(url_);
    EXPECT_TRUE(db.ok());
    if (!db.ok()) return db.error();
    return StatisticsOutgrown(db.value(), table, rows);
  }
};

TEST_P(StatisticsTest, ATableWithoutStatisticsHasOutgrownThem) {
  Upsert(test::ManyOrgs(20));
  Exec(postgres() ? "SELECT 1" : "DELETE FROM sqlite_stat1 WHERE tbl = 'organizations'");
  if (!postgres()) {
    auto outgrown = Outgrown("organizations", 20);
    ASSERT_TRUE(outgrown.ok()) << outgrown.error().message;
    EXPECT_TRUE(outgrown.value());
  }
  Exec("ANALYZE organizations");
  auto outgrown = Outgrown("organizations", 20);
  ASSERT_TRUE(outgrown.ok()) << outgrown.error().message;
  // PostgreSQL samples a fixed number of rows: it always refreshes, as before.
  EXPECT_EQ(outgrown.value(), postgres());
}

// The row count memory is reserved by: SQLite's is a count, PostgreSQL's its planner's figure,
// 0 until ANALYZE (or VACUUM) has run and then the table's rows (ANALYZE reads all of so few).
TEST_P(StatisticsTest, EstimatedRowsAreTheCountOrThePlannersFigure) {
  Upsert(test::ManyOrgs(20));
  core::Result<Database> db = OpenDatabase(url_);
  ASSERT_TRUE(db.ok());
  if (postgres()) Exec("ANALYZE organizations");
  core::Result<std::int64_t> rows = EstimatedRows(db.value(), "organizations");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(rows.value(), 20);
  rows = EstimatedRows(db.value(), "scores");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(rows.value(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, StatisticsTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         test::BackendName);

class SqliteStatisticsTest : public test::OnSqlite<StatisticsTest> {
 protected:
  // The rows the kept statistics of `table` describe.
  std::int64_t Described(const std::string& table) {
    return QueryInt("SELECT MAX(CAST(stat AS INTEGER)) FROM sqlite_stat1 WHERE tbl = '" + table +
                    "'");
  }

  void Save(int year) {
    const core::OrgTable orgs = Table();
    auto scores = ReadValue(*store_, [&](Tx& t) { return ScoreRecords(t).OfYear(2016, orgs); });
    ASSERT_TRUE(scores.ok());
    core::AssessmentInput input;
    input.year = year;
    input.orgs = &orgs;
    input.scores = &scores.value();
    auto result = core::Assess(core::MoheDefaultPolicy(), input);
    ASSERT_TRUE(result.ok()) << result.error().message;
    ASSERT_TRUE(test::SaveRun(*store_, actor_, input, result.value()).ok());
  }

  core::Status ImportOrgs(const std::vector<core::Organization>& orgs) {
    return store_->Write(actor_, [&](Tx& tx) -> core::Status {
      ImportWriter writer(tx, ImportTable::kOrganizations);
      if (core::Status s = writer.Write(orgs); !s.ok()) return s;
      auto written = writer.Finish(orgs.size());
      return written.ok() ? core::Status::Ok() : core::Status(written.error());
    });
  }
};

TEST_F(SqliteStatisticsTest, StatisticsThatDescribeFewerThanNineTenthsOfTheRowsAreOutgrown) {
  Upsert(test::ManyOrgs(20));
  Exec("ANALYZE organizations");
  ASSERT_EQ(Described("organizations"), 20);
  EXPECT_FALSE(Outgrown("organizations", 22).value());
  EXPECT_TRUE(Outgrown("organizations", 23).value());
}

TEST_F(SqliteStatisticsTest, AYearAddedForAsManyOrganizationsKeepsTheResultsStatistics) {
  Upsert(test::ManyOrgs(60));
  Save(2016);
  EXPECT_EQ(Described("assessment_results"), 60);  // the first year: taken
  Save(2015);
  EXPECT_EQ(Described("assessment_results"), 60);  // a second year of the same shape: kept
  Save(2015);
  EXPECT_EQ(Described("assessment_results"), 60);  // a replaced year: kept, as before

  Upsert(test::ManyOrgs(100));  // the county grew by two thirds
  Save(2014);
  EXPECT_EQ(Described("assessment_results"), 220);  // taken again over the three years
}

TEST_F(SqliteStatisticsTest, AnImportThatAddsNoOrganizationKeepsTheirStatistics) {
  ASSERT_TRUE(ImportOrgs(test::ManyOrgs(30)).ok());
  EXPECT_EQ(Described("organizations"), 30);  // the first import: taken

  Exec("UPDATE sqlite_stat1 SET stat = '29 1' WHERE idx = 'sqlite_autoindex_organizations_1'");
  std::vector<core::Organization> renamed = test::ManyOrgs(30);
  renamed[3].name = "renamed";
  ASSERT_TRUE(ImportOrgs(renamed).ok());  // changes a row, adds none
  EXPECT_EQ(Described("organizations"), 30);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM sqlite_stat1 WHERE stat = '29 1'"), 1);  // kept

  ASSERT_TRUE(ImportOrgs(test::ManyOrgs(40)).ok());  // adds a third
  EXPECT_EQ(Described("organizations"), 40);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM sqlite_stat1 WHERE stat = '29 1'"), 0);  // taken
}

}  // namespace
}  // namespace grassroots::storage
