#include "storage/import_writer.h"

#include <gtest/gtest.h>

#include <vector>

#include "storage/test_fixture.h"

namespace grassroots::storage {
namespace {

class ImportWriterTest : public test::StoreTest {
 protected:
  // Writes `scores` in chunks of `chunk` rows through one writer in one transaction.
  WriteSummary WriteInChunks(const std::vector<core::ScoreRecord>& scores, std::size_t chunk) {
    WriteSummary summary;
    core::Status status = store_->Write(actor_, [&](Tx& tx) -> core::Status {
      ImportWriter writer(tx, ImportTable::kScores);
      for (std::size_t at = 0; at < scores.size(); at += chunk) {
        const auto end =
            scores.begin() + static_cast<std::ptrdiff_t>(std::min(at + chunk, scores.size()));
        if (core::Status s = writer.Write(std::vector<core::ScoreRecord>(
                scores.begin() + static_cast<std::ptrdiff_t>(at), end));
            !s.ok()) {
          return s;
        }
      }
      auto written = writer.Finish(scores.size());
      if (!written.ok()) return written.error();
      summary = written.value();
      return core::Status::Ok();
    });
    EXPECT_TRUE(status.ok()) << status.error().message;
    return summary;
  }
};

TEST_P(ImportWriterTest, ChunksOfTwoYearsWriteAndRecordEveryRowOnceAndOnlyChangesAgain) {
  std::vector<core::Organization> orgs;
  for (int i = 0; i < 300; ++i) orgs.push_back(test::Org("C" + std::to_string(1000 + i)));
  Upsert(orgs);
  std::vector<core::ScoreRecord> scores;
  for (int year : {2015, 2016}) {
    for (const core::Organization& org : orgs) scores.push_back(test::Score(org.code, year, 70));
  }
  const WriteSummary first = WriteInChunks(scores, 128);  // chunks that straddle the years
  EXPECT_EQ(first.inserted, 600);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM scores"), 600);
  EXPECT_EQ(QueryInt("SELECT change_count FROM audit_log WHERE action = 'import.scores'"), 600);

  scores[5].dimensions[0] = 71;
  scores[450].dimensions[0] = 72;
  const WriteSummary second = WriteInChunks(scores, 100);
  EXPECT_EQ(second.inserted, 0);
  EXPECT_EQ(second.updated, 2);
  EXPECT_EQ(second.unchanged, 598);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_changes"), 602 + 300);  // + the orgs' records
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM scores WHERE team = 72 AND year = 2016"), 1);
}

INSTANTIATE_STORE_TESTS(ImportWriterTest);

}  // namespace
}  // namespace grassroots::storage
