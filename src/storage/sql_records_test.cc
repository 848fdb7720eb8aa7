// What an explanation rests on after a run: the audit entries about one entity recorded since;
// old databases migrate with their assessments marked as kept without inputs. (The record read
// back with its inputs: assessment_contract_test.cc.)
#include <gtest/gtest.h>

#include "storage/audit_chain.h"
#include "storage/import_writer.h"
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
    ASSERT_TRUE(ImportBatch(*store_, actor_, {a, Score("A1", 2016, 70), b}).ok());
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
    ASSERT_TRUE(test::SaveRun(*store_, actor_, input_, result_).ok());
  }

  core::OrgTable table_;
  core::YearScores scores_;
  core::AssessmentInput input_;
  core::AssessmentResult result_;
};

std::optional<AssessmentInfo> InfoIn(Store& store, int year) {
  auto info = ReadValue(store, [&](Tx& tx) { return AssessmentRecords(tx).Info(year); });
  EXPECT_TRUE(info.ok());
  return info.ok() ? info.value() : std::nullopt;
}

TEST_P(RecordTest, AuditChangesAfterARunAreThoseOfTheNamedEntityOnly) {
  const AssessmentInfo info = *InfoIn(*store_, 2016);
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
  const AssessmentInfo info = *InfoIn(*store.value(), 2016);
  EXPECT_FALSE(info.inputs_stored);
  EXPECT_EQ(info.audit_id, 2);
  EXPECT_EQ(info.audit_hash, "hash-2");
  auto record =
      ReadValue(*store.value(), [](Tx& tx) { return AssessmentRecords(tx).Record(2016, "A1"); });
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
