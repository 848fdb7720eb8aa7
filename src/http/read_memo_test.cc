#include "http/read_memo.h"

#include <gtest/gtest.h>

#include <string>

#include "http/errors.h"
#include "storage/test_fixture.h"

namespace grassroots::http {
namespace {

using storage::test::Org;

class ReadMemoTest : public storage::test::SqliteStoreTest {
 protected:
  // Answers `key` through the memo; the answer, when it runs, counts itself and says how
  // many times it ran.
  std::string Ask(storage::Store& store, const std::string& key, int status = 200) {
    httplib::Request req;
    httplib::Response res;
    Call call{req, res, store, services_, {}, {}, {}};
    AnswerRemembered(call, key, [&] {
      ++computed_;
      WriteJsonText(res, std::to_string(computed_), status);
    });
    return res.body;
  }

  Services services_;
  int computed_ = 0;
};

TEST_F(ReadMemoTest, GivesTheSameAnswerUntilTheDataChanges) {
  Upsert({Org("A1")});
  EXPECT_EQ(Ask(*store_, "k"), "1");
  EXPECT_EQ(Ask(*store_, "k"), "1");
  EXPECT_EQ(computed_, 1);
  // A write through this connection.
  Upsert({Org("A2")});
  EXPECT_EQ(Ask(*store_, "k"), "2");
  // A write through another connection, as the CLI or another server makes.
  Exec("UPDATE organizations SET name = 'renamed' WHERE code = 'A1'");
  EXPECT_EQ(Ask(*store_, "k"), "3");
  EXPECT_EQ(Ask(*store_, "k"), "3");
  EXPECT_EQ(computed_, 3);
}

TEST_F(ReadMemoTest, KeysAreSeparate) {
  EXPECT_EQ(Ask(*store_, "summary 2016"), "1");
  EXPECT_EQ(Ask(*store_, "summary 2015"), "2");
  EXPECT_EQ(Ask(*store_, "summary 2016"), "1");
}

TEST_F(ReadMemoTest, ErrorsAreNotRemembered) {
  EXPECT_EQ(Ask(*store_, "k", 404), "1");
  EXPECT_EQ(Ask(*store_, "k", 404), "2");
}

TEST_F(ReadMemoTest, EachConnectionHasItsOwn) {
  // Another database: the same key must not answer from this one's.
  auto other = storage::OpenSqliteStore(path_ + ".other");
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(other.value()->Migrate().ok());
  EXPECT_EQ(Ask(*store_, "k"), "1");
  EXPECT_EQ(Ask(*other.value(), "k"), "2");
  EXPECT_EQ(Ask(*store_, "k"), "1");
}

TEST_F(ReadMemoTest, InsideAReadingScopeTheSnapshotDecides) {
  Upsert({Org("A1")});
  {
    storage::ReadingScope reading(*store_);
    EXPECT_EQ(Ask(*store_, "k"), "1");
  }
  Exec("UPDATE organizations SET name = 'renamed' WHERE code = 'A1'");
  {
    storage::ReadingScope reading(*store_);
    EXPECT_EQ(Ask(*store_, "k"), "2");
    EXPECT_EQ(Ask(*store_, "k"), "2");
  }
}

}  // namespace
}  // namespace grassroots::http
