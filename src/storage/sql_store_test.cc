#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "storage/audit_chain.h"
#include "storage/import_writer.h"
#include "storage/migrations.h"
#include "storage/postgres/pg_database.h"
#include "storage/score_subject.h"
#include "storage/sqlite_db.h"
#include "storage/store.h"
#include "storage/subject_test_support.h"
#include "storage/test_fixture.h"
#include "storage/tx.h"

namespace grassroots::storage {
namespace {

using core::OrgType;
using test::ManyOrgs;
using test::Org;
using test::Score;

// The store on either backend.
class SqlStoreTest : public test::StoreTest {};
// What only an SQLite file has (its WAL, a writer killed mid-transaction).
using SqlStoreSqliteTest = test::OnSqlite<SqlStoreTest>;

TEST(SqliteOpen, UnreachablePathIsUnavailableAndNamed) {
  const std::string path = "/nonexistent-grassroots-dir/sub/x.db";
  core::Result<std::unique_ptr<Store>> store = OpenSqliteStore(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, core::ErrorCode::kUnavailable);
  EXPECT_NE(store.error().message.find(path), std::string::npos) << store.error().message;
}

TEST_P(SqlStoreTest, MigratingTwiceChangesNothing) {
  ASSERT_TRUE(store_->Migrate().ok());
  Reopen();
  ASSERT_TRUE(store_->Migrate().ok());
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM schema_migrations"),
            static_cast<std::int64_t>(postgres() ? PgMigrations().size() : Migrations().size()));
  core::Result<Database> db = OpenDatabase(url_);
  ASSERT_TRUE(db.ok());
  for (const char* table : {"sessions", "audit_log"}) {
    core::Result<bool> exists = db.value().TableExists(table);
    EXPECT_TRUE(exists.ok() && exists.value()) << table;
  }
}

TEST_P(SqlStoreTest, UpsertCountsInsertedAndUpdated) {
  EXPECT_EQ(Upsert({Org("A"), Org("B"), Org("A1", "A")}).inserted, 3);

  core::Organization renamed = Org("B");
  renamed.name = "New name";
  const WriteSummary summary = Upsert({Org("A"), renamed, Org("C")});
  EXPECT_EQ(summary.inserted, 1);
  EXPECT_EQ(summary.updated, 1);
  EXPECT_EQ(summary.unchanged, 1);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM organizations WHERE code = 'B' AND name = 'New name'"),
            1);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM organizations"), 4);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM units"), 1);
}

TEST_P(SqlStoreTest, ImportWithAMissingParentWritesNothing) {
  Upsert({Org("A"), Org("B")});
  const std::int64_t audit_before = QueryInt("SELECT COUNT(*) FROM audit_log");

  // Parents are checked at COMMIT, after the valid row and the new unit were written.
  core::Result<WriteSummary> result =
      ImportBatch(*store_, actor_, {Org("C", "", "u2"), Org("D", "nowhere")});
  ASSERT_FALSE(result.ok());
  std::string message = result.error().message;
  std::transform(message.begin(), message.end(), message.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  EXPECT_NE(message.find("foreign key"), std::string::npos) << message;
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM organizations"), 2);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM units"), 1);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log"), audit_before);
  // And the connection is usable afterwards.
  EXPECT_EQ(Upsert({Org("C")}).inserted, 1);
}

TEST_P(SqlStoreTest, ImportSpanningSeveralBatchesKeepsEveryRow) {
  std::vector<core::Organization> orgs = ManyOrgs(1001);  // batches of 128 and a tail
  std::reverse(orgs.begin(), orgs.end());                 // children before parents
  EXPECT_EQ(Upsert(orgs).inserted, 1001);
  orgs[500].name = "Renamed";
  const WriteSummary again = Upsert(orgs);
  EXPECT_EQ(again.inserted, 0);
  EXPECT_EQ(again.updated, 1);
  EXPECT_EQ(again.unchanged, 1000);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM organizations WHERE name = 'Renamed'"), 1);

  const core::OrgTable table = Table();
  ASSERT_EQ(table.size(), 1001u);
  EXPECT_EQ(table.code[999], "B00000999");
  EXPECT_EQ(table.parent[999], 990);
  EXPECT_EQ(table.parent[990], core::kNoParent);
}

TEST_P(SqlStoreTest, ChildWithoutUnitIsRejectedAndDirectOneGetsDefault) {
  core::Result<WriteSummary> result = ImportBatch(*store_, actor_, {Org("A"), Org("A1", "A", "")});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::ErrorCode::kInvalid);

  Upsert({Org("X", "", "")});
  const core::OrgTable table = Table();
  ASSERT_EQ(table.size(), 1u);
  EXPECT_EQ(table.unit_codes[table.unit[0]], core::kDefaultUnit);
}

