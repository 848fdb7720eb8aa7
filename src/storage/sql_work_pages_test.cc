// What the work pages read (score entry, the assessment of a year): the score sheet of a year
// with every organization it ranks, and a year's results in ranking order with names and hand
// decisions, a page at a time. On both backends; each reads the ranked order from its index.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/hand_decision_records.h"
#include "storage/import_writer.h"
#include "storage/open_store.h"
#include "storage/organization_subject.h"
#include "storage/score_subject.h"
#include "storage/server_sql.h"
#include "storage/sqlite_db.h"
#include "storage/store.h"
#include "storage/test_fixture.h"
#include "storage/tx.h"

namespace grassroots::storage {
namespace {

using core::OrgType;
using test::Org;
using test::Score;
using Strings = std::vector<std::string>;

class WorkPagesTest : public test::StoreTest {
 protected:
  Strings Sheet(int year, SheetRows which, const OrgFilter& filter = {},
                std::int64_t* total = nullptr) {
    core::Result<Page<ScoreSheetRow>> page = storage::ReadValue(*store_, [&](storage::Tx& t) {
      return storage::ScoreRecords(t).Sheet(year, which, filter);
    });
    EXPECT_TRUE(page.ok()) << page.error().message;
    if (!page.ok()) return {};
    if (total != nullptr) *total = page.value().total;
    Strings codes;
    for (const ScoreSheetRow& row : page.value().items) codes.push_back(row.code);
    return codes;
  }
  std::vector<AssessmentRow> Ranked(OrgFilter filter = {}) {
    filter.ranked = true;
    core::Result<Page<AssessmentRow>> page =
        ReadValue(*store_, [&](Tx& tx) { return AssessmentRecords(tx).Rows(2016, filter); });
    EXPECT_TRUE(page.ok()) << page.error().message;
    return page.ok() ? page.value().items : std::vector<AssessmentRow>{};
  }
};

TEST_P(WorkPagesTest, TheScoreSheetListsWhatTheYearRanksWithAScoreOrWithout) {
  Upsert({Org("A"), Org("B", "", "u2", OrgType::kCommunity), Org("C", "A")});
  ASSERT_TRUE(ImportBatch(*store_, actor_, {Score("A", 2016, 70), Score("C", 2017, 60)}).ok());
  // C is dissolved in 2017: ranked in 2016, not in 2017 (core::AssessedIn), where its score
  // still shows.
  ASSERT_TRUE(store_
                  ->Write(actor_,
                          [&](storage::Tx& t) {
                            return storage::OrganizationRecords(t).End(
                                "C", {core::OrgEndKind::kDissolved, {2017, 3, 1}, "", "撤销"});
                          })
                  .ok());

  EXPECT_EQ(Sheet(2016, SheetRows::kAll), (Strings{"A", "B", "C"}));
  EXPECT_EQ(Sheet(2016, SheetRows::kScored), (Strings{"A"}));
  EXPECT_EQ(Sheet(2016, SheetRows::kUnscored), (Strings{"B", "C"}));
  EXPECT_EQ(Sheet(2017, SheetRows::kAll), (Strings{"A", "B", "C"}));
  EXPECT_EQ(Sheet(2017, SheetRows::kUnscored), (Strings{"A", "B"}));
  EXPECT_EQ(Sheet(2018, SheetRows::kAll), (Strings{"A", "B"}));

  core::Result<Page<ScoreSheetRow>> page = storage::ReadValue(*store_, [&](storage::Tx& t) {
    return storage::ScoreRecords(t).Sheet(2016, SheetRows::kAll, {});
  });
  ASSERT_TRUE(page.ok());
  const ScoreSheetRow& a = page.value().items[0];
  EXPECT_EQ(a.name, "Org A");
  EXPECT_EQ(a.type, "village");
  EXPECT_EQ(a.unit, "u1");
  ASSERT_TRUE(a.score.has_value());
  EXPECT_EQ(a.score->dimensions[5], 71);
  const ScoreSheetRow& b = page.value().items[1];
  EXPECT_EQ(b.type, "community");
  EXPECT_EQ(b.unit, "u2");
  EXPECT_FALSE(b.score.has_value());

  // Filtered and paged like the organization list, the total counting every match.
  OrgFilter f;
  f.type = "village";
  std::int64_t total = 0;
  EXPECT_EQ(Sheet(2016, SheetRows::kAll, f, &total), (Strings{"A", "C"}));
  EXPECT_EQ(total, 2);
  f = {};
  f.direct = true;
  EXPECT_EQ(Sheet(2016, SheetRows::kAll, f), (Strings{"A", "B"}));
  f = {};
  f.restrict_to_scope = true;
  f.within = {"A"};
  EXPECT_EQ(Sheet(2016, SheetRows::kAll, f, &total), (Strings{"A", "C"}));
  f.offset = 1;
  f.limit = 1;
  EXPECT_EQ(Sheet(2016, SheetRows::kAll, f, &total), (Strings{"C"}));
  EXPECT_EQ(total, 2);
  f = {};
  f.query = "Org B";
  EXPECT_EQ(Sheet(2016, SheetRows::kUnscored, f, &total), (Strings{"B"}));
  f.unit = "u1";
  EXPECT_EQ(Sheet(2016, SheetRows::kScored, f, &total), Strings{});
  EXPECT_EQ(total, 0);
}

// u1: villages V1 (62.00), V2 (unscored), V3 (55.00), V4 (55.00) and community K1 (70.00); u2:
// village W1 (40.00). Stored as assessed, by hand.
class RankedRowsTest : public WorkPagesTest {
 protected:
  void SetUp() override {
    WorkPagesTest::SetUp();
    Upsert({Org("K1", "", "u1", OrgType::kCommunity), Org("V1"), Org("V2"), Org("V3", "V1"),
            Org("V4", "V1"), Org("W1", "", "u2")});
    const core::OrgTable table = Table();  // in code order: K1 V1 V2 V3 V4 W1
    core::AssessmentResult result;
    result.year = 2016;
    result.score_cents = {7000, 6200, core::kNoScore, 5500, 5500, 4000};
    result.grade = {2, 2, -1, 3, 3, 3};
    result.rank = {1, 3, 0, 1, 1, 1};
    result.selected = {0, 0, 0, 1, 1, 1};
    result.reasons = {
        0, 0, 0, core::kReasonBottomQuota, core::kReasonBottomQuota, core::kReasonBottomQuota};
    result.consecutive = {0, 0, 0, 0, 0, 0};
    result.quotas = {{0, OrgType::kVillage, 3, 150'000, 1, 5500, 2},
                     {0, OrgType::kCommunity, 1, 100'000, 1, 7000, 1},
                     {1, OrgType::kVillage, 1, 150'000, 1, 4000, 1}};
    ASSERT_TRUE(test::SaveRun(*store_, actor_, test::NoInputs(table).input, result).ok());
  }
  static Strings Codes(const std::vector<AssessmentRow>& rows) {
    Strings codes;
    for (const AssessmentRow& row : rows) codes.push_back(row.code);
    return codes;
  }
};

TEST_P(RankedRowsTest, RowsComeByUnitThenTypeLowestFirstTheUnscoredLast) {
  EXPECT_EQ(Codes(Ranked()), (Strings{"V3", "V4", "V1", "V2", "K1", "W1"}));
  // Pages of the ranking agree with it; filters keep its order.
  OrgFilter f;
  f.offset = 2;
  f.limit = 3;
  EXPECT_EQ(Codes(Ranked(f)), (Strings{"V1", "V2", "K1"}));
  f = {};
  f.parent = "V1";
  EXPECT_EQ(Codes(Ranked(f)), (Strings{"V3", "V4"}));
  f = {};
  f.type = "village";
  EXPECT_EQ(Codes(Ranked(f)), (Strings{"V3", "V4", "V1", "V2", "W1"}));
}

TEST_P(RankedRowsTest, RowsCarryTheNameAndTheHandDecisionAsItStandsNow) {
  ASSERT_TRUE(store_
                  ->Write(actor_,
                          [](Tx& tx) {
                            return HandDecisionRecords(tx).Save(
                                2016, {"V1", true, "群众反映强烈", "admin", ""});
                          })
                  .ok());
  const std::vector<AssessmentRow> rows = Ranked();
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[2].code, "V1");
  EXPECT_EQ(rows[2].name, "Org V1");
  ASSERT_TRUE(rows[2].manual.has_value());
  EXPECT_TRUE(rows[2].manual->include);
  EXPECT_EQ(rows[2].manual->reason, "群众反映强烈");
  EXPECT_EQ(rows[2].manual->decided_by, "admin");
  EXPECT_FALSE(rows[0].manual.has_value());
  // The name is today's: a renamed organization shows its new name in past years.
  core::Organization renamed = Org("V3", "V1");
  renamed.name = "新名称";
  ASSERT_TRUE(storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
                return storage::OrganizationRecords(t).Save(renamed);
              }).ok());
  EXPECT_EQ(Ranked()[0].name, "新名称");
}

using RankedRowsSqliteTest = test::OnSqlite<RankedRowsTest>;
using RankedRowsPostgresTest = test::OnPostgres<RankedRowsTest>;

// The plan of a page of `year`'s results in ranking order, one line a step.
std::string RankedPlan(Database& db, const std::string& explain) {
  const std::string sql = explain +
                          " SELECT r.org_code FROM assessment_results r WHERE r.year = 2016"
                          " ORDER BY " +
                          std::string(kResultRankOrder) + " LIMIT 50";
  core::Result<Statement> plan = db.Prepare(sql);
  EXPECT_TRUE(plan.ok()) << plan.error().message;
  if (!plan.ok()) return {};
  const int column = db.dialect() == Dialect::kSqlite ? 3 : 0;
  std::string text;
  for (core::Result<bool> row = plan.value().Step(); row.ok() && row.value();
       row = plan.value().Step()) {
    text += std::string(plan.value().Text(column)) + "\n";
  }
  return text;
}

// The ranked order must be read from migration 010's index, not sorted per request: SQLite uses
// an index on an expression only when the query's expression is identical to it.
TEST_F(RankedRowsSqliteTest, TheRankedOrderIsReadFromItsIndexWithoutASort) {
  core::Result<Database> db = OpenSqliteDatabase(path_);
  ASSERT_TRUE(db.ok());
  const std::string text = RankedPlan(db.value(), "EXPLAIN QUERY PLAN");
  EXPECT_NE(text.find("assessment_results_ranked"), std::string::npos) << text;
  EXPECT_EQ(text.find("TEMP B-TREE"), std::string::npos) << text;
}

// PostgreSQL's twin of the index serves the same ORDER BY (its planner, too, matches index
// expressions only as written). Six rows are cheaper to sort than to look up, so the planner is
// told to avoid a sort where it can: it can only by this index.
TEST_F(RankedRowsPostgresTest, TheRankedOrderIsReadFromItsIndexWithoutASort) {
  core::Result<Database> db = OpenDatabase(url_);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(db.value().Exec("SET enable_sort = off; SET enable_seqscan = off", "test").ok());
  const std::string text = RankedPlan(db.value(), "EXPLAIN");
  EXPECT_NE(text.find("assessment_results_ranked"), std::string::npos) << text;
  EXPECT_EQ(text.find("Sort"), std::string::npos) << text;
}

INSTANTIATE_STORE_TESTS(WorkPagesTest);
INSTANTIATE_STORE_TESTS(RankedRowsTest);

}  // namespace
}  // namespace grassroots::storage
