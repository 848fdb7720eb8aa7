// The same writes on SQLite and on PostgreSQL leave the same audit chain, entry for entry and
// hash for hash: the entries, their JSON, canonical text and hash are computed in
// backend-neutral code (audit_chain.h), and values read back the same from either backend.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/assessment.h"
#include "core/policy.h"
#include "storage/copy_db.h"
#include "storage/evidence_store.h"
#include "storage/import_writer.h"
#include "storage/login_counts.h"
#include "storage/open_store.h"
#include "storage/organization_subject.h"
#include "storage/postgres/pg_test_server.h"
#include "storage/rectification_records.h"
#include "storage/score_subject.h"
#include "storage/subject_test_support.h"
#include "storage/test_fixture.h"
#include "storage/tx.h"

namespace grassroots::storage {
namespace {

using test::Org;
using test::Score;

class BackendParityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char dir[] = "/tmp/grassroots-parity-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    dir_ = dir;
    ASSERT_FALSE(schema_.url().empty());
    for (const std::string& url : {dir_ + "/county.db", schema_.url()}) {
      core::Result<std::unique_ptr<Store>> store = OpenStore(url, clock_);
      ASSERT_TRUE(store.ok()) << store.error().message;
      ASSERT_TRUE(store.value()->Migrate().ok());
      stores_.push_back(std::move(store).value());
    }
  }
  void TearDown() override {
    stores_.clear();
    std::filesystem::remove_all(dir_);
  }

  // A county's year: organizations, members, scores with decimals no binary fraction holds,
  // single writes, an account, an assessment stored with its inputs, a login.
  void Work(Store& store) {
    ASSERT_TRUE(ImportBatch(store, actor_, {Org("A"), Org("A1", "A"), Org("B"), Org("C")}).ok());
    core::Member member;
    member.id = "M1";
    member.name = "党员甲";
    member.org = "A1";
    ASSERT_TRUE(ImportBatch(store, actor_, {member}).ok());
    core::ScoreRecord a = Score("A", 2016, 50);
    a.dimensions = {1.0 / 3.0, 0.1 + 0.2, 55.55, 60, 61, 62};
    ASSERT_TRUE(ImportBatch(store, actor_, {a, Score("A1", 2016, 70), Score("B", 2016, 95)}).ok());
    clock_.Advance(60);
    ASSERT_TRUE(storage::WriteValue(store, actor_, [&](storage::Tx& t) {
                  return storage::ScoreRecords(t).Save(Score("C", 2016, 88.8, core::Grade::kD));
                }).ok());
    UserRecord user;
    user.name = "alice";
    user.role = core::Role::kAdmin;
    user.password_hash = "$argon2id$x";
    ASSERT_TRUE(test::CreateUser(store, user, actor_).ok());
    core::Result<core::OrgTable> table = storage::ReadValue(
        store, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Table(); });
    ASSERT_TRUE(table.ok());
    core::Result<core::YearScores> scores = storage::ReadValue(store, [&](storage::Tx& t) {
      return storage::ScoreRecords(t).OfYear(2016, table.value());
    });
    ASSERT_TRUE(scores.ok());
    core::AssessmentInput input;
    input.year = 2016;
    input.orgs = &table.value();
    input.scores = &scores.value();
    core::Result<core::AssessmentResult> result = core::Assess(core::MoheDefaultPolicy(), input);
    ASSERT_TRUE(result.ok());
    ASSERT_TRUE(test::SaveRun(store, actor_, input, result.value()).ok());
    ASSERT_TRUE(
        store.Write(actor_, [](Tx& tx) { return AuditLog(tx).RecordEvent("login", "user:alice"); })
            .ok());
  }

  // Streamed imports (ImportWriter: COPY through a staging table on PostgreSQL) in chunks:
  // organizations whose names hold what COPY's text format escapes, then the same file with
  // one row changed, one added and the rest unchanged; scores of a year with decimals no binary
  // fraction holds.
  void Import(Store& store) {
    std::vector<core::Organization> orgs;
    for (int i = 0; i < 40; ++i) orgs.push_back(Org("T" + std::to_string(100 + i)));
    orgs[0].name = kOddName;
    orgs[1].name = "\\N";
    orgs[2].parent = "T100";
    orgs[2].kind = core::OrgKind::kBranch;
    Chunks(store, ImportTable::kOrganizations, orgs, 16);
    orgs[3].name = "renamed\t";
    orgs.push_back(Org("T200"));
    Chunks(store, ImportTable::kOrganizations, orgs, 16);
    std::vector<core::ScoreRecord> scores;
    for (const core::Organization& org : orgs) {
      core::ScoreRecord score = Score(org.code, 2017, 60);
      score.dimensions[0] = 1.0 / 3.0;
      score.dimensions[1] = 0.1 + 0.2;
      scores.push_back(score);
    }
    scores[0].committee_grade = core::Grade::kD;
    scores[0].reason = kOddName;
    Chunks(store, ImportTable::kScores, scores, 16);
  }
  template <typename Row>
  void Chunks(Store& store, ImportTable table, const std::vector<Row>& rows, std::size_t chunk) {
    core::Status status = store.Write(actor_, [&](Tx& tx) -> core::Status {
      ImportWriter writer(tx, table);
      for (std::size_t at = 0; at < rows.size(); at += chunk) {
        const auto first = rows.begin() + static_cast<std::ptrdiff_t>(at);
        const auto end =
            rows.begin() + static_cast<std::ptrdiff_t>(std::min(at + chunk, rows.size()));
        if (core::Status s = writer.Write(std::vector<Row>(first, end)); !s.ok()) return s;
      }
      auto written = writer.Finish(rows.size());
      return written.ok() ? core::Status::Ok() : core::Status(written.error());
    });
    ASSERT_TRUE(status.ok()) << status.error().message;
  }
  static constexpr std::string_view kOddName = "tab\there\nnew line\r\\N back\\slash 党";

  std::string dir_;
  pg::TestSchema schema_;
  core::FixedClock clock_{core::CountyDayStart({2016, 7, 1})};
  std::vector<std::unique_ptr<Store>> stores_;
  Actor actor_{"tester", "127.0.0.1"};
};

