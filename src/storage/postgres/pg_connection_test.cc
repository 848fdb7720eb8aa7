#include "storage/postgres/pg_connection.h"

#include <gtest/gtest.h>

#include <thread>

#include "storage/postgres/pg_pool.h"
#include "storage/postgres/pg_test_server.h"

namespace grassroots::storage::pg {
namespace {

Connection Connect(const TestSchema& schema) {
  auto connection = Connection::Open(schema.url());
  EXPECT_TRUE(connection.ok()) << connection.error().message;
  return std::move(connection).value();
}

TEST(PgConnection, ParametersRoundTripAsTextWithNullsAndExactDecimals) {
  TestSchema schema;
  Connection db = Connect(schema);
  ASSERT_TRUE(
      db.Exec("CREATE TABLE t (name TEXT, score NUMERIC, n BIGINT, ok BOOLEAN)", "ddl").ok());
  for (int i = 0; i < 3; ++i) {  // the second and third run the prepared statement by name
    auto inserted = db.Query("INSERT INTO t VALUES ($1, $2, $3, $4)",
                             {std::string("漠河 \"1\""), 85.5 + i, std::int64_t{1} << 40, true});
    ASSERT_TRUE(inserted.ok()) << inserted.error().message;
    EXPECT_EQ(inserted.value().Affected(), 1);
  }
  ASSERT_TRUE(db.Query("INSERT INTO t VALUES ($1, $2, $3, $4)",
                       {std::monostate(), 0.1, std::monostate(), false})
                  .ok());
  auto rows = db.Query("SELECT name, score::text, n, ok FROM t ORDER BY score");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows.value().size(), 4);
  EXPECT_TRUE(rows.value().IsNull(0, 0));
  EXPECT_EQ(rows.value().Text(0, 1), "0.1");  // exact, not 0.1000000000000000055...
  EXPECT_EQ(rows.value().Text(1, 0), "漠河 \"1\"");
  EXPECT_EQ(rows.value().Text(1, 1), "85.5");
  EXPECT_EQ(rows.value().Int(1, 2), std::int64_t{1} << 40);
  EXPECT_TRUE(rows.value().Bool(1, 3));
  EXPECT_FALSE(rows.value().Bool(0, 3));
  EXPECT_DOUBLE_EQ(rows.value().Double(3, 1), 87.5);
}

TEST(PgConnection, ErrorsCarryTheirSqlStateAndDomainCode) {
  TestSchema schema;
  Connection db = Connect(schema);
  ASSERT_TRUE(db.Exec("CREATE TABLE u (k TEXT PRIMARY KEY)", "ddl").ok());
  ASSERT_TRUE(db.Query("INSERT INTO u VALUES ($1)", {std::string("a")}).ok());
  auto again = db.Query("INSERT INTO u VALUES ($1)", {std::string("a")});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(SqlState(again.error()), kUniqueViolation);
  EXPECT_FALSE(IsRetryable(again.error()));
  auto bad = db.Query("SELECT nothing FROM nowhere");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, core::ErrorCode::kInternal);
}

// A query sent ahead (a paged read's next page) answers when taken, even when other statements
// ran on the connection meanwhile and its answer was read in pumps; one that fails answers its
// error then; a second one sent drops the first's answer; one dropped leaves the connection ready.
TEST(PgConnection, AQuerySentAheadAnswersWhenTakenWhateverRanMeanwhile) {
  TestSchema schema;
  Connection db = Connect(schema);
  ASSERT_TRUE(
      db.Exec("CREATE TABLE n AS SELECT g AS v FROM generate_series(1, 50000) g", "ddl").ok());
  const std::string sql = "SELECT v FROM n WHERE v > $1 ORDER BY v";
  auto sent = db.SendAhead(sql, {std::int64_t{49000}});
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  for (int i = 0; i < 3; ++i) db.PumpAhead();
  auto between = db.QueryInt("SELECT COUNT(*) FROM n WHERE v <= $1", {std::int64_t{10}});
  ASSERT_TRUE(between.ok()) << between.error().message;
  EXPECT_EQ(between.value(), 10);
  ASSERT_TRUE(db.HasAhead(sent.value()));
  auto ahead = db.TakeAhead(sent.value());
  ASSERT_TRUE(ahead.ok()) << ahead.error().message;
  ASSERT_EQ(ahead.value().size(), 1000);
  EXPECT_EQ(ahead.value().Int(0, 0), 49001);
  EXPECT_EQ(ahead.value().Int(999, 0), 50000);
  EXPECT_FALSE(db.HasAhead(sent.value()));  // taken once
  EXPECT_FALSE(db.TakeAhead(sent.value()).ok());

  auto failing = db.SendAhead("SELECT 1 / ($1::int - 1)", {std::int64_t{1}});
  ASSERT_TRUE(failing.ok());
  auto failed = db.TakeAhead(failing.value());
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.error().message.find("division by zero"), std::string::npos)
      << failed.error().message;

  auto first = db.SendAhead(sql, {std::int64_t{0}});
  auto second = db.SendAhead(sql, {std::int64_t{49990}});
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_FALSE(db.HasAhead(first.value()));
  db.DropAhead(first.value());  // not the one waiting: nothing happens
  ASSERT_TRUE(db.HasAhead(second.value()));
  auto last = db.TakeAhead(second.value());
  ASSERT_TRUE(last.ok()) << last.error().message;
  EXPECT_EQ(last.value().size(), 10);

  auto dropped = db.SendAhead(sql, {std::int64_t{0}});
  ASSERT_TRUE(dropped.ok());
  db.DropAhead(dropped.value());
  EXPECT_FALSE(db.InTransaction());
  auto after = db.QueryInt("SELECT MAX(v) FROM n");
  ASSERT_TRUE(after.ok()) << after.error().message;
  EXPECT_EQ(after.value(), 50000);
}

