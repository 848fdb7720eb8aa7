#include "storage/import_writer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/organization_subject.h"
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

  // Writes `members` through one writer in one transaction; that transaction's status.
  core::Status WriteMembers(const std::vector<core::Member>& members) {
    return store_->Write(actor_, [&](Tx& tx) -> core::Status {
      ImportWriter writer(tx, ImportTable::kMembers);
      if (core::Status s = writer.Write(members); !s.ok()) return s;
      auto written = writer.Finish(members.size());
      return written.ok() ? core::Status::Ok() : core::Status(written.error());
    });
  }

  static core::Member Member(std::string id) {
    core::Member m;
    m.id = std::move(id);
    m.name = "张三";
    m.org = "V1";
    m.joined = "2010-01-01";
    return m;
  }
};

// The fixture's clock stands at 2016-07-01 in the county: the day an import's change is dated.
TEST_P(ImportWriterTest, AStatusTheFileChangesIsAChangeInTheMembersHistoryDatedTheImportsDay) {
  Upsert({test::Org("V1")});
  core::Member m = Member("M1");
  core::Member n = Member("M2");
  ASSERT_TRUE(WriteMembers({m, n}).ok());
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM member_status_changes"), 0);  // new: no change

  m.status = core::MemberStatus::kMobile;
  n.name = "李四";  // another field: no change of status
  ASSERT_TRUE(WriteMembers({m, n}).ok());
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM member_status_changes"), 1);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM member_status_changes WHERE member_id = 'M1'"
                     " AND from_status = 'regular' AND to_status = 'mobile'"
                     " AND changed_on = '2016-07-01' AND note = '导入'"
                     " AND created_by = '" +
                     actor_.name + "'"),
            1);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM members WHERE id = 'M1' AND status = 'mobile'"), 1);
}

TEST_P(ImportWriterTest, AFileChangingTheStatusOfAMemberWhoLeftIsRefusedAndWritesNothing) {
  Upsert({test::Org("V1")});
  core::Member m = Member("M1");
  ASSERT_TRUE(WriteMembers({m, Member("M2")}).ok());
  ASSERT_TRUE(store_
                  ->Write(actor_,
                          [](Tx& tx) {
                            return MemberRecords(tx).RecordLeft(
                                "M1", {core::LeaveKind::kOther, {2016, 5, 1}, "迁出"});
                          })
                  .ok());
  const std::int64_t audits = QueryInt("SELECT COUNT(*) FROM audit_log");

  core::Member renamed = Member("M2");
  renamed.name = "李四";
  m.status = core::MemberStatus::kPocket;
  const core::Status refused = WriteMembers({renamed, m});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason, "member_left");
  EXPECT_NE(refused.error().message.find("M1"), std::string::npos) << refused.error().message;
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM member_status_changes"), 0);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM members WHERE status = 'pocket' OR name = '李四'"), 0);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log"), audits);
}

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
