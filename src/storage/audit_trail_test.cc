// The audit trail as a reader and an auditor rely on it: what bulk writes record per row, what
// `audit verify` catches (edits, deletions, swaps, and entries cut from the end), what the
// database refuses. (Which events move the data version: account_contract_test.cc.)
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "storage/audit_chain.h"
#include "storage/audited_rows.h"
#include "storage/import_writer.h"
#include "storage/migrations.h"
#include "storage/paged_read.h"
#include "storage/score_subject.h"
#include "storage/sqlite_db.h"
#include "storage/store.h"
#include "storage/subject_test_support.h"
#include "storage/test_fixture.h"
#include "storage/tx.h"

namespace grassroots::storage {
namespace {

using test::Org;
using test::Score;

class AuditTrailTest : public test::StoreTest {
 protected:
  std::string HeadFile() const { return path_ + ".audit-heads"; }

  // A statement run the way someone with the file would, through another connection.
  core::Status TryExec(const std::string& sql) {
    core::Result<Database> db = OpenSqliteDatabase(path_);
    if (!db.ok()) return db.error();
    return db.value().Exec(sql, "test");
  }

  AuditVerification Verify(const std::optional<ChainHead>& expect = std::nullopt) {
    core::Result<AuditVerification> v = test::VerifyAudit(*store_, expect);
    EXPECT_TRUE(v.ok()) << v.error().message;
    return v.ok() ? v.value() : AuditVerification{};
  }

  ChainHead Head() {
    core::Result<ChainHead> head = test::AuditHead(*store_);
    EXPECT_TRUE(head.ok());
    return head.ok() ? head.value() : ChainHead{};
  }

  // Two organizations with a 2016 score each, then a re-import changing A's score only.
  void ImportTwice() {
    Upsert({Org("A"), Org("B")});
    ASSERT_TRUE(ImportBatch(*store_, actor_, {Score("A", 2016, 70), Score("B", 2016, 80)}).ok());
    core::Result<WriteSummary> again =
        ImportBatch(*store_, actor_, {Score("A", 2016, 71), Score("B", 2016, 80)});
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(again.value().inserted, 0);
    EXPECT_EQ(again.value().updated, 1);
    EXPECT_EQ(again.value().unchanged, 1);
  }

  // Removes what the triggers protect, as an attacker with write access to the file would.
  void DropTriggers() {
    for (const char* table : {"audit_log", "audit_changes", "audit_checkpoints"}) {
      Exec(std::string("DROP TRIGGER ") + table + "_no_update; DROP TRIGGER " + table +
           "_no_delete");
    }
  }
};

// The file, its head file and its triggers, as someone with the file would tamper with them.
using AuditTrailSqliteTest = test::OnSqlite<AuditTrailTest>;

TEST_P(AuditTrailTest, AnImportRecordsEachChangedRowAsASingleWriteWould) {
  ImportTwice();
  core::Result<std::vector<AuditRecord>> trail = test::AuditChangesOf(*store_, "score:A:2016", 0);
  ASSERT_TRUE(trail.ok()) << trail.error().message;
  ASSERT_EQ(trail.value().size(), 2u);  // created, then changed
  EXPECT_EQ(trail.value()[0].before_json, "");
  EXPECT_EQ(trail.value()[0].after_json, ScoreJson(Score("A", 2016, 70)));
  const AuditRecord change = trail.value()[1];
  EXPECT_EQ(change.action, "import.scores");
  EXPECT_EQ(change.actor, "tester");
  EXPECT_EQ(change.entity, "score:A:2016");
  EXPECT_EQ(change.before_json, ScoreJson(Score("A", 2016, 70)));
  EXPECT_EQ(change.after_json, ScoreJson(Score("A", 2016, 71)));

  // A single write of the same row is found by the same name, with the same JSON.
  ASSERT_TRUE(storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
                return storage::ScoreRecords(t).Save(Score("A", 2016, 72));
              }).ok());
  trail = test::AuditChangesOf(*store_, "score:A:2016", change.id);
  ASSERT_TRUE(trail.ok());
  ASSERT_EQ(trail.value().size(), 1u);
  EXPECT_EQ(trail.value()[0].action, "score.save");
  EXPECT_EQ(trail.value()[0].before_json, change.after_json);
}

