// Keyset paging (paged_read.h) on both backends: every row once, in key order, across pages
// that end exactly on a row and mid-way, with the parameters bound before the key's.
#include "storage/paged_read.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "storage/import_writer.h"
#include "storage/test_fixture.h"

namespace grassroots::storage {
namespace {

class PagedReadTest : public test::StoreTest {
 protected:
  // The codes of `year`'s scores, read `page` rows a page.
  std::vector<std::string> ScoredCodes(int year, int page) {
    std::vector<std::string> codes;
    core::Status status = store_->Read([&](Tx& tx) {
      return ReadPagedWith(
          tx.db(),
          "SELECT org_code FROM scores WHERE year = ? AND org_code > ? ORDER BY org_code LIMIT ?",
          [&](Statement& s) {
            s.BindInt(1, year);
            return 1;
          },
          [&](const Statement& s) {
            codes.emplace_back(s.Text(0));
            return core::Status::Ok();
          },
          page);
    });
    EXPECT_TRUE(status.ok()) << status.error().message;
    return codes;
  }
};

TEST_P(PagedReadTest, EveryRowOnceInKeyOrderWhateverThePageSize) {
  const std::vector<core::Organization> orgs = test::ManyOrgs(12);
  Upsert(orgs);
  std::vector<core::ScoreRecord> scores;
  for (const core::Organization& org : orgs) scores.push_back(test::Score(org.code, 2016, 70));
  scores.push_back(test::Score(orgs[3].code, 2015, 60));
  ASSERT_TRUE(ImportBatch(*store_, actor_, scores).ok());

  std::vector<std::string> expected;
  for (const core::Organization& org : orgs) expected.push_back(org.code);
  for (int page : {1, 4, 5, 12, 13, 65536}) {
    EXPECT_EQ(ScoredCodes(2016, page), expected) << "page " << page;
  }
  EXPECT_EQ(ScoredCodes(2015, 1), std::vector<std::string>{orgs[3].code});
  EXPECT_TRUE(ScoredCodes(2014, 4).empty());
}

TEST_P(PagedReadTest, AnErrorOfARowEndsTheReadWithIt) {
  Upsert(test::ManyOrgs(5));
  int seen = 0;
  core::Status status = store_->Read([&](Tx& tx) {
    return ReadPaged(
        tx.db(), "SELECT code FROM organizations WHERE code > ? ORDER BY code LIMIT ?",
        [&](const Statement&) {
          return ++seen == 3 ? core::Status(core::Error::Invalid("third row")) : core::Status::Ok();
        },
        2);
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message, "third row");
  EXPECT_EQ(seen, 3);
}

// The row function may query the same connection between the rows of a page, while (on
// PostgreSQL) the next page is on its way; after a read ended by an error, the transaction
// goes on.
TEST_P(PagedReadTest, OtherQueriesRunBetweenRowsAndAfterAnEndedRead) {
  Upsert(test::ManyOrgs(7));
  std::vector<std::string> codes;
  core::Status status = store_->Read([&](Tx& tx) -> core::Status {
    core::Status read = ReadPaged(
        tx.db(), "SELECT code FROM organizations WHERE code > ? ORDER BY code LIMIT ?",
        [&](const Statement& s) -> core::Status {
          codes.emplace_back(s.Text(0));
          core::Result<std::int64_t> before = tx.db().QueryInt(
              "SELECT COUNT(*) FROM organizations WHERE code < '" + codes.back() + "'");
          if (!before.ok()) return before.error();
          EXPECT_EQ(before.value(), static_cast<std::int64_t>(codes.size() - 1));
          return codes.size() == 5 ? core::Status(core::Error::Invalid("fifth row"))
                                   : core::Status::Ok();
        },
        2);
    EXPECT_FALSE(read.ok());
    core::Result<std::int64_t> all = tx.db().QueryInt("SELECT COUNT(*) FROM organizations");
    if (!all.ok()) return all.error();
    EXPECT_EQ(all.value(), 7);
    return core::Status::Ok();
  });
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(codes.size(), 5u);
  EXPECT_TRUE(std::is_sorted(codes.begin(), codes.end()));
}

// A paged read inside another's row function, on the same connection: on PostgreSQL each sends
// its next page ahead and the inner one's drops the outer one's, which then reads its page
// itself. Both still see every row once.
TEST_P(PagedReadTest, APagedReadInsideAnotherSeesEveryRowAndSoDoesTheOuter) {
  Upsert(test::ManyOrgs(6));
  std::vector<std::string> outer;
  int inner_rows = 0;
  core::Status status = store_->Read([&](Tx& tx) {
    return ReadPaged(
        tx.db(), "SELECT code FROM organizations WHERE code > ? ORDER BY code LIMIT ?",
        [&](const Statement& s) {
          outer.emplace_back(s.Text(0));
          return ReadPaged(
              tx.db(), "SELECT code, name FROM organizations WHERE code > ? ORDER BY code LIMIT ?",
              [&](const Statement&) {
                ++inner_rows;
                return core::Status::Ok();
              },
              4);
        },
        2);
  });
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(outer.size(), 6u);
  EXPECT_TRUE(std::is_sorted(outer.begin(), outer.end()));
  EXPECT_EQ(std::set<std::string>(outer.begin(), outer.end()).size(), 6u);
  EXPECT_EQ(inner_rows, 36);
}

INSTANTIATE_STORE_TESTS(PagedReadTest);

}  // namespace
}  // namespace grassroots::storage