TEST_P(SqlStoreTest, OrgTableIsSortedByCodeWithParentIndices) {
  // Children before parents, codes out of order, two units.
  Upsert({Org("Z1", "Z", "u2", OrgType::kAgency), Org("M2", "M"), Org("Z", "", "u2"),
          Org("M1", "M", "u1", OrgType::kCommunity), Org("M")});
  const core::OrgTable table = Table();
  ASSERT_EQ(table.code, (std::vector<std::string>{"M", "M1", "M2", "Z", "Z1"}));
  EXPECT_EQ(table.parent, (std::vector<std::int32_t>{core::kNoParent, 0, 0, core::kNoParent, 3}));
  EXPECT_EQ(table.unit_codes, (std::vector<std::string>{"u1", "u2"}));
  EXPECT_EQ(table.unit, (std::vector<std::uint32_t>{0, 0, 0, 1, 1}));
  EXPECT_EQ(table.type[1], OrgType::kCommunity);
  EXPECT_EQ(table.type[4], OrgType::kAgency);
}

TEST_P(SqlStoreTest, MembersUpsertAndUnknownOrganizationWritesNothing) {
  Upsert({Org("A")});
  core::Member member{"m1", "Li", "A", core::MemberStatus::kMobile, "2001-07-01", {}};
  core::Result<WriteSummary> first = ImportBatch(*store_, actor_, {member});
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first.value().inserted, 1);

  core::Member stray{"m2", "Wang", "nowhere", core::MemberStatus::kRegular, "", {}};
  member.status = core::MemberStatus::kRetired;
  core::Result<WriteSummary> second = ImportBatch(*store_, actor_, {member, stray});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM members WHERE status = 'mobile'"), 1);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM members"), 1);
}

// A score names a stored organization, whichever way it is written: a first import into the
// empty table, a new year beside stored ones (PostgreSQL loads both straight into the table),
// a replaced year (staged and upserted there) and a single save. The unknown code sits between
// known ones, or last in the second year of a chunk.
TEST_P(SqlStoreTest, ScoresOfAnOrganizationNotStoredWriteNothing) {
  // A code with the characters PostgreSQL's array text escapes or splits on.
  const std::string odd = "B\"1,\\}";
  Upsert({Org("A"), Org("B"), Org(odd), Org("C")});
  const auto refused = [&](const std::vector<core::ScoreRecord>& scores, const char* unknown) {
    core::Result<WriteSummary> written = ImportBatch(*store_, actor_, scores);
    ASSERT_FALSE(written.ok()) << unknown;
    // SQLite's key answers in its own words; the check that replaces it on PostgreSQL names it.
    if (postgres()) {
      EXPECT_NE(
          written.error().message.find("organization " + std::string(unknown) + " does not exist"),
          std::string::npos)
          << written.error().message;
    }
  };
  const std::int64_t audit_before = QueryInt("SELECT COUNT(*) FROM audit_log");
  refused({Score("A", 2016, 70), Score("B0", 2016, 70), Score("C", 2016, 70)}, "B0");
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM scores"), 0);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log"), audit_before);

  core::Result<WriteSummary> stored = ImportBatch(
      *store_, actor_, {Score("A", 2016, 70), Score(odd, 2016, 70), Score("C", 2016, 70)});
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  const std::int64_t audit_stored = QueryInt("SELECT COUNT(*) FROM audit_log");
  refused({Score("A", 2016, 80), Score("B0", 2016, 80), Score("C", 2016, 80)}, "B0");
  refused({Score("A", 2017, 80), Score("A", 2018, 80), Score("Z9", 2018, 80)}, "Z9");

  core::Result<bool> saved = WriteValue(
      *store_, actor_, [&](Tx& t) { return ScoreRecords(t).Save(Score("nowhere", 2016, 50)); });
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.error().message, "organization nowhere does not exist");
  EXPECT_EQ(saved.error().field, "code");

  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM scores"), 3);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM scores WHERE team = 70"), 3);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log"), audit_stored);
}