TEST_P(AuditTrailTest, RowsWrittenWithTheirValuesRecordNothing) {
  ImportTwice();
  core::Result<std::vector<AuditRecord>> b = test::AuditChangesOf(*store_, "score:B:2016", 0);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b.value().size(), 1u);  // its creation only
  core::Result<Page<AuditRecord>> last = test::ListAudit(*store_, 0, 1);
  ASSERT_TRUE(last.ok());
  ASSERT_EQ(last.value().items.size(), 1u);
  EXPECT_EQ(last.value().items[0].change_count, 1);
  core::Result<Page<AuditRecord>> changes =
      test::ListAuditChanges(*store_, last.value().items[0].id, 0, 50);
  ASSERT_TRUE(changes.ok());
  EXPECT_EQ(changes.value().total, 1);
  ASSERT_EQ(changes.value().items.size(), 1u);
  EXPECT_EQ(changes.value().items[0].entity, "score:A:2016");
}

TEST_P(AuditTrailTest, OrganizationAndMemberRowsAreNamedAsTheirSingleWrites) {
  Upsert({Org("A"), Org("A1", "A")});
  core::Organization renamed = Org("A1", "A");
  renamed.name = "Renamed";
  Upsert({Org("A"), renamed});
  core::Result<std::vector<AuditRecord>> org = test::AuditChangesOf(*store_, "organization:A1", 0);
  ASSERT_TRUE(org.ok());
  ASSERT_EQ(org.value().size(), 2u);
  EXPECT_EQ(org.value()[1].before_json, OrgJson(Org("A1", "A")));
  EXPECT_EQ(org.value()[1].after_json, OrgJson(renamed));

  core::Member member{"m1", "Li", "A", core::MemberStatus::kMobile, "2001-07-01", {}};
  ASSERT_TRUE(ImportBatch(*store_, actor_, {member}).ok());
  core::Result<std::vector<AuditRecord>> m = test::AuditChangesOf(*store_, "member:m1", 0);
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m.value().size(), 1u);
  EXPECT_EQ(m.value()[0].after_json, MemberJson(member));
}

// A score's change records are filed under their year (migration 034): a trail written before
// the migration is found by name after it, each year's records apart (a code may hold ':' and
// digits), beside records written after, and still verifies.
TEST_P(AuditTrailTest, ChangeRecordsWrittenBeforeTheYearIndexAreFoundByNameAfterIt) {
  Upsert({Org("A"), Org("X:2016")});
  ASSERT_TRUE(ImportBatch(*store_, actor_, {Score("A", 2015, 60), Score("X:2016", 2015, 61)}).ok());
  Exec(  // the change records' entity index as it was before migration 034
      "DROP INDEX audit_changes_entity; ALTER TABLE audit_changes DROP COLUMN entity_year;"
      " CREATE INDEX audit_changes_entity ON audit_changes (entity, entry_id);"
      " DELETE FROM schema_migrations WHERE version = 34");
  Reopen();
  ASSERT_TRUE(store_->Migrate().ok());
  ASSERT_TRUE(ImportBatch(*store_, actor_, {Score("A", 2016, 70), Score("X:2016", 2016, 71)}).ok());
  ASSERT_TRUE(ImportBatch(*store_, actor_, {Score("A", 2015, 65)}).ok());

  for (const auto& [entity, values] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"score:A:2015", {ScoreJson(Score("A", 2015, 60)), ScoreJson(Score("A", 2015, 65))}},
           {"score:A:2016", {ScoreJson(Score("A", 2016, 70))}},
           {"score:X:2016:2015", {ScoreJson(Score("X:2016", 2015, 61))}},
           {"score:X:2016:2016", {ScoreJson(Score("X:2016", 2016, 71))}},
           {"organization:X:2016", {OrgJson(Org("X:2016"))}}}) {
    SCOPED_TRACE(entity);
    core::Result<std::vector<AuditRecord>> trail = test::AuditChangesOf(*store_, entity, 0);
    ASSERT_TRUE(trail.ok()) << trail.error().message;
    ASSERT_EQ(trail.value().size(), values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
      EXPECT_EQ(trail.value()[i].entity, entity);
      EXPECT_EQ(trail.value()[i].after_json, values[i]);
    }
  }
  const AuditVerification v = Verify();
  EXPECT_TRUE(v.ok) << v.message;
}

