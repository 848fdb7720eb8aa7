// The same writes on SQLite and on PostgreSQL leave the same audit chain, entry for entry and
// hash for hash: the entries, their JSON, canonical text and hash are computed in
// backend-neutral code (audit_chain.h), and values read back the same from either backend.
#include <gtest/gtest.h>

#include <charconv>
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
  // Every row of `sql`'s result as text, column by column: NULL as "NULL", `kinds[c]` 'I' an
  // integer, 'R' a double in its shortest round-trip form (to the last bit), 'T' text.
  std::vector<std::vector<std::string>> Rows(Store& store, const std::string& sql,
                                             std::string_view kinds) {
    std::vector<std::vector<std::string>> rows;
    core::Status status = store.Read([&](Tx& tx) -> core::Status {
      core::Result<Statement> stmt = tx.db().Prepare(sql);
      if (!stmt.ok()) return stmt.error();
      Statement& s = stmt.value();
      for (;;) {
        core::Result<bool> step = s.Step();
        if (!step.ok()) return step.error();
        if (!step.value()) return core::Status::Ok();
        std::vector<std::string>& row = rows.emplace_back();
        for (std::size_t c = 0; c < kinds.size(); ++c) {
          const int column = static_cast<int>(c);
          if (s.IsNull(column)) {
            row.emplace_back("NULL");
          } else if (kinds[c] == 'I') {
            row.push_back(std::to_string(s.Int(column)));
          } else if (kinds[c] == 'R') {
            char text[32];
            const auto end = std::to_chars(text, text + sizeof text, s.Double(column)).ptr;
            row.emplace_back(text, end);
          } else {
            row.emplace_back(s.Text(column));
          }
        }
      }
    });
    EXPECT_TRUE(status.ok()) << status.error().message;
    return rows;
  }

  // Assesses `year` from the stored organizations and scores with `manual` and stores it.
  void AssessAndSave(Store& store, int year, std::vector<core::ManualDecision> manual) {
    core::Result<core::OrgTable> table =
        ReadValue(store, [&](Tx& t) { return OrganizationRecords(t).Table(); });
    ASSERT_TRUE(table.ok());
    core::Result<core::YearScores> scores =
        ReadValue(store, [&](Tx& t) { return ScoreRecords(t).OfYear(year, table.value()); });
    ASSERT_TRUE(scores.ok());
    core::AssessmentInput input;
    input.year = year;
    input.orgs = &table.value();
    input.scores = &scores.value();
    input.manual = std::move(manual);
    core::Result<core::AssessmentResult> result = core::Assess(core::MoheDefaultPolicy(), input);
    ASSERT_TRUE(result.ok()) << result.error().message;
    core::Status saved = test::SaveRun(store, actor_, input, result.value());
    ASSERT_TRUE(saved.ok()) << saved.error().message;
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

// A run of more rows than one statement holds (128) and than one piece of a bulk load (1 MiB:
// COPY on PostgreSQL), with scores no binary fraction holds and committee and hand reasons
// holding what COPY's text format escapes, then the same year replaced after a few changes:
// every stored column, the quota groups and the chain are the same on both backends.
TEST_F(BackendParityTest, ALargeRunIsStoredTheSameOnBothBackends) {
  constexpr int kOrgs = 1500;
  const std::string filler(1500, 'x');  // 1,000 reasons: some 1.5 MiB of COPY text
  std::vector<core::Organization> orgs;
  std::vector<core::ScoreRecord> scores;
  for (int i = 0; i < kOrgs; ++i) {
    char code[16];
    std::snprintf(code, sizeof code, "L%05d", i);
    const core::OrgType type = i % 3 == 0 ? core::OrgType::kCommunity : core::OrgType::kVillage;
    orgs.push_back(Org(code, "", "u" + std::to_string(i % 91), type));
    core::ScoreRecord score = Score(code, 2016, 39 + (i * 37) % 60 + 1.0 / 3.0);
    score.dimensions[1] = 0.1 + 0.2 + (i % 400) / 7.0;
    score.dimensions[2] = 55.55 + i * 1e-9;
    if (i % 3 != 2) {
      score.committee_grade = i % 7 == 0 ? core::Grade::kD : core::Grade::kB;
      score.reason = std::string(kOddName) + " " + std::to_string(i) + " " + filler;
    }
    if (i % 11 != 5) scores.push_back(score);  // some unscored
  }
  const std::string share = "\\\\server\\share\\N";
  const std::vector<core::ManualDecision> manual = {
      {3, true, std::string(kOddName)}, {700, false, share}, {1400, true, "\\N"}};
  std::vector<core::ManualDecision> manual_after = manual;
  manual_after[1].reason += "\t";
  // A few changes: the replaced year rewrites their rows only (the bulk load again).
  std::vector<core::ScoreRecord> changed;
  for (const core::ScoreRecord& score : scores) {
    if (score.code == "L00010" || score.code == "L00900" || score.code == "L01300") {
      changed.push_back(score);
      changed.back().dimensions[0] = 99.999999999;
    }
  }
  ASSERT_EQ(changed.size(), 3u);
  changed[1].committee_grade = core::Grade::kD;
  changed[1].reason = "line\nbreak\ttab\\";
  const core::UnixSeconds start = clock_.Now();
  for (auto& store : stores_) {
    clock_.Set(start);
    Chunks(*store, ImportTable::kOrganizations, orgs, 500);
    Chunks(*store, ImportTable::kScores, scores, 500);
    AssessAndSave(*store, 2016, manual);
    Chunks(*store, ImportTable::kScores, changed, 500);
    AssessAndSave(*store, 2016, manual_after);
  }
  core::Result<ChainHead> sqlite = test::AuditHead(*stores_[0]);
  core::Result<ChainHead> postgres = test::AuditHead(*stores_[1]);
  ASSERT_TRUE(sqlite.ok() && postgres.ok());
  EXPECT_EQ(sqlite.value(), postgres.value());
  for (auto& store : stores_) {
    core::Result<AuditVerification> v = test::VerifyAudit(*store, postgres.value());
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v.value().ok) << v.value().message;
  }
  const std::string results =
      "SELECT year, org_code, score_cents, grade, rank_in_type, selected, reasons, consecutive,"
      " unit_code, type, parent_code, team, leader, venue, routine, service, members,"
      " committee_grade, committee_reason, manual_include, manual_reason, previous_selected"
      " FROM assessment_results ORDER BY year, org_code";
  const auto one = Rows(*stores_[0], results, "ITITIIIITTTRRRRRRTTITI");
  const auto two = Rows(*stores_[1], results, "ITITIIIITTTRRRRRRTTITI");
  ASSERT_EQ(one.size(), std::size_t{kOrgs});
  ASSERT_EQ(two.size(), one.size());
  for (std::size_t r = 0; r < one.size(); ++r) ASSERT_EQ(one[r], two[r]) << "row " << r;
  std::size_t reason_bytes = 0;
  for (const auto& row : one) reason_bytes += row[18].size();
  EXPECT_GT(reason_bytes, std::size_t{1} << 20);
  EXPECT_EQ(one[900][18], "line\nbreak\ttab\\");
  EXPECT_EQ(one[900][11], "99.999999999");
  EXPECT_EQ(one[700][20], share + "\t");
  EXPECT_EQ(one[1400][20], "\\N");
  EXPECT_EQ(one[3][20], kOddName);
  const std::string quotas =
      "SELECT year, unit_code, type, count, ratio_ppm, quota, cut_cents, taken"
      " FROM assessment_quotas ORDER BY year, unit_code, type";
  const auto quotas_one = Rows(*stores_[0], quotas, "ITTIIIII");
  EXPECT_GT(quotas_one.size(), std::size_t{128});
  EXPECT_TRUE(quotas_one == Rows(*stores_[1], quotas, "ITTIIIII"));
  const auto info = [](Tx& tx) { return AssessmentRecords(tx).Info(2016); };
  auto a = ReadValue(*stores_[0], info);
  auto b = ReadValue(*stores_[1], info);
  ASSERT_TRUE(a.ok() && b.ok() && a.value() && b.value());
  EXPECT_EQ(a.value()->audit_hash, b.value()->audit_hash);
  EXPECT_EQ(a.value()->selected_count, b.value()->selected_count);
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