TEST_P(SqlStoreTest, ScoresRoundTripWithCommitteeGrade) {
  Upsert({Org("A"), Org("B"), Org("C")});
  core::Result<WriteSummary> written = ImportBatch(
      *store_, actor_,
      {Score("C", 2016, 70), Score("A", 2016, 55.5, core::Grade::kC), Score("A", 2015, 90)});
  ASSERT_TRUE(written.ok()) << written.error().message;
  EXPECT_EQ(written.value().inserted, 3);
  core::Result<WriteSummary> again = ImportBatch(*store_, actor_, {Score("C", 2016, 71)});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value().updated, 1);

  const core::OrgTable table = Table();
  core::Result<core::YearScores> scores = storage::ReadValue(
      *store_, [&](storage::Tx& t) { return storage::ScoreRecords(t).OfYear(2016, table); });
  ASSERT_TRUE(scores.ok()) << scores.error().message;
  EXPECT_EQ(scores.value().has_score, (std::vector<std::uint8_t>{1, 0, 1}));
  EXPECT_EQ(scores.value().committee_grade, (std::vector<std::int8_t>{2, -1, -1}));
  EXPECT_DOUBLE_EQ(scores.value().dimensions[0], 55.5);
  EXPECT_DOUBLE_EQ(scores.value().dimensions[5], 56.5);
  EXPECT_DOUBLE_EQ(scores.value().dimensions[2 * core::kDimensionCount], 71);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM scores WHERE year = 2016"), 2);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM scores WHERE year = 2014"), 0);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM scores WHERE reason = 'committee decision'"), 1);
}

TEST_P(SqlStoreTest, ScoresAlignWithATableInAnyOrder) {
  Upsert({Org("A"), Org("B")});
  ASSERT_TRUE(ImportBatch(*store_, actor_, {Score("B", 2016, 80)}).ok());
  core::OrgTable table;
  table.unit_codes = {"u1"};
  table.Add("B", OrgType::kVillage, 0, core::kNoParent);
  table.Add("A", OrgType::kVillage, 0, core::kNoParent);
  core::Result<core::YearScores> scores = storage::ReadValue(
      *store_, [&](storage::Tx& t) { return storage::ScoreRecords(t).OfYear(2016, table); });
  ASSERT_TRUE(scores.ok());
  EXPECT_EQ(scores.value().has_score, (std::vector<std::uint8_t>{1, 0}));
}

TEST_P(SqlStoreTest, EveryWriteAppendsALinkedAuditEntry) {
  Upsert({Org("A"), Org("B")});
  Upsert({Org("B"), Org("C")});
  ASSERT_TRUE(store_->MarkDemo().ok());

  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log"), 3);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log WHERE id = 1 AND prev_hash = '" +
                     std::string(kGenesisHash) + "'"),
            1);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log a JOIN audit_log b ON b.id = a.id + 1"
                     " WHERE b.prev_hash = a.hash"),
            2);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log WHERE id = 2 AND action = 'import.orgs'"
                     " AND actor = 'tester' AND origin = '127.0.0.1' AND after_json ="
                     " '{\"rows\":2,\"inserted\":1,\"updated\":0,\"unchanged\":1}'"
                     " AND change_count = 1"),
            1);

  core::Result<AuditVerification> verified = test::VerifyAudit(*store_, std::nullopt);
  ASSERT_TRUE(verified.ok()) << verified.error().message;
  EXPECT_TRUE(verified.value().ok) << verified.value().message;
  EXPECT_EQ(verified.value().entries, 3);

  Tamper("UPDATE audit_log SET actor = 'mallory' WHERE id = 2");
  verified = test::VerifyAudit(*store_, std::nullopt);
  ASSERT_TRUE(verified.ok());
  EXPECT_FALSE(verified.value().ok);
  EXPECT_EQ(verified.value().first_bad_id, 2);
  EXPECT_EQ(verified.value().reason, "audit_entry_altered");
}

TEST_P(SqlStoreTest, DemoFlag) {
  EXPECT_TRUE(store_->IsEmpty().value());
  EXPECT_FALSE(store_->IsDemo().value());
  ASSERT_TRUE(store_->MarkDemo().ok());
  EXPECT_TRUE(store_->IsDemo().value());
  Upsert({Org("A")});
  EXPECT_FALSE(store_->IsEmpty().value());
}

TEST(SqliteUnmigrated, IsEmptyAndNotDemo) {
  char dir[] = "/tmp/grassroots-storage-XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  {
    core::Result<std::unique_ptr<Store>> store = OpenSqliteStore(std::string(dir) + "/new.db");
    ASSERT_TRUE(store.ok());
    EXPECT_TRUE(store.value()->IsEmpty().value());
    EXPECT_FALSE(store.value()->IsDemo().value());
  }
  std::filesystem::remove_all(dir);
}