// Scores stored in the rowid table that migration 035 rebuilt without a rowid are all there
// after it, read by key and by organization; a score is still never deleted, new ones are
// written beside them, and the trail that recorded them still verifies.
TEST_F(AuditTrailSqliteTest, ScoresStoredBeforeTheirTableLostItsRowidAreKept) {
  Upsert({Org("A"), Org("B")});
  ASSERT_TRUE(ImportBatch(*store_, actor_,
                          {Score("A", 2015, 60), Score("B", 2015, 61), Score("A", 2016, 70)})
                  .ok());
  ASSERT_TRUE(TryExec(  // the table as migration 001 made it
                  "DROP TRIGGER scores_kept; ALTER TABLE scores RENAME TO scores_035;"
                  " CREATE TABLE scores (org_code TEXT NOT NULL REFERENCES organizations (code),"
                  " year INTEGER NOT NULL, team REAL NOT NULL, leader REAL NOT NULL,"
                  " venue REAL NOT NULL, routine REAL NOT NULL, service REAL NOT NULL,"
                  " members REAL NOT NULL, grade TEXT NULL, reason TEXT NULL,"
                  " PRIMARY KEY (year, org_code));"
                  " INSERT INTO scores SELECT * FROM scores_035; DROP TABLE scores_035;"
                  " CREATE TRIGGER scores_kept BEFORE DELETE ON scores"
                  " BEGIN SELECT RAISE(ABORT, 'scores are never deleted: correct them'); END;"
                  " DELETE FROM schema_migrations WHERE version = 35")
                  .ok());
  ASSERT_EQ(QueryInt("SELECT wr FROM pragma_table_list WHERE name = 'scores'"), 0);
  Reopen();
  ASSERT_TRUE(store_->Migrate().ok());
  EXPECT_EQ(QueryInt("SELECT wr FROM pragma_table_list WHERE name = 'scores'"), 1);

  ASSERT_TRUE(ImportBatch(*store_, actor_, {Score("B", 2016, 71), Score("A", 2015, 65)}).ok());
  core::Result<std::vector<core::ScoreRecord>> of_a =
      storage::ReadValue(*store_, [](Tx& tx) { return ScoreRecords(tx).Of("A"); });
  ASSERT_TRUE(of_a.ok()) << of_a.error().message;
  ASSERT_EQ(of_a.value().size(), 2u);
  EXPECT_EQ(of_a.value()[0].year, 2015);
  EXPECT_EQ(ScoreJson(of_a.value()[0]), ScoreJson(Score("A", 2015, 65)));
  EXPECT_EQ(ScoreJson(of_a.value()[1]), ScoreJson(Score("A", 2016, 70)));
  core::Result<std::optional<core::ScoreRecord>> b =
      storage::ReadValue(*store_, [](Tx& tx) { return ScoreRecords(tx).Find("B", 2015); });
  ASSERT_TRUE(b.ok() && b.value());
  EXPECT_EQ(ScoreJson(*b.value()), ScoreJson(Score("B", 2015, 61)));
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM scores"), 4);

  EXPECT_FALSE(TryExec("DELETE FROM scores WHERE org_code = 'B'").ok());
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM scores"), 4);
  const AuditVerification v = Verify();
  EXPECT_TRUE(v.ok) << v.message;
}

// Names of every shape, some no writer makes: the year index's rule is written in each
// backend's SQL (migration 034) and in EntityYear, which a lookup uses; they must agree, or a
// record is not found by its name.
const char* const kEntityShapes[] = {"score:A:2016", "score:X:2016:1999",
                                     "score:A:2200", "organization:A:2016",
                                     "member:2016",  "reminder:12",
                                     "score::2016",  "score:A:20161",
                                     "score:A:201",  "score:A:20x6",
                                     "Score:A:2016", "score:A2016",
                                     "score:é:1900", ""};

TEST(EntityYear, IsTheYearOfAScoresRecordAndZeroForAnyOther) {
  EXPECT_EQ(EntityYear("score:A:2016"), 2016);
  EXPECT_EQ(EntityYear("score:X:2016:1999"), 1999);
  EXPECT_EQ(EntityYear("score:A:2200"), 2200);
  EXPECT_EQ(EntityYear("score:é:1900"), 1900);
  for (const char* other :
       {"organization:A:2016", "member:2016", "reminder:12", "score::2016", "score:A:20161",
        "score:A:201", "score:A:20x6", "Score:A:2016", "score:A2016", ""}) {
    EXPECT_EQ(EntityYear(other), 0) << other;
  }
}

