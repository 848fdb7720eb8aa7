#include "storage/import_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "storage/organization_subject.h"
#include "storage/subject_test_support.h"
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
  // A dry run asks the same in a read and gets the same answer.
  const auto check = [&](const std::vector<core::Member>& rows) {
    return store_->Read([&](Tx& tx) { return CheckMemberWrites(tx, rows); });
  };
  const core::Status checked = check({renamed, m});
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.error().reason, "member_left");
  EXPECT_NE(checked.error().message.find("M1"), std::string::npos) << checked.error().message;
  EXPECT_TRUE(check({renamed}).ok());
  const core::Status refused = WriteMembers({renamed, m});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason, "member_left");
  EXPECT_EQ(refused.error().message, checked.error().message);
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

// An import of more change records than the recorder digests at a time (8,192, on a thread of
// its own while the write goes on): the digest the entry stores still covers every record in
// seq order, as `audit verify` recomputes it from the stored records; and an import of a few
// rows, digested without a thread, after it.
TEST_P(ImportWriterTest, ChangeRecordsDigestedInBatchesOnAThreadVerifyInSeqOrder) {
  std::vector<core::Organization> orgs;
  for (int i = 0; i < 2 * 8192 + 300; ++i) orgs.push_back(test::Org("D" + std::to_string(i)));
  core::Result<WriteSummary> first = ImportBatch(*store_, actor_, orgs);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first.value().inserted, 2 * 8192 + 300);
  ASSERT_TRUE(ImportBatch(*store_, actor_, {test::Org("E1"), test::Org("E2")}).ok());
  EXPECT_EQ(QueryInt("SELECT SUM(change_count) FROM audit_log"), 2 * 8192 + 302);

  core::Result<AuditVerification> verified = test::VerifyAudit(*store_, std::nullopt);
  ASSERT_TRUE(verified.ok()) << verified.error().message;
  EXPECT_TRUE(verified.value().ok) << verified.value().reason << ": " << verified.value().message;
  EXPECT_EQ(verified.value().changes, 2 * 8192 + 302);
}

// A first import into empty tables (on PostgreSQL: foreign keys and secondary indexes taken off
// for the load and put back at its end, postgres/pg_first_load.h) refuses a parent that exists
// nowhere and writes nothing; the keys hold for the imports after it.
TEST_P(ImportWriterTest, AFirstImportWithAParentFoundNowhereWritesNothingAndTheKeysStillHold) {
  core::Result<WriteSummary> refused =
      ImportBatch(*store_, actor_, {test::Org("A"), test::Org("A1", "nowhere")});
  ASSERT_FALSE(refused.ok());
  std::string message = refused.error().message;
  std::transform(message.begin(), message.end(), message.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  EXPECT_NE(message.find("foreign key"), std::string::npos) << message;
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM organizations"), 0);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log"), 0);

  ASSERT_TRUE(ImportBatch(*store_, actor_, {test::Org("A"), test::Org("A1", "A")}).ok());
  EXPECT_FALSE(ImportBatch(*store_, actor_, {test::Org("A2", "nowhere")}).ok());
  EXPECT_FALSE(ImportBatch(*store_, actor_, {test::Score("NOWHERE", 2016, 70)}).ok());
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM organizations"), 2);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM scores"), 0);
}

INSTANTIATE_STORE_TESTS(ImportWriterTest);

using FirstLoadPostgresTest = test::OnPostgres<ImportWriterTest>;

// The foreign keys and indexes of the tables imports write, as the catalog describes them.
std::string KeysAndIndexes(Store& store) {
  core::Result<std::string> text = ReadValue(store, [](Tx& tx) -> core::Result<std::string> {
    core::Result<Statement> stmt = tx.db().Prepare(
        "SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
        " FROM pg_constraint WHERE conrelid IN"
        " ('organizations'::regclass, 'members'::regclass, 'scores'::regclass)"
        " UNION ALL SELECT tablename || ' ' || indexdef FROM pg_indexes"
        " WHERE schemaname = current_schema()"
        " AND tablename IN ('organizations', 'members', 'scores') ORDER BY 1");
    if (!stmt.ok()) return stmt.error();
    std::string all;
    for (core::Result<bool> row = stmt.value().Step(); row.ok() && row.value();
         row = stmt.value().Step()) {
      all += std::string(stmt.value().Text(0)) + "\n";
    }
    return all;
  });
  EXPECT_TRUE(text.ok());
  return text.ok() ? text.value() : "";
}

TEST_F(FirstLoadPostgresTest, FirstImportsLeaveEveryKeyAndIndexAsItWas) {
  const std::string before = KeysAndIndexes(*store_);
  EXPECT_NE(before.find("organizations_parent_code_fkey FOREIGN KEY (parent_code)"),
            std::string::npos)
      << before;
  EXPECT_NE(before.find("CREATE INDEX organizations_unit_type_code"), std::string::npos);

  std::vector<core::Organization> orgs = test::ManyOrgs(300);
  std::reverse(orgs.begin(), orgs.end());  // children before their parents
  ASSERT_TRUE(ImportBatch(*store_, actor_, orgs).ok());
  core::Member member = Member("M1");
  member.org = orgs.back().code;
  ASSERT_TRUE(WriteMembers({member}).ok());
  std::vector<core::ScoreRecord> scores;
  for (const core::Organization& org : orgs) scores.push_back(test::Score(org.code, 2016, 70));
  EXPECT_EQ(WriteInChunks(scores, 128).inserted, 300);

  EXPECT_EQ(KeysAndIndexes(*store_), before);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM organizations WHERE parent_code IS NOT NULL"), 270);
}

}  // namespace
}  // namespace grassroots::storage