TEST_F(BackendParityTest, TheSameWritesLeaveTheSameChainOnBothBackends) {
  ASSERT_EQ(stores_.size(), 2u);
  const core::UnixSeconds start = clock_.Now();
  for (auto& store : stores_) {
    clock_.Set(start);
    Work(*store);
  }
  core::Result<ChainHead> sqlite = test::AuditHead(*stores_[0]);
  core::Result<ChainHead> postgres = test::AuditHead(*stores_[1]);
  ASSERT_TRUE(sqlite.ok() && postgres.ok());
  EXPECT_GT(sqlite.value().id, 5);
  EXPECT_EQ(sqlite.value(), postgres.value());
  core::Result<Page<AuditRecord>> a = test::ListAudit(*stores_[0], 0, 100);
  core::Result<Page<AuditRecord>> b = test::ListAudit(*stores_[1], 0, 100);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a.value().items.size(), b.value().items.size());
  for (std::size_t i = 0; i < a.value().items.size(); ++i) {
    EXPECT_EQ(a.value().items[i].entity, b.value().items[i].entity);
    EXPECT_EQ(a.value().items[i].after_json, b.value().items[i].after_json);
  }
  for (auto& store : stores_) {
    core::Result<AuditVerification> v = test::VerifyAudit(*store, postgres.value());
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v.value().ok) << v.value().message;
  }
  // The stored assessment reads back the same, to the last bit of every score.
  const auto stored = [](Tx& tx) { return AssessmentRecords(tx).Stored(2016); };
  auto one = ReadValue(*stores_[0], stored);
  auto two = ReadValue(*stores_[1], stored);
  ASSERT_TRUE(one.ok() && two.ok() && one.value() && two.value());
  EXPECT_EQ(one.value()->info.audit_hash, two.value()->info.audit_hash);
  EXPECT_EQ(one.value()->result.score_cents, two.value()->result.score_cents);
  EXPECT_EQ(one.value()->scores.dimensions, two.value()->scores.dimensions);
  EXPECT_EQ(one.value()->scores.has_score, two.value()->scores.has_score);
}