TEST_P(AuditTrailTest, AChangeRecordOfAnyNameIsFoundByIt) {
  Upsert({Org("A")});  // entry 1, for the records below to hang off
  std::string insert;
  int seq = 100;
  for (const char* entity : kEntityShapes) {
    insert += (insert.empty() ? "INSERT INTO audit_changes (entry_id, seq, entity, after_json) "
                                "VALUES "
                              : ", ") +
              std::string("(1, ") + std::to_string(seq++) + ", '" + entity + "', '{}')";
  }
  Tamper(insert);
  for (const char* entity : kEntityShapes) {
    core::Result<std::vector<AuditRecord>> trail = test::AuditChangesOf(*store_, entity, 0);
    ASSERT_TRUE(trail.ok()) << trail.error().message;
    ASSERT_EQ(trail.value().size(), 1u) << entity;
    EXPECT_EQ(trail.value()[0].entity, entity);
  }
}

TEST_P(AuditTrailTest, AnIntactTrailVerifiesWithItsChangeRecordsAndHeads) {
  ImportTwice();
  const AuditVerification v = Verify(Head());
  EXPECT_TRUE(v.ok) << v.message;
  EXPECT_EQ(v.entries, 3);
  EXPECT_EQ(v.changes, 2 + 2 + 1);
  if (!postgres()) {                 // the head file beside an SQLite database
    EXPECT_EQ(v.recorded_heads, 3);  // one per commit
    ASSERT_TRUE(v.newest_recorded.has_value());
    EXPECT_EQ(*v.newest_recorded, v.head);
  }
  EXPECT_EQ(v.head, Head());
}

TEST_F(AuditTrailSqliteTest, EntriesCutFromTheEndAreCaughtByTheHeadFile) {
  ImportTwice();
  const ChainHead before = Head();
  DropTriggers();
  Exec("DELETE FROM audit_changes WHERE entry_id = " + std::to_string(before.id) +
       "; DELETE FROM audit_log WHERE id = " + std::to_string(before.id));
  const AuditVerification v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.reason, "audit_entries_removed");
  EXPECT_EQ(v.first_bad_id, before.id);
  EXPECT_NE(v.message.find("removed from the end"), std::string::npos) << v.message;
}

TEST_F(AuditTrailSqliteTest, EntriesCutFromTheEndAreCaughtByACheckpoint) {
  Upsert({Org("A"), Org("B"), Org("C")});
  ASSERT_TRUE(
      test::SaveRun(*store_, actor_, test::NoInputs(Table()).input, test::Result(2016, {1, 0, 0}))
          .ok());
  const ChainHead run = Head();
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_checkpoints WHERE reason = 'assessment/2016'"
                     " AND entry_id = " +
                     std::to_string(run.id)),
            1);
  // Without the head file, and with the run's entry cut, only the checkpoint remembers it.
  std::filesystem::remove(HeadFile());
  DropTriggers();
  Exec("DELETE FROM audit_log WHERE id = " + std::to_string(run.id));
  const AuditVerification v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.reason, "audit_entries_removed");
  EXPECT_NE(v.message.find("assessment/2016"), std::string::npos) << v.message;
}

TEST_F(AuditTrailSqliteTest, AHeadWrittenDownMustStillBeInTheChain) {
  ImportTwice();
  const ChainHead written_down = Head();
  EXPECT_TRUE(Verify(written_down).ok);
  ChainHead forged = written_down;
  forged.hash[0] = forged.hash[0] == 'a' ? 'b' : 'a';
  AuditVerification v = Verify(forged);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.reason, "audit_head_not_in_chain");

  // Cut the last entry and forget every other anchor: the written-down head still tells.
  std::filesystem::remove(HeadFile());
  DropTriggers();
  Exec("DELETE FROM audit_changes WHERE entry_id = " + std::to_string(written_down.id) +
       "; DELETE FROM audit_log WHERE id = " + std::to_string(written_down.id));
  EXPECT_TRUE(Verify().ok);  // nothing else remembers the cut entry
  v = Verify(written_down);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.reason, "audit_entries_removed");
}

