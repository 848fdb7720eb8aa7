// The data version known without a query (pg_data_version.h): a commit through one connection
// is known at once to the connections of its process and, by notification, soon to every other
// server's; remembered list totals hold for one version only.
#include "storage/postgres/pg_data_version.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "storage/audit_chain.h"
#include "storage/migrations.h"
#include "storage/postgres/pg_connection.h"
#include "storage/postgres/pg_database.h"
#include "storage/postgres/pg_test_server.h"

namespace grassroots::storage {
namespace {

using std::chrono::steady_clock;

class PgDataVersion : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(schema_.url().empty());
    here_ = Open(schema_.url());
    ASSERT_TRUE(ApplyMigrations(here_, PgMigrations()).ok());
    // Another URL of the same database is another watch: it stands for another server, which
    // hears of this one's commits only by notification.
    there_ = Open(schema_.url() + "&application_name=" + elsewhere());
  }

  static Database Open(const std::string& url) {
    core::Result<Database> db = OpenPgDatabase(url);
    EXPECT_TRUE(db.ok()) << db.error().message;
    return db.ok() ? std::move(db).value() : Database();
  }

  // Appends one audit entry (a data change unless told) through `db` and returns its id.
  static std::int64_t Change(Database& db, bool data_change = true) {
    core::Result<Transaction> txn = Transaction::Begin(db);
    EXPECT_TRUE(txn.ok());
    AuditEntry entry;
    entry.actor = "tester";
    entry.origin = "test";
    entry.action = data_change ? "test.change" : "test.event";
    entry.entity = "meta/test";
    entry.data_change = data_change;
    EXPECT_TRUE(AppendAudit(db, entry).ok());
    EXPECT_TRUE(txn.value().Commit().ok());
    return db.QueryInt("SELECT MAX(id) FROM audit_log").value();
  }

  // The version `db` knows once it equals `want`, or what it knows after `limit`.
  static std::optional<std::int64_t> WaitFor(Database& db, std::int64_t want,
                                             std::chrono::milliseconds limit) {
    const auto until = steady_clock::now() + limit;
    std::optional<std::int64_t> known = db.KnownDataVersion();
    while (known != want && steady_clock::now() < until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      known = db.KnownDataVersion();
    }
    return known;
  }

  std::string elsewhere() const { return "elsewhere_" + schema_.name(); }

  pg::TestSchema schema_;
  Database here_;
  Database there_;
};

TEST_F(PgDataVersion, ACommitIsKnownAtOnceHereAndByNotificationElsewhere) {
  ASSERT_EQ(WaitFor(here_, 0, std::chrono::seconds(5)), 0);  // listening, nothing written yet
  ASSERT_EQ(WaitFor(there_, 0, std::chrono::seconds(5)), 0);
  const std::int64_t version = Change(here_);
  EXPECT_EQ(here_.KnownDataVersion(), version);  // before any notification could come back
  const auto committed = steady_clock::now();
  EXPECT_EQ(WaitFor(there_, version, std::chrono::seconds(1)), version);
  EXPECT_LT(steady_clock::now() - committed, std::chrono::seconds(1));
}

// A commit of this process that ends while the listener is still starting: the listener's own
// read may be older than that commit, and must not take the process back behind it (a client
// would not see its own change until the notification came).
TEST_F(PgDataVersion, AnOwnCommitBeforeTheListenerStartsIsNotLostToItsOlderRead) {
  const std::string url = schema_.url() + "&application_name=starting_" + schema_.name();
  std::shared_ptr<pg::DataVersionWatch> watch = pg::DataVersionWatch::For(url);
  constexpr std::int64_t kOwnCommit = 1000;  // above any entry the empty database holds
  watch->Advance(kOwnCommit);                // not listening yet: still in doubt
  std::optional<std::int64_t> known = watch->Known();
  EXPECT_EQ(known, std::nullopt);
  const auto until = steady_clock::now() + std::chrono::seconds(5);
  while (!known && steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    known = watch->Known();
  }
  EXPECT_EQ(known, kOwnCommit);  // the listener read 0 from the database
}

TEST_F(PgDataVersion, EventsThatChangeNoDataLeaveTheVersion) {
  const std::int64_t version = Change(here_);
  ASSERT_EQ(WaitFor(there_, version, std::chrono::seconds(5)), version);
  Change(here_, /*data_change=*/false);
  const std::int64_t next = Change(there_);
  EXPECT_EQ(WaitFor(here_, next, std::chrono::seconds(1)), next);
  EXPECT_EQ(next, version + 2);  // the event's id between, not a version
}

TEST_F(PgDataVersion, AWatchWhoseConnectionDiesLearnsWhatChangedMeanwhile) {
  ASSERT_EQ(WaitFor(there_, 0, std::chrono::seconds(5)), 0);
  const std::int64_t own = there_.QueryInt("SELECT pg_backend_pid()").value();
  Database admin = Open(pg::TestServerUrl());
  ASSERT_EQ(admin
                .QueryInt("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                          " WHERE application_name = '" +
                          elsewhere() + "' AND pid <> " + std::to_string(own))
                .value(),
            1);
  const std::int64_t version = Change(here_);
  EXPECT_EQ(WaitFor(there_, version, std::chrono::seconds(5)), version);
}

TEST_F(PgDataVersion, ListTotalsAreRememberedForOneVersionInReadTransactionsOnly) {
  ASSERT_EQ(WaitFor(there_, 0, std::chrono::seconds(5)), 0);
  {
    core::Result<Transaction> read = Transaction::BeginRead(there_);
    ASSERT_TRUE(read.ok());
    there_.RememberCount("organizations", 7);
    EXPECT_EQ(there_.RememberedCount("organizations"), 7);
    ASSERT_TRUE(read.value().Commit().ok());
  }
  {
    core::Result<Transaction> write = Transaction::Begin(there_);
    ASSERT_TRUE(write.ok());
    EXPECT_EQ(there_.RememberedCount("organizations"), std::nullopt);
    EXPECT_EQ(there_.KnownDataVersion(), std::nullopt);
  }
  const std::int64_t version = Change(here_);
  ASSERT_EQ(WaitFor(there_, version, std::chrono::seconds(1)), version);
  core::Result<Transaction> read = Transaction::BeginRead(there_);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(there_.RememberedCount("organizations"), std::nullopt);
}

}  // namespace
}  // namespace grassroots::storage
