#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "storage/organization_subject.h"
#include "storage/store.h"
#include "storage/test_fixture.h"
#include "storage/tx.h"

namespace grassroots::storage {
namespace {

using core::OrgType;
using test::Org;
using test::Result;

// --- Server (issue 3) ---

// Codes of a page, in order.
std::vector<std::string> Codes(const Page<core::Organization>& page) {
  std::vector<std::string> codes;
  for (const core::Organization& org : page.items) codes.push_back(org.code);
  return codes;
}

class ServerStoreTest : public test::StoreTest {
 protected:
  // D1 (u1) > D1A > D1A1, D1B; D2 (u2, community) > D2A.
  void Tree() {
    Upsert({Org("D1"), Org("D1A", "D1"), Org("D1A1", "D1A"), Org("D1B", "D1"),
            Org("D2", "", "u2", OrgType::kCommunity), Org("D2A", "D2", "u2", OrgType::kCommunity)});
  }
  std::vector<std::string> List(const OrgFilter& filter, std::int64_t* total = nullptr) {
    core::Result<Page<core::Organization>> page = storage::ReadValue(
        *store_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).List(filter); });
    EXPECT_TRUE(page.ok()) << page.error().message;
    if (!page.ok()) return {};
    if (total != nullptr) *total = page.value().total;
    return Codes(page.value());
  }
  std::string LastAudit(const std::string& column) {
    core::Result<Page<AuditRecord>> page = store_->ListAudit(0, 1);
    EXPECT_TRUE(page.ok() && !page.value().items.empty());
    if (!page.ok() || page.value().items.empty()) return {};
    const AuditRecord& r = page.value().items[0];
    if (column == "action") return r.action;
    if (column == "entity") return r.entity;
    if (column == "before") return r.before_json;
    return r.after_json;
  }
};

using Strings = std::vector<std::string>;

// Totals are remembered between pages; they must still follow every change, whether it comes
// through this connection or another process.
TEST_P(ServerStoreTest, ListTotalsFollowChangesFromAnyConnection) {
  Tree();
  std::int64_t total = 0;
  List({}, &total);
  EXPECT_EQ(total, 6);
  ASSERT_TRUE(storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
                return storage::OrganizationRecords(t).Save(Org("D1C", "D1"));
              }).ok());
  List({}, &total);
  EXPECT_EQ(total, 7);
  Exec(
      "INSERT INTO organizations (code, name, type, kind, parent_code, secretary, unit_code)"
      " VALUES ('D1D', 'x', 'village', 'branch', 'D1', 's', 'u1')");
  List({}, &total);
  EXPECT_EQ(total, 8);
  OrgFilter f;
  f.unit = "u1";
  std::int64_t in_u1 = 0;
  List(f, &in_u1);
  // Organizations are never deleted (migration 006): another connection moves one instead.
  Exec(
      "INSERT INTO units (code) VALUES ('u9');"
      " UPDATE organizations SET unit_code = 'u9' WHERE code = 'D1D'");
  List(f, &total);
  EXPECT_EQ(total, in_u1 - 1);
  List({}, &total);
  EXPECT_EQ(total, 8);
}

// A request reads under one snapshot: a page and its total agree, and a write committed by
// another connection in the middle shows only after the snapshot ends.
TEST_P(ServerStoreTest, AReadingScopeSeesOneSnapshot) {
  Tree();
  std::int64_t total = 0;
  {
    ReadingScope reading(*store_);
    EXPECT_EQ(List({}, &total).size(), 6u);
    EXPECT_EQ(total, 6);
    Exec(
        "INSERT INTO organizations (code, name, type, kind, parent_code, secretary, unit_code)"
        " VALUES ('D1D', 'x', 'village', 'branch', 'D1', 's', 'u1')");
    EXPECT_EQ(List({}, &total).size(), 6u);
    EXPECT_EQ(total, 6);
  }
  EXPECT_EQ(List({}, &total).size(), 7u);
  EXPECT_EQ(total, 7);
  // The scope ended its transaction: a write goes through.
  EXPECT_TRUE(storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
                return storage::OrganizationRecords(t).Save(Org("D1E", "D1"));
              }).ok());
}