TEST_F(AuditTrailSqliteTest, EditsDeletionsAndSwapsInTheMiddleAreCaught) {
  ImportTwice();
  ASSERT_TRUE(storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
                return storage::ScoreRecords(t).Save(Score("B", 2016, 90));
              }).ok());
  DropTriggers();
  const std::string copy = dir_ + "/copy.db";
  std::filesystem::copy_file(path_, copy);

  Exec("UPDATE audit_log SET actor = 'mallory' WHERE id = 2");
  AuditVerification v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.reason, "audit_entry_altered");
  EXPECT_EQ(v.first_bad_id, 2);

  std::filesystem::copy_file(copy, path_, std::filesystem::copy_options::overwrite_existing);
  Exec("DELETE FROM audit_changes WHERE entry_id = 2; DELETE FROM audit_log WHERE id = 2");
  v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 3);  // the entry after the gap no longer links

  std::filesystem::copy_file(copy, path_, std::filesystem::copy_options::overwrite_existing);
  Exec(
      "CREATE TEMP TABLE swap AS SELECT * FROM audit_log WHERE id IN (3, 4);"
      " DELETE FROM audit_log WHERE id IN (3, 4);"
      " INSERT INTO audit_log SELECT 7 - id, at, actor, origin, action, entity, before_json,"
      " after_json, prev_hash, hash, change_count, change_digest, data_change FROM swap");
  v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 3);
}

TEST_F(AuditTrailSqliteTest, AChangeRecordEditedRemovedOrAddedIsCaught) {
  ImportTwice();
  DropTriggers();
  const std::string copy = dir_ + "/copy.db";
  std::filesystem::copy_file(path_, copy);
  for (const std::string& tamper :
       {std::string("UPDATE audit_changes SET after_json = replace(after_json, '71', '99')"
                    " WHERE entry_id = 3"),
        std::string("DELETE FROM audit_changes WHERE entry_id = 2 AND seq = 2"),
        std::string("INSERT INTO audit_changes VALUES (3, 2, 'score:B:2016', NULL, '{}')")}) {
    SCOPED_TRACE(tamper);
    std::filesystem::copy_file(copy, path_, std::filesystem::copy_options::overwrite_existing);
    Exec(tamper);
    const AuditVerification v = Verify();
    EXPECT_FALSE(v.ok);
    EXPECT_EQ(v.reason, "audit_changes_altered");
  }
}

TEST_F(AuditTrailSqliteTest, TheDatabaseRefusesToUpdateOrDeleteTheTrail) {
  ImportTwice();  // change records
  Upsert({Org("C")});
  ASSERT_TRUE(
      test::SaveRun(*store_, actor_, test::NoInputs(Table()).input, test::Result(2016, {1, 0, 0}))
          .ok());  // a checkpoint
  const std::int64_t entries = QueryInt("SELECT COUNT(*) FROM audit_log");
  for (const char* sql :
       {"UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log",
        "DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)",
        "UPDATE audit_changes SET after_json = '{}'", "DELETE FROM audit_changes",
        "UPDATE audit_checkpoints SET hash = ''", "DELETE FROM audit_checkpoints"}) {
    SCOPED_TRACE(sql);
    const core::Status status = TryExec(sql);
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().message.find("append-only"), std::string::npos)
        << status.error().message;
  }
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log"), entries);
  EXPECT_TRUE(Verify().ok);
}

// The change records are read a page at a time (kPageRows, paged_read.h): an import of more
// verifies whole, and a record altered past the first page is still caught.
TEST_P(AuditTrailTest, ChangeRecordsAreCheckedAcrossPages) {
  const int rows = kPageRows + 1000;
  Upsert(test::ManyOrgs(rows));
  AuditVerification v = Verify();
  EXPECT_TRUE(v.ok) << v.message;
  EXPECT_EQ(v.changes, rows);

  Tamper("UPDATE audit_changes SET after_json = '{}' WHERE entry_id = 1 AND seq = " +
         std::to_string(kPageRows + 500));
  v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.reason, "audit_changes_altered");
  EXPECT_EQ(v.first_bad_id, 1);
}

