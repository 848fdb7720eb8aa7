#include "http/read_memo.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "http/errors.h"
#include "http/route.h"
#include "storage/organization_subject.h"
#include "storage/test_fixture.h"
#include "storage/tx.h"

namespace grassroots::http {
namespace {

using storage::test::Org;

class ReadMemoTest : public storage::test::SqliteStoreTest {
 protected:
  // Answers `key` on `store` through the memo, inside a request's snapshot as the server does;
  // the answer, when it runs, counts itself and says how many times answers ran.
  std::string Ask(storage::Store& store, const std::string& key, int status = 200,
                  std::chrono::milliseconds slow = {}) {
    storage::ReadingScope reading(store);
    httplib::Request req;
    httplib::Response res;
    Call call{req, res, store, services_, {}, {}, {}};
    services_.answers.Answer(call, key, [&] {
      const int n = ++computed_;
      std::this_thread::sleep_for(slow);
      WriteJsonText(res, std::to_string(n), status);
    });
    return res.body;
  }

  // A second connection to the same database, as another worker thread has.
  std::unique_ptr<storage::Store> Connection() {
    auto store = storage::OpenSqliteStore(path_);
    EXPECT_TRUE(store.ok());
    return store.ok() ? std::move(store).value() : nullptr;
  }

  Services services_;
  std::atomic<int> computed_ = 0;
};

TEST_F(ReadMemoTest, GivesTheSameAnswerUntilTheDataChanges) {
  Upsert({Org("A1")});
  const std::string first = Ask(*store_, "k");
  const int runs = computed_;
  EXPECT_EQ(Ask(*store_, "k"), first);
  EXPECT_EQ(Ask(*store_, "k"), first);
  EXPECT_EQ(computed_, runs);
  // A write through this connection.
  Upsert({Org("A2")});
  const std::string second = Ask(*store_, "k");
  EXPECT_NE(second, first);
  // A write through another connection, as the CLI or another server makes.
  core::Organization renamed = Org("A1");
  renamed.name = "renamed";
  ASSERT_TRUE(storage::WriteValue(*Connection(), actor_, [&](storage::Tx& t) {
                return storage::OrganizationRecords(t).Save(renamed);
              }).ok());
  const std::string third = Ask(*store_, "k");
  EXPECT_NE(third, second);
  const std::string kept = Ask(*store_, "k");
  EXPECT_EQ(Ask(*store_, "k"), kept);
}

TEST_F(ReadMemoTest, OneConnectionsAnswerServesTheOthersUntilTheDataChanges) {
  Upsert({Org("A1")});
  std::unique_ptr<storage::Store> other = Connection();
  ASSERT_NE(other, nullptr);
  const std::string answer = Ask(*store_, "k");
  const int runs = computed_;
  EXPECT_EQ(Ask(*other, "k"), answer);
  EXPECT_EQ(computed_, runs);
  // A change made by a third connection.
  ASSERT_TRUE(storage::WriteValue(*Connection(), actor_, [&](storage::Tx& t) {
                return storage::OrganizationRecords(t).Save(Org("A9"));
              }).ok());
  const std::string changed = Ask(*other, "k");
  EXPECT_NE(changed, answer);
  EXPECT_EQ(Ask(*store_, "k"), changed);
  EXPECT_EQ(computed_, runs + 1);
}

TEST_F(ReadMemoTest, KeysAreSeparate) {
  const std::string a = Ask(*store_, "summary 2016");
  const std::string b = Ask(*store_, "summary 2015");
  EXPECT_NE(a, b);
  EXPECT_EQ(Ask(*store_, "summary 2016"), a);
  EXPECT_EQ(Ask(*store_, "summary 2015"), b);
}

TEST_F(ReadMemoTest, ErrorsAreNotKept) {
  const std::string a = Ask(*store_, "k", 404);
  EXPECT_NE(Ask(*store_, "k", 404), a);
}

TEST_F(ReadMemoTest, ThoseAskingWhileItIsComputedWaitForIt) {
  // Two worker threads, each with its own connection, as in the server.
  std::unique_ptr<storage::Store> other = Connection();
  ASSERT_NE(other, nullptr);
  Ask(*store_, "warm");
  std::atomic<bool> warmed = false;
  std::atomic<int> before = -1;
  std::string waited;
  std::thread waiter([&] {
    Ask(*other, "warm");
    warmed = true;
    while (before < 0 || computed_ == before) std::this_thread::yield();  // it has begun
    waited = Ask(*other, "k");
  });
  while (!warmed) std::this_thread::yield();
  before = computed_.load();
  const std::string slow_answer = Ask(*store_, "k", 200, std::chrono::milliseconds(800));
  waiter.join();
  EXPECT_EQ(waited, slow_answer);
  EXPECT_EQ(computed_, before + 1);
}

}  // namespace
}  // namespace grassroots::http
