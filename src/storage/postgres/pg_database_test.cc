// The PostgreSQL backend of database.h (pg_database.h): what differs from SQLite is handled
// there, so the shared SQL of the store runs unchanged.
#include "storage/postgres/pg_database.h"

#include <gtest/gtest.h>

#include <string>

#include "storage/migrations.h"
#include "storage/postgres/pg_test_server.h"

namespace grassroots::storage {
namespace {

TEST(PgPlaceholders, QuestionMarksBecomeNumberedOutsideQuotesAndComments) {
  int count = 0;
  EXPECT_EQ(RewritePlaceholders("SELECT a FROM t WHERE b = ? AND c IN (?, ?)", count),
            "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)");
  EXPECT_EQ(count, 3);
  EXPECT_EQ(RewritePlaceholders("SELECT '?', \"?\", 'it''s ?' -- why?\n, ?", count),
            "SELECT '?', \"?\", 'it''s ?' -- why?\n, $1");
  EXPECT_EQ(count, 1);
}

TEST(PgUrl, PasswordsNeverAppearInMessages) {
  EXPECT_EQ(RedactedUrl("postgresql://ops:s3cret@db.example:5432/grassroots"),
            "postgresql://ops:***@db.example:5432/grassroots");
  EXPECT_EQ(RedactedUrl("postgresql:///g?host=/run&password=s3cret&user=ops"),
            "postgresql:///g?host=/run&password=***&user=ops");
  EXPECT_EQ(RedactedUrl("postgresql://ops@db/g"), "postgresql://ops@db/g");
}

class PgDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(schema_.url().empty());
    core::Result<Database> db = OpenPgDatabase(schema_.url());
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(db).value();
  }

  pg::TestSchema schema_;
  Database db_;
};

TEST_F(PgDatabaseTest, MigrationsBuildTheSchemaOnceAndScoresStayExact) {
  ASSERT_TRUE(ApplyMigrations(db_, PgMigrations()).ok());
  ASSERT_TRUE(ApplyMigrations(db_, PgMigrations()).ok());  // nothing left to do
  core::Result<bool> exists = db_.TableExists("audit_log");
  ASSERT_TRUE(exists.ok() && exists.value());
  ASSERT_TRUE(db_.Exec("INSERT INTO units VALUES ('u'); INSERT INTO organizations (code, name,"
                       " type, kind, secretary, unit_code) VALUES ('A', 'a', 'village',"
                       " 'committee', 's', 'u')",
                       "test")
                  .ok());
  core::Result<Statement> insert = db_.Prepare(
      "INSERT INTO scores (org_code, year, team, leader, venue, routine, service, members)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  ASSERT_TRUE(insert.ok()) << insert.error().message;
  insert.value().BindText(1, "A").BindInt(2, 2016);
  const double values[] = {0.1, 85.5, 99.99, 1.0 / 3, 100, 0};
  for (int i = 0; i < 6; ++i) insert.value().BindDouble(3 + i, values[i]);
  core::Status run = insert.value().Run();
  ASSERT_TRUE(run.ok()) << run.error().message;
  core::Result<Statement> read = db_.Prepare(
      "SELECT team, leader, venue, routine, service, members, team::text,"
      " EXISTS (SELECT 1 FROM scores) FROM scores WHERE year = ?");
  ASSERT_TRUE(read.ok());
  read.value().BindInt(1, 2016);
  core::Result<bool> row = read.value().Step();
  ASSERT_TRUE(row.ok() && row.value()) << (row.ok() ? "" : row.error().message);
  for (int i = 0; i < 6; ++i) EXPECT_EQ(read.value().Double(i), values[i]) << i;
  EXPECT_EQ(read.value().Text(6), "0.1");  // stored as the decimal, not a binary fraction
  EXPECT_EQ(read.value().Int(7), 1);       // a boolean reads as SQLite's 1
}

TEST_F(PgDatabaseTest, TheTrailAndHistoryRefuseDeletionAsConflicts) {
  ASSERT_TRUE(ApplyMigrations(db_, PgMigrations()).ok());
  core::Result<Statement> insert = db_.Prepare(
      "INSERT INTO audit_log (id, at, actor, origin, action, entity, prev_hash, hash)"
      " VALUES (1, 'now', 'a', 'o', 'x', 'e', 'p', 'h')");
  ASSERT_TRUE(insert.ok() && insert.value().Run().ok());
  for (const char* sql : {"DELETE FROM audit_log", "UPDATE audit_log SET actor = 'b'",
                          "TRUNCATE audit_log", "DELETE FROM users WHERE TRUE"}) {
    core::Status status = db_.Exec(sql, "test");
    if (std::string(sql).find("users") != std::string::npos) {
      EXPECT_TRUE(status.ok()) << "no row, nothing refused";
      continue;
    }
    ASSERT_FALSE(status.ok()) << sql;
    EXPECT_EQ(status.error().code, core::ErrorCode::kConflict) << sql;
    EXPECT_NE(status.error().message.find("append-only"), std::string::npos);
  }
}

TEST_F(PgDatabaseTest, ACommitAfterAFailedStatementReportsThatNothingWasWritten) {
  ASSERT_TRUE(db_.Exec("CREATE TABLE t (k TEXT PRIMARY KEY)", "test").ok());
  {
    core::Result<Transaction> txn = Transaction::Begin(db_);
    ASSERT_TRUE(txn.ok()) << txn.error().message;
    ASSERT_TRUE(db_.Exec("INSERT INTO t VALUES ('a')", "test").ok());
    EXPECT_FALSE(db_.Exec("INSERT INTO t VALUES ('a')", "test").ok());
    EXPECT_FALSE(txn.value().Commit().ok());
  }
  EXPECT_FALSE(db_.InTransaction());
  core::Result<std::int64_t> count = db_.QueryInt("SELECT COUNT(*) FROM t");
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(count.value(), 0);
}

TEST_F(PgDatabaseTest, WritersTakeTurnsAndAReadKeepsItsSnapshot) {
  ASSERT_TRUE(db_.Exec("CREATE TABLE t (k TEXT PRIMARY KEY)", "test").ok());
  core::Result<Database> other = OpenPgDatabase(schema_.url());
  ASSERT_TRUE(other.ok());
  core::Result<Transaction> reading = Transaction::BeginRead(other.value());
  ASSERT_TRUE(reading.ok());
  core::Result<std::int64_t> before = other.value().QueryInt("SELECT COUNT(*) FROM t");
  ASSERT_TRUE(before.ok());
  {
    core::Result<Transaction> write = Transaction::Begin(db_);
    ASSERT_TRUE(write.ok());
    // The write lock is held: a second writer's lock is not granted meanwhile.
    core::Result<std::int64_t> free = other.value().QueryInt(
        "SELECT pg_try_advisory_xact_lock(hashtext('grassroots.write.' || current_schema()))"
        "::int");
    ASSERT_TRUE(free.ok()) << free.error().message;
    EXPECT_EQ(free.value(), 0);
    ASSERT_TRUE(db_.Exec("INSERT INTO t VALUES ('a')", "test").ok());
    ASSERT_TRUE(write.value().Commit().ok());
  }
  core::Result<std::int64_t> during = other.value().QueryInt("SELECT COUNT(*) FROM t");
  ASSERT_TRUE(during.ok());
  EXPECT_EQ(during.value(), before.value());  // one snapshot
  ASSERT_TRUE(reading.value().Commit().ok());
  core::Result<std::int64_t> after = other.value().QueryInt("SELECT COUNT(*) FROM t");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after.value(), before.value() + 1);
}