// The first bytes of a database file's header, as a new connection finds them; empty when the
// file is missing or shorter.
std::string FileHeader(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return {};
  char header[20] = {};
  const std::size_t read = std::fread(header, 1, sizeof header, file);
  std::fclose(file);
  return read == sizeof header ? std::string(header, sizeof header) : std::string();
}

// The page size kept in the header (bytes 16-17, big-endian; 1 means 65,536).
int PageSizeOf(const std::string& path) {
  const std::string header = FileHeader(path);
  if (header.empty()) return 0;
  const int size =
      static_cast<unsigned char>(header[16]) * 256 + static_cast<unsigned char>(header[17]);
  return size == 1 ? 65536 : size;
}

// A new file gets 16 KiB pages (sqlite_db.cc: imports and a first assessment write a quarter as
// many pages); a file made with SQLite's default of 4 KiB keeps them when opened and written.
TEST(SqlitePageSize, ANewFileGets16KiBPagesAndAnOlderFileKeepsItsOwn) {
  char dir[] = "/tmp/grassroots-storage-XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  const std::string made_now = std::string(dir) + "/new.db";
  const std::string made_before = std::string(dir) + "/old.db";
  {
    core::Result<std::unique_ptr<Store>> store = OpenSqliteStore(made_now);
    ASSERT_TRUE(store.ok()) << store.error().message;
    ASSERT_TRUE(store.value()->Migrate().ok());
    // A copy of it with the pages SQLite makes by default.
    core::Result<Database> db = OpenSqliteDatabase(made_now);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db.value()
                    .Exec("PRAGMA page_size = 4096; VACUUM INTO '" + made_before + "'", "copying")
                    .ok());
  }
  EXPECT_EQ(PageSizeOf(made_now), 16384);
  ASSERT_EQ(PageSizeOf(made_before), 4096);
  {
    core::Result<std::unique_ptr<Store>> store = OpenSqliteStore(made_before);
    ASSERT_TRUE(store.ok()) << store.error().message;
    ASSERT_TRUE(store.value()->Migrate().ok());
    core::Result<WriteSummary> written =
        ImportBatch(*store.value(), Actor{"admin", "test"}, {Org("A"), Org("B")});
    ASSERT_TRUE(written.ok()) << written.error().message;
    EXPECT_EQ(written.value().inserted, 2);
  }
  EXPECT_EQ(PageSizeOf(made_before), 4096);
  std::filesystem::remove_all(dir);
}

// The journal mode the file is in, as a new connection finds it before switching it (the
// mode is kept in the file's header: 2 at byte 18 for WAL).
std::string JournalModeOf(const std::string& path) {
  const std::string header = FileHeader(path);
  if (header.empty()) return "unreadable";
  return header[18] == 2 ? "wal" : "rollback";
}

// The journal mode the store's own connection is in, asked inside a write of `size`.
std::string JournalModeDuring(Store& store, Store::WriteSize size) {
  std::string mode;
  core::Status status = store.Write(
      Actor{},
      [&](Tx& tx) -> core::Status {
        core::Result<Statement> asked = tx.db().Prepare("PRAGMA journal_mode");
        if (!asked.ok()) return asked.error();
        if (!asked.value().Step().value()) return core::Error::Internal("no journal mode");
        mode = asked.value().Text(0);
        return core::Status::Ok();
      },
      size);
  EXPECT_TRUE(status.ok()) << status.error().message;
  return mode;
}

// A command line's bulk write has the file to itself: a rollback journal while it lasts (each
// new page written once), the WAL again after it, committed or not.
TEST_F(SqlStoreSqliteTest, ABulkWriteAloneLeavesTheWalWhileItLasts) {
  store_->AllowExclusiveBulkWrites();
  EXPECT_EQ(JournalModeDuring(*store_, Store::WriteSize::kOrdinary), "wal");
  EXPECT_EQ(JournalModeDuring(*store_, Store::WriteSize::kBulk), "delete");
  EXPECT_EQ(JournalModeOf(path_), "wal");
  EXPECT_EQ(JournalModeDuring(*store_, Store::WriteSize::kOrdinary), "wal");

  const core::Status failed = store_->Write(
      Actor{}, [](Tx&) { return core::Error::Invalid("refused"); }, Store::WriteSize::kBulk);
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(JournalModeOf(path_), "wal") << "a rolled-back bulk write returns to the WAL too";
  EXPECT_EQ(Upsert({Org("A")}).inserted, 1);
}