TEST(PgConnection, UnreachableServerIsUnavailableNamingTheOption) {
  auto connection = Connection::Open("postgresql:///x?host=/nonexistent-dir&port=1");
  ASSERT_FALSE(connection.ok());
  EXPECT_EQ(connection.error().code, core::ErrorCode::kUnavailable);
  EXPECT_EQ(connection.error().field, "--db");
}

TEST(PgConnection, CopyLoadsEscapedTextAndFailsWholeOnABadRow) {
  TestSchema schema;
  Connection db = Connect(schema);
  ASSERT_TRUE(db.Exec("CREATE TABLE c (k TEXT PRIMARY KEY, v NUMERIC)", "ddl").ok());
  std::string data;
  for (int i = 0; i < 50000; ++i) {
    AppendCopyText(data, "k" + std::to_string(i) + "\t\\\n");
    data += '\t' + DecimalText(i / 4.0) + '\n';
  }
  ASSERT_TRUE(db.Exec("BEGIN", "begin").ok());
  ASSERT_TRUE(db.CopyBegin("COPY c (k, v) FROM STDIN").ok());
  ASSERT_TRUE(db.CopyPut(data).ok());
  ASSERT_TRUE(db.CopyEnd().ok());
  ASSERT_TRUE(db.Exec("COMMIT", "commit").ok());
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM c").value(), 50000);
  auto odd = db.Query("SELECT k FROM c WHERE v = $1", {12.25});
  ASSERT_TRUE(odd.ok());
  ASSERT_EQ(odd.value().size(), 1);
  EXPECT_EQ(odd.value().Text(0, 0), "k49\t\\\n");

  ASSERT_TRUE(db.Exec("BEGIN", "begin").ok());
  ASSERT_TRUE(db.CopyBegin("COPY c (k, v) FROM STDIN").ok());
  ASSERT_TRUE(db.CopyPut("new\t1\nnew\t2\n").ok());  // the key twice
  EXPECT_FALSE(db.CopyEnd().ok());
  EXPECT_TRUE(db.InTransaction());
  ASSERT_TRUE(db.Exec("ROLLBACK", "rollback").ok());
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM c").value(), 50000);
}

TEST(PgPool, LeasesAreReusedAndCappedAndBrokenOnesDropped) {
  TestSchema schema;
  Pool pool(schema.url(), 2, std::chrono::milliseconds(200));
  {
    auto a = pool.Acquire();
    auto b = pool.Acquire();
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(pool.open(), 2u);
    auto c = pool.Acquire();  // both out: waits 200 ms, then refuses
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().code, core::ErrorCode::kUnavailable);
    ASSERT_TRUE((*a.value()).Exec("BEGIN", "begin").ok());  // handed back mid-transaction
  }
  EXPECT_EQ(pool.open(), 2u);
  auto again = pool.Acquire();
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again.value()->InTransaction());

  std::vector<std::thread> threads;
  std::atomic<int> done{0};
  Pool shared(schema.url(), 3);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) {
        auto lease = shared.Acquire();
        if (lease.ok() && lease.value()->QueryInt("SELECT 1").ok()) ++done;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(done.load(), 160);
  EXPECT_LE(shared.open(), 3u);
}

}  // namespace
}  // namespace grassroots::storage::pg