// The data version is the same number on every connection and moves with every audited change,
// whichever connection makes it; inside a reading scope it stays with the snapshot.
TEST_P(ServerStoreTest, DataVersionIsSharedByConnectionsAndMovesWithEachChange) {
  Tree();
  core::Result<std::unique_ptr<Store>> other = OpenStore(url_);
  ASSERT_TRUE(other.ok());
  const core::Result<std::int64_t> start = store_->DataVersion();
  ASSERT_TRUE(start.ok());
  EXPECT_EQ(other.value()->DataVersion().value(), start.value());
  {
    ReadingScope reading(*store_);
    EXPECT_EQ(store_->DataVersion().value(), start.value());
    ASSERT_TRUE(WriteValue(*other.value(), actor_, [&](Tx& t) {
                  return OrganizationRecords(t).Save(Org("D1C", "D1"));
                }).ok());
    EXPECT_EQ(store_->DataVersion().value(), start.value());
  }
  const std::int64_t after_save = store_->DataVersion().value();
  EXPECT_GT(after_save, start.value());
  EXPECT_EQ(other.value()->DataVersion().value(), after_save);
  Upsert({Org("D1D", "D1")});
  EXPECT_GT(other.value()->DataVersion().value(), after_save);
}

TEST_P(ServerStoreTest, AssessmentsRowsPoliciesAndManualDecisions) {
  Upsert({Org("A"), Org("B", "", "u2"), Org("C")});
  const core::OrgTable table = Table();
  ASSERT_TRUE(store_
                  ->SaveAssessment(core::MoheDefaultPolicy(), "v1", test::NoInputs(table).input,
                                   Result(2016, {1, 0, 0}), actor_)
                  .ok());
  core::Result<std::vector<AssessmentInfo>> list = store_->ListAssessments();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list.value().size(), 1u);
  EXPECT_EQ(list.value()[0].year, 2016);
  EXPECT_EQ(list.value()[0].selected_count, 1);
  core::Result<std::vector<PolicyInfo>> policies = store_->ListPolicies();
  ASSERT_TRUE(policies.ok());
  ASSERT_EQ(policies.value().size(), 1u);
  EXPECT_EQ(policies.value()[0].version, "v1");

  OrgFilter f;
  core::Result<Page<AssessmentRow>> rows = store_->LoadAssessmentRows(2016, f);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows.value().total, 3);
  const AssessmentRow& a = rows.value().items[0];
  EXPECT_EQ(a.code, "A");
  EXPECT_EQ(a.type, "village");
  EXPECT_EQ(a.unit, "u1");
  EXPECT_EQ(a.score_cents, 5850);
  EXPECT_EQ(a.grade, "D");
  EXPECT_EQ(a.rank, 1);
  EXPECT_TRUE(a.selected);
  EXPECT_EQ(a.reasons, core::kReasonBottomQuota | core::kReasonGradeD);
  EXPECT_FALSE(rows.value().items[1].score_cents.has_value());
  f.unit = "u2";
  rows = store_->LoadAssessmentRows(2016, f);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows.value().items.size(), 1u);
  EXPECT_EQ(rows.value().items[0].code, "B");

  // B moves to u1 after the assessment: the 2016 list still shows and filters it in u2, where it
  // was ranked; a parent filter joins today's organizations.
  ASSERT_TRUE(storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
                return storage::OrganizationRecords(t).Save(Org("B", "", "u1"));
              }).ok());
  rows = store_->LoadAssessmentRows(2016, f);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows.value().items.size(), 1u);
  EXPECT_EQ(rows.value().items[0].code, "B");
  EXPECT_EQ(rows.value().items[0].unit, "u2");
  f.unit.clear();
  f.type = "village";
  f.selected = true;
  rows = store_->LoadAssessmentRows(2016, f);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows.value().total, 1);
  f = {};
  f.direct = true;
  f.grade = "D";
  rows = store_->LoadAssessmentRows(2016, f);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows.value().total, 1);
  EXPECT_EQ(rows.value().items[0].code, "A");
  f = {};

  StoredManualDecision d{"C", false, "moved away", "admin", "2017-01-01T00:00:00Z"};
  ASSERT_TRUE(store_->SaveManualDecision(2016, d, actor_).ok());
  EXPECT_EQ(LastAudit("action"), "assessment.manual");
  EXPECT_EQ(LastAudit("before"), "");
  d.include = true;
  ASSERT_TRUE(store_->SaveManualDecision(2016, d, actor_).ok());
  EXPECT_NE(LastAudit("before").find("\"include\":false"), std::string::npos);
  core::Result<std::vector<StoredManualDecision>> decisions = store_->ListManualDecisions(2016);
  ASSERT_TRUE(decisions.ok());
  ASSERT_EQ(decisions.value().size(), 1u);
  EXPECT_TRUE(decisions.value()[0].include);
  EXPECT_EQ(decisions.value()[0].reason, "moved away");
  d.reason.clear();
  EXPECT_EQ(store_->SaveManualDecision(2016, d, actor_).error().code, core::ErrorCode::kInvalid);

  ASSERT_TRUE(store_->DeleteManualDecision(2016, "C", actor_).ok());
  EXPECT_EQ(LastAudit("action"), "assessment.manual.delete");
  EXPECT_NE(LastAudit("before").find("\"code\":\"C\""), std::string::npos);
  EXPECT_EQ(LastAudit("after"), "");
  EXPECT_TRUE(store_->ListManualDecisions(2016).value().empty());
  EXPECT_EQ(store_->DeleteManualDecision(2016, "C", actor_).error().code,
            core::ErrorCode::kNotFound);
}

