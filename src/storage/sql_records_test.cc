// A stored assessment keeps the inputs it was computed from and reads them back exactly; old
// databases migrate with their assessments marked as kept without inputs.
#include <gtest/gtest.h>

#include "storage/audit_chain.h"
#include "storage/migrations.h"
#include "storage/score_subject.h"
#include "storage/sqlite_db.h"
#include "storage/subject_test_support.h"
#include "storage/test_fixture.h"
#include "storage/tx.h"

namespace grassroots::storage {
namespace {

using test::Org;
using test::Score;

class RecordTest : public test::StoreTest {
 protected:
  // Three organizations (a committee, its branch, another committee) and 2016's inputs: scores
  // with dimensions no decimal prints exactly, a committee grade with its reason, a hand
  // decision and a previous year's selection.
  void SetUp() override {
    StoreTest::SetUp();
    Upsert({Org("A"), Org("A1", "A"), Org("B"), Org("C")});
    core::ScoreRecord a = Score("A", 2016, 50);
    a.dimensions = {1.0 / 3.0, 0.1 + 0.2, 55.55, 60, 61, 62};
    core::ScoreRecord b = Score("B", 2016, 95, core::Grade::kC);
    b.reason = "委员会复核";
    ASSERT_TRUE(store_->UpsertScores({a, Score("A1", 2016, 70), b}, actor_).ok());
    table_ = Table();
    auto scores = storage::ReadValue(
        *store_, [&](storage::Tx& t) { return storage::ScoreRecords(t).OfYear(2016, table_); });
    ASSERT_TRUE(scores.ok());
    scores_ = std::move(scores).value();
    input_.year = 2016;
    input_.orgs = &table_;
    input_.scores = &scores_;
    input_.manual = {{3, true, "群众反映强烈"}};
    input_.previous_selected = {{1, 0, 0, 1}};
    auto result = core::Assess(core::MoheDefaultPolicy(), input_);
    ASSERT_TRUE(result.ok()) << result.error().message;
    result_ = std::move(result).value();
    ASSERT_TRUE(
        store_->SaveAssessment(core::MoheDefaultPolicy(), "v1", input_, result_, actor_).ok());
  }

  core::OrgTable table_;
  core::YearScores scores_;
  core::AssessmentInput input_;
  core::AssessmentResult result_;
};

TEST_P(RecordTest, TheWholeYearReadsBackAsTheEngineReadItAndStoredIt) {
  auto loaded = store_->LoadStoredAssessment(2016);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  ASSERT_TRUE(loaded.value().has_value());
  const StoredAssessment& stored = *loaded.value();
  EXPECT_TRUE(stored.info.inputs_stored);
  EXPECT_EQ(stored.policy_text, core::CanonicalPolicyText(core::MoheDefaultPolicy()));
  EXPECT_EQ(stored.orgs.code, table_.code);
  EXPECT_EQ(stored.orgs.type, table_.type);
  EXPECT_EQ(stored.orgs.unit, table_.unit);
  EXPECT_EQ(stored.orgs.parent, table_.parent);
  EXPECT_EQ(stored.orgs.unit_codes, table_.unit_codes);
  EXPECT_EQ(stored.scores.has_score, scores_.has_score);
  EXPECT_EQ(stored.scores.dimensions, scores_.dimensions);  // bit for bit
  EXPECT_EQ(stored.scores.committee_grade, scores_.committee_grade);
  ASSERT_EQ(stored.scores.committee_reasons.size(), 1u);
  EXPECT_EQ(stored.scores.committee_reasons[0].org, 2u);
  EXPECT_EQ(stored.scores.committee_reasons[0].text, "委员会复核");
  ASSERT_EQ(stored.manual.size(), 1u);
  EXPECT_EQ(stored.manual[0].org, 3u);
  EXPECT_TRUE(stored.manual[0].include);
  EXPECT_EQ(stored.manual[0].reason, "群众反映强烈");
  EXPECT_EQ(stored.previous_selected, input_.previous_selected);
  EXPECT_EQ(stored.result.score_cents, result_.score_cents);
  EXPECT_EQ(stored.result.grade, result_.grade);
  EXPECT_EQ(stored.result.rank, result_.rank);
  EXPECT_EQ(stored.result.selected, result_.selected);
  EXPECT_EQ(stored.result.reasons, result_.reasons);
  EXPECT_EQ(stored.result.consecutive, result_.consecutive);
  ASSERT_EQ(stored.result.quotas.size(), result_.quotas.size());
  EXPECT_EQ(stored.result.quotas[0].count, result_.quotas[0].count);
  EXPECT_EQ(stored.result.quotas[0].cut_cents, result_.quotas[0].cut_cents);
}

TEST_P(RecordTest, OneRowCarriesItsInputsAndTheHeaderItsAuditEntry) {
  auto record = store_->LoadResultRecord(2016, "A1");
  ASSERT_TRUE(record.ok() && record.value().has_value());
  EXPECT_EQ(record.value()->parent, "A");
  ASSERT_TRUE(record.value()->dimensions.has_value());
  EXPECT_EQ((*record.value()->dimensions)[5], 71.0);
  EXPECT_FALSE(record.value()->manual_include.has_value());
  EXPECT_EQ(record.value()->previous_selected, 0u);

  record = store_->LoadResultRecord(2016, "C");
  ASSERT_TRUE(record.ok() && record.value().has_value());
  EXPECT_FALSE(record.value()->dimensions.has_value());  // no score that year
  EXPECT_EQ(record.value()->manual_include, true);
  EXPECT_EQ(record.value()->manual_reason, "群众反映强烈");
  EXPECT_EQ(record.value()->previous_selected, 1u);

  EXPECT_FALSE(store_->LoadResultRecord(2016, "NOPE").value().has_value());
  EXPECT_FALSE(store_->LoadResultRecord(2015, "A").value().has_value());

  const AssessmentInfo info = *store_->LoadAssessmentInfo(2016).value();
  EXPECT_EQ(info.audit_id, QueryInt("SELECT id FROM audit_log WHERE action = 'assessment.run'"));
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log WHERE id = " + std::to_string(info.audit_id) +
                     " AND hash = '" + info.audit_hash + "'"),
            1);
}