// A bulk load (COPY) carries every value as bound: text with the characters COPY's text format
// escapes, NULL beside the text "\N", integers, the exact decimal of a double, bytes; a load
// larger than one piece arrives whole.
TEST_F(PgDatabaseTest, ABulkLoadWritesEveryValueAsBoundInPieces) {
  ASSERT_TRUE(db_.CanBulkLoad());
  ASSERT_TRUE(
      db_.Exec("CREATE TABLE t (k BIGINT PRIMARY KEY, s TEXT, n NUMERIC(12, 6), b BYTEA)", "test")
          .ok());
  const std::string odd = "tab\there\nnew line\r\\N back\\slash 党";
  const std::string bytes("\0\xff\\\t", 4);
  const std::string filler(200, 'x');
  constexpr int kRows = 20000;  // about 4 MiB: several pieces
  {
    core::Result<Transaction> txn = Transaction::Begin(db_);
    ASSERT_TRUE(txn.ok());
    core::Result<BulkLoad> load = db_.BeginBulkLoad("t", "k, s, n, b");
    ASSERT_TRUE(load.ok()) << load.error().message;
    Statement& row = load.value().row();
    for (int k = 0; k < kRows; ++k) {
      row.BindInt(1, k).BindDouble(3, 55.55).BindBlob(4, bytes);
      k == 0   ? row.BindText(2, odd)
      : k == 1 ? row.BindText(2, "\\N")
      : k == 2 ? row.BindNull(2)
               : row.BindText(2, filler);
      ASSERT_TRUE(row.Run().ok());
    }
    ASSERT_TRUE(load.value().Finish().ok());
    ASSERT_TRUE(txn.value().Commit().ok());
  }
  core::Result<std::int64_t> count = db_.QueryInt("SELECT COUNT(*) FROM t WHERE n = 55.55");
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(count.value(), kRows);
  core::Result<Statement> read = db_.Prepare("SELECT s, b FROM t WHERE k < 3 ORDER BY k");
  ASSERT_TRUE(read.ok());
  ASSERT_TRUE(read.value().Step().value());
  EXPECT_EQ(read.value().Text(0), odd);
  EXPECT_EQ(read.value().Blob(1), bytes);
  ASSERT_TRUE(read.value().Step().value());
  EXPECT_FALSE(read.value().IsNull(0));
  EXPECT_EQ(read.value().Text(0), "\\N");
  ASSERT_TRUE(read.value().Step().value());
  EXPECT_TRUE(read.value().IsNull(0));
}

// A load abandoned half-way (destroyed unfinished) writes nothing and fails its transaction;
// the connection serves the next one.
TEST_F(PgDatabaseTest, AnAbandonedBulkLoadWritesNothing) {
  ASSERT_TRUE(db_.Exec("CREATE TABLE t (k BIGINT PRIMARY KEY, s TEXT)", "test").ok());
  const std::string filler(1000, 'y');
  {
    core::Result<Transaction> txn = Transaction::Begin(db_);
    ASSERT_TRUE(txn.ok());
    {
      core::Result<BulkLoad> load = db_.BeginBulkLoad("t", "k, s");
      ASSERT_TRUE(load.ok());
      for (int k = 0; k < 3000; ++k) {  // past one piece: the COPY has begun
        ASSERT_TRUE(load.value().row().BindInt(1, k).BindText(2, filler).Run().ok());
      }
    }
    EXPECT_FALSE(txn.value().Commit().ok());
  }
  EXPECT_FALSE(db_.InTransaction());
  core::Result<std::int64_t> count = db_.QueryInt("SELECT COUNT(*) FROM t");
  ASSERT_TRUE(count.ok()) << count.error().message;
  EXPECT_EQ(count.value(), 0);
}

}  // namespace
}  // namespace grassroots::storage