TEST_P(ServerStoreTest, UsersRoundTripWithScope) {
  UserRecord u;
  u.name = "alice";
  u.role = core::Role::kUnitAdmin;
  u.scope = {"D1", "D2"};
  u.password_hash = "$argon2id$secret";
  core::Result<std::int64_t> id = store_->CreateUser(u, actor_);
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_EQ(LastAudit("action"), "user.create");
  EXPECT_EQ(LastAudit("entity"), "user:alice");
  EXPECT_EQ(LastAudit("after").find("argon2"), std::string::npos);
  EXPECT_NE(LastAudit("after").find(R"("role":"unit_admin","scope":["D1","D2"])"),
            std::string::npos);
  EXPECT_EQ(store_->CreateUser(u, actor_).error().code, core::ErrorCode::kConflict);

  core::Result<std::optional<UserRecord>> found = store_->FindUser("alice");
  ASSERT_TRUE(found.ok() && found.value());
  EXPECT_EQ(found.value()->id, id.value());
  EXPECT_EQ(found.value()->role, core::Role::kUnitAdmin);
  EXPECT_EQ(found.value()->scope, (Strings{"D1", "D2"}));
  EXPECT_EQ(found.value()->password_hash, "$argon2id$secret");
  EXPECT_FALSE(found.value()->created_at.empty());
  EXPECT_FALSE(store_->FindUser("bob").value().has_value());

  UserRecord b;
  b.name = "bob";
  b.password_hash = "h";
  core::Result<std::int64_t> bob_id = store_->CreateUser(b, actor_);
  ASSERT_TRUE(bob_id.ok());
  EXPECT_NE(bob_id.value(), id.value());
  core::Result<std::optional<UserRecord>> bob = store_->GetUser(bob_id.value());
  ASSERT_TRUE(bob.ok() && bob.value());
  EXPECT_EQ(bob.value()->name, "bob");
  EXPECT_TRUE(bob.value()->scope.empty());
  EXPECT_EQ(bob.value()->role, core::Role::kAuditor);
  EXPECT_EQ(store_->ListUsers().value().size(), 2u);

  ASSERT_TRUE(store_->SetPasswordHash(id.value(), "$argon2id$new", actor_).ok());
  EXPECT_EQ(LastAudit("action"), "user.password");
  EXPECT_EQ(LastAudit("before").find("argon2"), std::string::npos);
  EXPECT_EQ(LastAudit("after").find("argon2"), std::string::npos);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log WHERE before_json LIKE '%argon2%' OR"
                     " after_json LIKE '%argon2%'"),
            0);
  EXPECT_EQ(store_->FindUser("alice").value()->password_hash, "$argon2id$new");
  EXPECT_EQ(store_->SetPasswordHash(999, "x", actor_).error().code, core::ErrorCode::kNotFound);
}

TEST_P(ServerStoreTest, SessionsExpireAndAccountsAreNeverDeleted) {
  UserRecord u;
  u.name = "alice";
  u.password_hash = "h";
  const std::int64_t id = store_->CreateUser(u, actor_).value();
  ASSERT_TRUE(store_->CreateSession({"t1", id, "c1", 1000}).ok());
  ASSERT_TRUE(store_->CreateSession({"t2", id, "c2", 2000}).ok());
  core::Result<std::optional<SessionRecord>> s = store_->FindSession("t1", 999);
  ASSERT_TRUE(s.ok() && s.value());
  EXPECT_EQ(s.value()->user_id, id);
  EXPECT_EQ(s.value()->csrf_token, "c1");
  EXPECT_EQ(s.value()->expires_at, 1000);
  EXPECT_FALSE(store_->FindSession("t1", 1000).value().has_value());  // expired
  EXPECT_FALSE(store_->FindSession("nope", 0).value().has_value());
  ASSERT_TRUE(store_->DeleteSession("t2").ok());
  EXPECT_FALSE(store_->FindSession("t2", 0).value().has_value());
  ASSERT_TRUE(store_->CreateSession({"t3", id, "c3", 3000}).ok());
  ASSERT_TRUE(store_->DeleteUserSessions(id, kEndedPasswordChanged).ok());
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM sessions"), 0);
  ASSERT_TRUE(store_->CreateSession({"t4", id, "c4", 3000}).ok());
  // An account is never deleted (migration 006), so its sessions cannot be lost that way.
  core::Result<Database> db = OpenDatabase(url_);
  ASSERT_TRUE(db.ok());
  const std::string keys_on = postgres() ? "" : "PRAGMA foreign_keys = ON; ";
  EXPECT_FALSE(db.value().Exec(keys_on + "DELETE FROM users", "test").ok());
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM users"), 1);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM sessions"), 1);
}