TEST_P(RecordTest, AuditChangesAfterARunAreThoseOfTheNamedEntityOnly) {
  const AssessmentInfo info = *store_->LoadAssessmentInfo(2016).value();
  core::ScoreRecord changed = Score("A", 2016, 99);
  ASSERT_TRUE(storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
                return storage::ScoreRecords(t).Save(changed);
              }).ok());
  ASSERT_TRUE(storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
                return storage::ScoreRecords(t).Save(Score("B", 2016, 10));
              }).ok());
  ASSERT_TRUE(storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
                return storage::ScoreRecords(t).Save(Score("A", 2017, 10));
              }).ok());
  auto entries = test::AuditChangesOf(*store_, "score:A:2016", info.audit_id);
  ASSERT_TRUE(entries.ok()) << entries.error().message;
  ASSERT_EQ(entries.value().size(), 1u);
  EXPECT_EQ(entries.value()[0].entity, "score:A:2016");
  EXPECT_NE(entries.value()[0].before_json.find("\"team\":0.3333333333333333,"), std::string::npos)
      << entries.value()[0].before_json;
  EXPECT_TRUE(test::AuditChangesOf(*store_, "score:A:2016", entries.value()[0].id).value().empty());
  EXPECT_TRUE(test::AuditChangesOf(*store_, "organization:A", info.audit_id).value().empty());
}

// A database file at migration 004 (before inputs were kept) with one assessment stored then.
class OldDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char dir[] = "/tmp/grassroots-storage-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    dir_ = dir;
    core::Result<Database> db = OpenSqliteDatabase(dir_ + "/old.db");
    ASSERT_TRUE(db.ok());
    Run(db.value(),
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL)");
    for (const Migration& migration : Migrations()) {
      if (migration.version > 4) break;
      Run(db.value(), std::string(migration.sql));
      Run(db.value(), "INSERT INTO schema_migrations VALUES (" + std::to_string(migration.version) +
                          ", '" + std::string(migration.name) + "', 'then')");
    }
    Run(db.value(),
        "INSERT INTO units VALUES ('default');"
        "INSERT INTO organizations VALUES ('A', 'A', 'village', 'committee', NULL, 's', 'default');"
        "INSERT INTO organizations VALUES ('A1', 'A1', 'village', 'branch', 'A', 's', 'default');"
        "INSERT INTO audit_log VALUES (1, 't1', 'x', 'cli', 'import.orgs', 'organizations',"
        " NULL, NULL, 'h0', 'hash-1');"
        "INSERT INTO audit_log VALUES (2, 't2', 'x', 'cli', 'assessment.run', 'assessment/2016',"
        " NULL, NULL, 'hash-1', 'hash-2');"
        "INSERT INTO audit_log VALUES (3, 't3', 'x', 'cli', 'score.save', 'score:A:2016',"
        " NULL, NULL, 'hash-2', 'hash-3');"
        "INSERT INTO policies VALUES ('v1', 'mohe', 'text', 't2');"
        "INSERT INTO assessments VALUES (2016, 'v1', 't2', 1);"
        "INSERT INTO assessment_results VALUES (2016, 'A', NULL, NULL, NULL, 0, 0, 0,"
        " 'default', 'village');"
        "INSERT INTO assessment_results VALUES (2016, 'A1', 5850, 'D', 1, 1, 3, 0,"
        " 'default', 'village');");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static void Run(Database& db, const std::string& sql) {
    const core::Status status = db.Exec(sql, "test");
    ASSERT_TRUE(status.ok()) << status.error().message;
  }

  std::string dir_;
};

TEST_F(OldDatabaseTest, AnAssessmentStoredBeforeInputsWereKeptMigratesMarkedSo) {
  auto store = OpenSqliteStore(dir_ + "/old.db");
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(store.value()->Migrate().ok());
  const AssessmentInfo info = *store.value()->LoadAssessmentInfo(2016).value();
  EXPECT_FALSE(info.inputs_stored);
  EXPECT_EQ(info.audit_id, 2);
  EXPECT_EQ(info.audit_hash, "hash-2");
  auto record = store.value()->LoadResultRecord(2016, "A1");
  ASSERT_TRUE(record.ok() && record.value().has_value());
  EXPECT_EQ(record.value()->parent, "A");  // the parent as the organizations say now
  EXPECT_EQ(record.value()->row.score_cents, 5850);
  EXPECT_FALSE(record.value()->dimensions.has_value());
  auto later = test::AuditChangesOf(*store.value(), "score:A:2016", info.audit_id);
  ASSERT_TRUE(later.ok());
  ASSERT_EQ(later.value().size(), 1u);
  EXPECT_EQ(later.value()[0].id, 3);
}

INSTANTIATE_STORE_TESTS(RecordTest);

}  // namespace
}  // namespace grassroots::storage