TEST_F(BackendParityTest, StreamedImportsLeaveTheSameChainAndRowsOnBothBackends) {
  const core::UnixSeconds start = clock_.Now();
  for (auto& store : stores_) {
    clock_.Set(start);
    Import(*store);
  }
  core::Result<ChainHead> sqlite = test::AuditHead(*stores_[0]);
  core::Result<ChainHead> postgres = test::AuditHead(*stores_[1]);
  ASSERT_TRUE(sqlite.ok() && postgres.ok());
  EXPECT_EQ(sqlite.value().id, 3);
  EXPECT_EQ(sqlite.value(), postgres.value());
  for (auto& store : stores_) {
    core::Result<AuditVerification> v = test::VerifyAudit(*store, postgres.value());
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v.value().ok) << v.value().message;
    core::Result<Page<AuditRecord>> entries = test::ListAudit(*store, 0, 10);
    ASSERT_TRUE(entries.ok());
    ASSERT_EQ(entries.value().items.size(), 3u);
    EXPECT_EQ(entries.value().items[1].after_json,  // newest first: the second orgs import
              "{\"rows\":41,\"inserted\":1,\"updated\":1,\"unchanged\":39}");
    core::Result<std::optional<OrgDetail>> odd =
        ReadValue(*store, [&](Tx& t) { return OrganizationRecords(t).Detail("T100"); });
    ASSERT_TRUE(odd.ok() && odd.value());
    EXPECT_EQ(odd.value()->org.name, kOddName);
    core::Result<std::optional<OrgDetail>> renamed =
        ReadValue(*store, [&](Tx& t) { return OrganizationRecords(t).Detail("T103"); });
    ASSERT_TRUE(renamed.ok() && renamed.value());
    EXPECT_EQ(renamed.value()->org.name, "renamed\t");
  }
  core::Result<core::OrgTable> one =
      ReadValue(*stores_[0], [&](Tx& t) { return OrganizationRecords(t).Table(); });
  core::Result<core::OrgTable> two =
      ReadValue(*stores_[1], [&](Tx& t) { return OrganizationRecords(t).Table(); });
  ASSERT_TRUE(one.ok() && two.ok());
  auto first =
      ReadValue(*stores_[0], [&](Tx& t) { return ScoreRecords(t).OfYear(2017, one.value()); });
  auto second =
      ReadValue(*stores_[1], [&](Tx& t) { return ScoreRecords(t).OfYear(2017, two.value()); });
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first.value().dimensions, second.value().dimensions);  // to the last bit
}