TEST_P(ServerStoreTest, AnEndedSessionIsToldWhyUntilItWouldHaveExpired) {
  UserRecord u;
  u.name = "li";
  u.password_hash = "$argon2id$x";
  const std::int64_t id = store_->CreateUser(u, actor_).value();
  const std::int64_t later = clock_.Now() + 3600;
  ASSERT_TRUE(store_->CreateSession({"kept", id, "c1", later}).ok());
  ASSERT_TRUE(store_->CreateSession({"other", id, "c2", later}).ok());
  ASSERT_TRUE(store_->CreateSession({"old", id, "c3", 1000}).ok());
  EXPECT_EQ(store_->SessionEndReason("old", 1000).value(), "session_expired");
  EXPECT_EQ(store_->SessionEndReason("never", 0).value(), "");

  UserChange profile;
  profile.real_name = "李明";
  ASSERT_TRUE(store_->UpdateUser(id, profile, "", actor_).ok());
  EXPECT_TRUE(store_->FindSession("other", 0).value().has_value());  // a name keeps sessions

  UserChange password;
  password.password_hash = "$argon2id$y";
  ASSERT_TRUE(store_->UpdateUser(id, password, "kept", actor_).ok());
  EXPECT_TRUE(store_->FindSession("kept", 0).value().has_value());
  EXPECT_FALSE(store_->FindSession("other", 0).value().has_value());
  EXPECT_EQ(store_->SessionEndReason("other", 0).value(), "password_changed");
  EXPECT_EQ(store_->SessionEndReason("other", later).value(), "");  // it would have expired

  UserChange disable;
  disable.disabled = true;
  ASSERT_TRUE(store_->UpdateUser(id, disable, "", actor_).ok());
  EXPECT_EQ(store_->SessionEndReason("kept", 0).value(), "account_disabled");
  EXPECT_EQ(store_->GetUser(id).value()->real_name, "李明");
}

TEST_P(ServerStoreTest, AuditListNewestFirstAndVerify) {
  ASSERT_TRUE(store_->RecordEvent("auth.login", "user:alice", R"({"ok":true})", actor_).ok());
  ASSERT_TRUE(store_->RecordEvent("auth.logout", "user:alice", "", actor_).ok());
  ASSERT_TRUE(store_->RecordEvent("auth.failed", "user:bob", "", actor_).ok());
  core::Result<Page<AuditRecord>> page = store_->ListAudit(1, 5);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page.value().total, 3);
  ASSERT_EQ(page.value().items.size(), 2u);
  EXPECT_EQ(page.value().items[0].action, "auth.logout");
  EXPECT_EQ(page.value().items[1].action, "auth.login");
  EXPECT_EQ(page.value().items[1].after_json, R"({"ok":true})");
  EXPECT_EQ(page.value().items[1].actor, "tester");
  EXPECT_EQ(page.value().items[1].origin, "127.0.0.1");
  EXPECT_EQ(store_->ListAudit(0, 0).error().field, "limit");

  core::Result<AuditVerification> v = store_->VerifyAudit(std::nullopt);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v.value().ok);
  EXPECT_EQ(v.value().entries, 3);
  Tamper("UPDATE audit_log SET entity = 'user:mallory' WHERE id = 2");
  v = store_->VerifyAudit(std::nullopt);
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v.value().ok);
  EXPECT_EQ(v.value().entries, 3);
  EXPECT_EQ(v.value().first_bad_id, 2);
  EXPECT_NE(v.value().message.find("entry 2"), std::string::npos);
}

INSTANTIATE_STORE_TESTS(ServerStoreTest);

}  // namespace
}  // namespace grassroots::storage