// While another connection has the file open (a server, a second command), a bulk write keeps
// the WAL, without waiting, and the other connection reads on beside it. A store not allowed to
// (a server's) keeps it always.
TEST_F(SqlStoreSqliteTest, ABulkWriteKeepsTheWalBesideAnotherConnection) {
  Upsert({Org("A"), Org("B")});
  EXPECT_EQ(JournalModeDuring(*store_, Store::WriteSize::kBulk), "wal") << "not allowed";

  store_->AllowExclusiveBulkWrites();
  core::Result<Database> other = OpenSqliteDatabase(path_);
  ASSERT_TRUE(other.ok());
  ASSERT_EQ(other.value().QueryInt("SELECT COUNT(*) FROM organizations").value(), 2);
  std::int64_t read_meanwhile = -1;
  const auto started = std::chrono::steady_clock::now();
  const core::Status written = store_->Write(
      Actor{},
      [&](Tx& tx) -> core::Status {
        core::Result<WriteSummary> summary = ImportBatch(tx, {Org("C")});
        if (!summary.ok()) return summary.error();
        read_meanwhile = other.value().QueryInt("SELECT COUNT(*) FROM organizations").value();
        return core::Status::Ok();
      },
      Store::WriteSize::kBulk);
  ASSERT_TRUE(written.ok()) << written.error().message;
  EXPECT_EQ(read_meanwhile, 2) << "the other connection read the state before the write";
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(4))
      << "the bulk write did not wait for the other connection (its busy timeout is 5 s)";
  EXPECT_EQ(other.value().QueryInt("SELECT COUNT(*) FROM organizations").value(), 3);
  EXPECT_EQ(JournalModeOf(path_), "wal");
}

// A writer killed mid-import (power cut, OOM killer) must leave the database as it was: the WAL
// holds uncommitted frames that recovery discards; with a bulk write's rollback journal, the
// journal puts back what the write changed in the file and the file is cut to its old length.
void KillWriterMidTransaction(const std::string& path, Store::WriteSize size) {
  const auto grown = [&] {
    std::uintmax_t total = 0;
    for (const std::string& file : {path, path + "-wal"}) {
      std::error_code ec;
      const auto bytes = std::filesystem::file_size(file, ec);
      if (!ec) total += bytes;
    }
    return total;
  };
  const auto before = grown();

  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const std::vector<core::Organization> orgs = ManyOrgs(1'000'000);
    core::Result<std::unique_ptr<Store>> store = OpenSqliteStore(path);
    if (store.ok()) {
      store.value()->AllowExclusiveBulkWrites();
      (void)store.value()->Write(
          Actor{},
          [&](Tx& tx) -> core::Status {
            core::Result<WriteSummary> summary = ImportBatch(tx, orgs);
            if (!summary.ok()) return summary.error();
            return core::Status::Ok();
          },
          size);
    }
    _exit(0);
  }
  // Kill once the writer has spilled pages into the WAL or the file, i.e. truly
  // mid-transaction.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (grown() < before + (4u << 20) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  // Which journal the writer was using when it was killed: a bulk write alone with the file
  // leaves the WAL for a rollback journal.
  const bool journaled = std::filesystem::exists(path + "-journal");
  kill(child, SIGKILL);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the writer finished before it could be killed";
  EXPECT_EQ(journaled, size == Store::WriteSize::kBulk);
}

TEST_F(SqlStoreSqliteTest, KilledWriterLeavesTheDatabaseAsItWas) {
  for (const Store::WriteSize size : {Store::WriteSize::kOrdinary, Store::WriteSize::kBulk}) {
    SCOPED_TRACE(size == Store::WriteSize::kBulk ? "bulk" : "ordinary");
    Reopen();
    const std::int64_t orgs = QueryInt("SELECT COUNT(*) FROM organizations");
    const std::int64_t entries = QueryInt("SELECT COUNT(*) FROM audit_log");
    store_.reset();  // an SQLite connection must not cross fork()
    KillWriterMidTransaction(path_, size);

    Reopen();
    EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM organizations"), orgs);
    EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log"), entries);
    EXPECT_EQ(JournalModeOf(path_), "wal");
    core::Result<Database> db = OpenSqliteDatabase(path_);
    ASSERT_TRUE(db.ok());
    core::Result<Statement> check = db.value().Prepare("PRAGMA integrity_check");
    ASSERT_TRUE(check.ok());
    ASSERT_TRUE(check.value().Step().value());
    EXPECT_EQ(check.value().Text(0), "ok");
    EXPECT_EQ(Upsert({Org(size == Store::WriteSize::kBulk ? "E" : "D")}).inserted, 1);
  }
}

INSTANTIATE_STORE_TESTS(SqlStoreTest);

}  // namespace
}  // namespace grassroots::storage