// SQLite -> PostgreSQL -> SQLite: everything arrives (an organization merged into another, an
// account, the trail with its change records), the chain verifies with the same head on every
// side, new rows continue after the copied ones, and a database that holds data is not copied
// into.
TEST_F(BackendParityTest, CopyDbMovesEverythingBothWaysAndTheChainStillVerifies) {
  Store& county = *stores_[0];
  Work(county);
  Import(county);  // names holding what COPY escapes
  core::OrgEnd end;
  end.kind = core::OrgEndKind::kMerged;
  end.on = {2016, 8, 1};
  end.merged_into = "B";
  end.reason = "合并";
  ASSERT_TRUE(
      county
          .Write(actor_,
                 [&](storage::Tx& t) { return storage::OrganizationRecords(t).End("C", end); })
          .ok());
  const std::string photo("\x89PNG\r\n\x1A\n\0\xff evidence", 19);
  ASSERT_TRUE(county
                  .Write(actor_,
                         [&](Tx& tx) -> core::Status {
                           RectificationRecords records(tx);
                           ItemRecord item;
                           item.plan_id = records.CreatePlan(2016, "B").value();
                           item.year = 2016;
                           item.org_code = "B";
                           item.measure = "m";
                           item.responsible = "r";
                           item.deadline = "2016-09-30";
                           auto added = EvidenceStore(tx).Add(records.AddItem(item).value(),
                                                              "p.png", "image/png", photo);
                           return added.ok() ? core::Status::Ok() : core::Status(added.error());
                         })
                  .ok());
  ASSERT_TRUE(county
                  .Write(actor_,
                         [](Tx& tx) {
                           return LoginCounts(tx).Put("alice", "10.0.0.1",
                                                      {LoginCount{3, 100}, LoginCount{31, 101},
                                                       LoginCount{4, 102}, std::nullopt});
                         })
                  .ok());
  core::Result<ChainHead> head = test::AuditHead(county);
  ASSERT_TRUE(head.ok());

  core::Result<CopySummary> there = CopyDatabase(dir_ + "/county.db", schema_.url(), clock_);
  ASSERT_TRUE(there.ok()) << there.error().message;
  EXPECT_EQ(there.value().head, head.value());
  EXPECT_GT(there.value().rows, 20);
  const std::string back_path = dir_ + "/back.db";
  core::Result<CopySummary> back = CopyDatabase(schema_.url(), "sqlite:" + back_path, clock_);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back.value().rows, there.value().rows);

  core::Result<std::unique_ptr<Store>> returned = OpenStore(back_path, clock_);
  ASSERT_TRUE(returned.ok());
  for (Store* store : {stores_[1].get(), returned.value().get()}) {
    core::Result<AuditVerification> v = test::VerifyAudit(*store, head.value());
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v.value().ok) << v.value().message;
    EXPECT_EQ(v.value().head, head.value());
    core::Result<std::optional<OrgDetail>> merged = storage::ReadValue(
        *store, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Detail("C"); });
    ASSERT_TRUE(merged.ok() && merged.value());
    ASSERT_TRUE(merged.value()->org.end.has_value());
    EXPECT_EQ(merged.value()->org.end->merged_into, "B");
    core::Result<std::optional<OrgDetail>> odd = storage::ReadValue(
        *store, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Detail("T100"); });
    ASSERT_TRUE(odd.ok() && odd.value());
    EXPECT_EQ(odd.value()->org.name, kOddName);
    core::Result<std::optional<UserRecord>> alice = test::FindUser(*store, "alice");
    ASSERT_TRUE(alice.ok() && alice.value());
    EXPECT_EQ(alice.value()->password_hash, "$argon2id$x");
    LoginCountsOf counts;
    ASSERT_TRUE(store
                    ->Read([&](Tx& tx) -> core::Status {
                      core::Result<LoginCountsOf> of = LoginCounts(tx).Of("alice", "10.0.0.1");
                      if (!of.ok()) return of.error();
                      counts = of.value();
                      return core::Status::Ok();
                    })
                    .ok());
    ASSERT_TRUE(counts.pair && counts.address && counts.account);
    EXPECT_EQ(counts.pair->failures, 3);
    EXPECT_EQ(counts.address->failures, 31);
    EXPECT_EQ(counts.account->last_at, 102);
    UserRecord bob;
    bob.name = "bob";
    bob.password_hash = "h";
    core::Result<std::int64_t> id = test::CreateUser(*store, bob, actor_);
    ASSERT_TRUE(id.ok()) << id.error().message;
    EXPECT_GT(id.value(), alice.value()->id);
    std::string bytes;  // the evidence file arrived where this backend keeps it
    ASSERT_TRUE(store
                    ->Read([&](Tx& tx) -> core::Status {
                      EvidenceStore evidence(tx);
                      auto content = evidence.Content(*evidence.Get(1).value());
                      if (!content.ok()) return content.error();
                      bytes = content.value();
                      return core::Status::Ok();
                    })
                    .ok());
    EXPECT_TRUE(bytes == photo);
  }
  core::Result<CopySummary> again = CopyDatabase(dir_ + "/county.db", schema_.url(), clock_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(again.error().reason, "copy_target_not_empty");
}

}  // namespace
}  // namespace grassroots::storage