TEST_P(AuditTrailTest, EntriesRecordTheInjectedInstant) {
  Upsert({Org("A")});
  clock_.Advance(3600);
  ASSERT_TRUE(storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
                return storage::ScoreRecords(t).Save(Score("A", 2016, 70));
              }).ok());
  core::Result<Page<AuditRecord>> page = test::ListAudit(*store_, 0, 2);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page.value().items.size(), 2u);
  EXPECT_EQ(page.value().items[1].at, "2016-06-30T16:00:00Z");  // 2016-07-01 00:00 in the county
  EXPECT_EQ(page.value().items[0].at, "2016-06-30T17:00:00Z");
  if (postgres()) return;  // no head file
  std::ifstream heads(HeadFile());
  std::string line;
  std::getline(heads, line);
  EXPECT_NE(line.find(" 2016-06-30T16:00:00Z"), std::string::npos) << line;
}

TEST_P(AuditTrailTest, HeadsParseAndPrintAsIdColonHash) {
  const ChainHead head{12, std::string(64, 'a')};
  EXPECT_EQ(FormatAuditHead(head), "12:" + std::string(64, 'a'));
  EXPECT_EQ(ParseAuditHead(FormatAuditHead(head)), head);
  for (const std::string& bad :
       {std::string("12"), "0:" + std::string(64, 'a'), "x:" + std::string(64, 'a'),
        "12:" + std::string(63, 'a'), "12:" + std::string(64, 'A'), "-1:" + std::string(64, 'a')}) {
    EXPECT_FALSE(ParseAuditHead(bad).has_value()) << bad;
  }
}

// A database made before migration 007, with data and a login in its trail: the migration keeps
// the old entries verifiable and marks the login as no data change.
TEST(AuditTrailMigration, AnExistingTrailStillVerifiesAndLoginsStopCounting) {
  char dir[] = "/tmp/grassroots-storage-XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  const std::string path = std::string(dir) + "/old.db";
  core::FixedClock clock(core::CountyDayStart({2016, 7, 1}));
  {
    core::Result<Database> db = OpenSqliteDatabase(path, clock);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db.value()
                    .Exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY,"
                          " name TEXT NOT NULL, applied_at TEXT NOT NULL)",
                          "t")
                    .ok());
    for (const Migration& m : Migrations()) {
      if (m.version >= 7) break;
      ASSERT_TRUE(db.value().Exec(m.sql, m.name).ok()) << m.name;
      ASSERT_TRUE(db.value()
                      .Exec("INSERT INTO schema_migrations VALUES (" + std::to_string(m.version) +
                                ", '" + std::string(m.name) + "', 'then')",
                            "t")
                      .ok());
    }
    // Two entries as the old code wrote them: an import, then a login.
    AuditEntry import;
    import.id = 1;
    import.at = "2016-05-01T00:00:00Z";
    import.actor = import.origin = "cli";
    import.action = "import.orgs";
    import.entity = "organizations";
    import.after_json = R"({"rows":1})";
    AuditEntry login;
    login.id = 2;
    login.at = "2016-05-02T00:00:00Z";
    login.actor = "alice";
    login.origin = "127.0.0.1";
    login.action = "login";
    login.entity = "user:alice";
    const std::string h1 = AuditHash(kGenesisHash, import);
    const std::string h2 = AuditHash(h1, login);
    ASSERT_TRUE(db.value()
                    .Exec("INSERT INTO audit_log VALUES (1, '2016-05-01T00:00:00Z', 'cli', 'cli',"
                          " 'import.orgs', 'organizations', NULL, '{\"rows\":1}', '" +
                              std::string(kGenesisHash) + "', '" + h1 +
                              "'), (2, '2016-05-02T00:00:00Z', 'alice', '127.0.0.1', 'login',"
                              " 'user:alice', NULL, NULL, '" +
                              h1 + "', '" + h2 + "')",
                          "t")
                    .ok());
  }
  core::Result<std::unique_ptr<Store>> store = OpenSqliteStore(path, clock);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(store.value()->Migrate().ok());
  EXPECT_EQ(store.value()->DataVersion().value(), 1);  // the login is not a data change
  core::Result<AuditVerification> v = test::VerifyAudit(*store.value(), std::nullopt);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v.value().ok) << v.value().message;
  EXPECT_EQ(v.value().entries, 2);
  store.value().reset();
  std::filesystem::remove_all(dir);
}

INSTANTIATE_STORE_TESTS(AuditTrailTest);

}  // namespace
}  // namespace grassroots::storage
