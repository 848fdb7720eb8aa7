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
    return AskOf(services_.answers, store, key, status, slow);
  }
  // The same through `memo`; the answer is the count padded to `size` bytes when given.
  std::string AskOf(ReadMemo& memo, storage::Store& store, const std::string& key, int status = 200,
                    std::chrono::milliseconds slow = {}, std::size_t size = 0) {
    storage::ReadingScope reading(store);
    httplib::Request req;
    httplib::Response res;
    Call call{req, res, store, services_, {}, {}, {}};
    memo.Answer(call, key, [&] {
      const int n = ++computed_;
      std::this_thread::sleep_for(slow);
      std::string body = std::to_string(n);
      if (body.size() < size) body.resize(size, ' ');
      WriteJsonText(res, body, status);
    });
    return res.body;
  }
  // Whether `key` is answered from `memo` without computing.
  bool Kept(ReadMemo& memo, const std::string& key) {
    const int runs = computed_;
    AskOf(memo, *store_, key);
    return computed_ == runs;
  }
  void Rename(const std::string& code, const std::string& name) {
    core::Organization org = Org(code);
    org.name = name;
    ASSERT_TRUE(storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
                  return storage::OrganizationRecords(t).Save(org);
                }).ok());
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

// The first request at a newer version drops every answer of an older one: they can never be
// given again, so they must not hold memory until evicted.
TEST_F(ReadMemoTest, AnswersOfAnOlderVersionAreDroppedWhenANewerOneIsSeen) {
  Upsert({Org("A1")});
  ReadMemo memo;
  for (const char* key : {"a", "b", "c"}) AskOf(memo, *store_, key);
  EXPECT_EQ(memo.Entries(), 3u);
  EXPECT_GT(memo.Bytes(), 0u);
  Rename("A1", "renamed");
  AskOf(memo, *store_, "a");
  EXPECT_EQ(memo.Entries(), 1u);  // "a" at the new version only
  EXPECT_EQ(memo.Bytes(), 2u);    // its key and its one-digit answer
  EXPECT_TRUE(Kept(memo, "a"));
  EXPECT_FALSE(Kept(memo, "b"));
}

// A request whose snapshot is older than what the memo has seen (a worker that began reading
// before a commit) gets its own answer, and the memo keeps nothing for it.
TEST_F(ReadMemoTest, ARequestOnAnOlderSnapshotIsAnsweredButNotKept) {
  Upsert({Org("A1")});
  std::unique_ptr<storage::Store> old = Connection();
  ASSERT_NE(old, nullptr);
  ReadMemo memo;
  storage::ReadingScope reading(*old);  // its snapshot: before the rename
  ASSERT_TRUE(old->DataVersion().ok());
  const std::int64_t before = old->DataVersion().value();
  Rename("A1", "renamed");
  AskOf(memo, *store_, "k");  // the memo sees the newer version
  const int runs = computed_;
  {
    httplib::Request req;
    httplib::Response res;
    Call call{req, res, *old, services_, {}, {}, {}};
    ASSERT_EQ(old->DataVersion().value(), before);
    memo.Answer(call, "k", [&] {
      WriteJsonText(res, "old", 200);
      ++computed_;
    });
    EXPECT_EQ(res.body, "old");
    memo.Answer(call, "other", [&] {
      WriteJsonText(res, "old", 200);
      ++computed_;
    });
  }
  EXPECT_EQ(computed_, runs + 2);
  EXPECT_EQ(memo.Entries(), 1u);  // "k" at the newer version; nothing for the old snapshot
  EXPECT_TRUE(Kept(memo, "k"));
}

TEST_F(ReadMemoTest, PastTheEntryBudgetTheLeastRecentlyUsedGo) {
  ReadMemo memo({.max_bytes = 1 << 20, .max_entries = 3});
  for (const char* key : {"a", "b", "c"}) AskOf(memo, *store_, key);
  EXPECT_TRUE(Kept(memo, "a"));  // now "b" is the least recently used
  AskOf(memo, *store_, "d");
  EXPECT_EQ(memo.Entries(), 3u);
  EXPECT_TRUE(Kept(memo, "a"));
  EXPECT_TRUE(Kept(memo, "c"));
  EXPECT_TRUE(Kept(memo, "d"));
  EXPECT_FALSE(Kept(memo, "b"));  // evicted; asking again computed it and evicted "a"
  EXPECT_EQ(memo.Entries(), 3u);
  EXPECT_FALSE(Kept(memo, "a"));
}

TEST_F(ReadMemoTest, PastTheByteBudgetTheLeastRecentlyUsedGo) {
  // Each answer is 1,000 bytes and its key 1: three fit in 3,100 bytes, four do not.
  ReadMemo memo({.max_bytes = 3'100, .max_entries = 100});
  for (const char* key : {"a", "b", "c"}) AskOf(memo, *store_, key, 200, {}, 1'000);
  EXPECT_EQ(memo.Bytes(), 3'003u);
  EXPECT_TRUE(Kept(memo, "a"));
  AskOf(memo, *store_, "d", 200, {}, 1'000);
  EXPECT_EQ(memo.Entries(), 3u);
  EXPECT_LE(memo.Bytes(), 3'100u);
  EXPECT_FALSE(Kept(memo, "b"));
  // An answer larger than the whole budget is given but not kept, and evicts nothing.
  const std::size_t entries = memo.Entries();
  EXPECT_EQ(AskOf(memo, *store_, "huge", 200, {}, 5'000).size(), 5'000u);
  EXPECT_EQ(memo.Entries(), entries);
  const int runs = computed_;
  EXPECT_EQ(AskOf(memo, *store_, "huge", 200, {}, 5'000).size(), 5'000u);
  EXPECT_EQ(computed_, runs + 1);
}

TEST_F(ReadMemoTest, RefusalsAndErrorsLeaveNothingBehind) {
  ReadMemo memo;
  AskOf(memo, *store_, "refused", 404);
  AskOf(memo, *store_, "forbidden", 403);
  EXPECT_EQ(memo.Entries(), 0u);
  EXPECT_EQ(memo.Bytes(), 0u);
}

TEST(MemoKey, PartsCannotRunIntoEachOther) {
  EXPECT_NE(MemoKey("r").Add("ab").Add("c").text(), MemoKey("r").Add("a").Add("bc").text());
  EXPECT_NE(MemoKey("r").Add("1:a").text(), MemoKey("r").Add("1").Add("a").text());
  EXPECT_EQ(MemoKey("r").Add(20).text(), MemoKey("r").Add("20").text());
  core::Principal a{1, "a", core::Role::kSecretary, {"V01", "V02"}};
  core::Principal b{2, "b", core::Role::kSecretary, {"V01V02"}};
  EXPECT_NE(ScopeKey(a), ScopeKey(b));
  b.scope = a.scope;
  EXPECT_EQ(ScopeKey(a), ScopeKey(b));  // who they are does not matter, only what they see
  b.role = core::Role::kLeader;
  EXPECT_NE(ScopeKey(a), ScopeKey(b));
}

}  // namespace
}  // namespace grassroots::http
