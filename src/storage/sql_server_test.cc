#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "storage/store.h"
#include "storage/test_fixture.h"

namespace grassroots::storage {
namespace {

using core::OrgType;
using test::ManyOrgs;
using test::Org;
using test::Score;

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
    core::Result<Page<core::Organization>> page = store_->ListOrganizations(filter);
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

TEST_P(ServerStoreTest, ListOrganizationsFilters) {
  Tree();
  EXPECT_EQ(List({}), (Strings{"D1", "D1A", "D1A1", "D1B", "D2", "D2A"}));
  OrgFilter f;
  f.unit = "u2";
  EXPECT_EQ(List(f), (Strings{"D2", "D2A"}));
  f = {};
  f.type = "community";
  EXPECT_EQ(List(f), (Strings{"D2", "D2A"}));
  f = {};
  f.parent = "D1";
  EXPECT_EQ(List(f), (Strings{"D1A", "D1B"}));
  f = {};
  f.direct = true;
  EXPECT_EQ(List(f), (Strings{"D1", "D2"}));
  f.direct = false;
  EXPECT_EQ(List(f), (Strings{"D1A", "D1A1", "D1B", "D2A"}));
  f = {};
  f.query = "1a";  // LIKE is case-insensitive for ASCII in SQLite
  f.query = "1A";
  EXPECT_EQ(List(f), (Strings{"D1A", "D1A1"}));
  f = {};
  f.query = "Org D2";  // matches the name
  EXPECT_EQ(List(f), (Strings{"D2", "D2A"}));
}

TEST_P(ServerStoreTest, ListOrganizationsScope) {
  Tree();
  OrgFilter f;
  f.restrict_to_scope = true;
  EXPECT_EQ(List(f), Strings{});  // an empty scope sees nothing
  f.within = {"D1A"};
  EXPECT_EQ(List(f), (Strings{"D1A", "D1A1"}));
  f.within = {"D1A", "D2"};
  EXPECT_EQ(List(f), (Strings{"D1A", "D1A1", "D2", "D2A"}));
  f.within = {};
  f.only = {"D1", "D2A"};
  EXPECT_EQ(List(f), (Strings{"D1", "D2A"}));
  f.within = {"D1A"};
  f.only = {"D2"};
  EXPECT_EQ(List(f), (Strings{"D1A", "D1A1", "D2"}));
  f.type = "community";
  EXPECT_EQ(List(f), (Strings{"D2"}));
  f = {};
  f.within = {"D1A"};  // ignored unless restrict_to_scope
  EXPECT_EQ(List(f).size(), 6u);
}

TEST_P(ServerStoreTest, ListOrganizationsPagesWithTotal) {
  Upsert(ManyOrgs(25));
  OrgFilter f;
  f.limit = 10;
  f.offset = 20;
  std::int64_t total = 0;
  EXPECT_EQ(List(f, &total),
            (Strings{"B00000020", "B00000021", "B00000022", "B00000023", "B00000024"}));
  EXPECT_EQ(total, 25);
  f.direct = true;
  f.offset = 0;
  EXPECT_EQ(List(f, &total), (Strings{"B00000000", "B00000010", "B00000020"}));
  EXPECT_EQ(total, 3);

  for (std::int64_t bad : {0, 1001, -1}) {
    f.limit = bad;
    core::Result<Page<core::Organization>> page = store_->ListOrganizations(f);
    ASSERT_FALSE(page.ok());
    EXPECT_EQ(page.error().code, core::ErrorCode::kInvalid);
    EXPECT_EQ(page.error().field, "limit");
  }
  f.limit = 1000;
  f.offset = -1;
  core::Result<Page<core::Organization>> page = store_->ListOrganizations(f);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().field, "offset");
}

TEST_P(ServerStoreTest, QueryMetacharactersAreLiteral) {
  core::Organization pct = Org("P%1");
  pct.name = "100% done";
  core::Organization under = Org("U_1");
  core::Organization quote = Org("Q1");
  quote.name = "it's";
  core::Organization slash = Org("S1");
  slash.name = "a\\b";
  Upsert({pct, under, quote, slash, Org("PX1"), Org("UX1")});
  OrgFilter f;
  f.query = "%";
  EXPECT_EQ(List(f), (Strings{"P%1"}));
  f.query = "_";
  EXPECT_EQ(List(f), (Strings{"U_1"}));
  f.query = "'";
  EXPECT_EQ(List(f), (Strings{"Q1"}));
  f.query = "\\";
  EXPECT_EQ(List(f), (Strings{"S1"}));
  f.query = "'; DROP TABLE organizations; --";
  EXPECT_EQ(List(f), Strings{});
  f.unit = "'; DROP TABLE organizations; --";
  f.query.clear();
  EXPECT_EQ(List(f), Strings{});
  f.restrict_to_scope = true;
  f.within = {"x') OR 1=1; --"};
  f.unit.clear();
  EXPECT_EQ(List(f), Strings{});
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM organizations"), 6);
}

TEST_P(ServerStoreTest, GetOrganizationAndAncestry) {
  Tree();
  core::Member m{"M1", "Li", "D1", core::MemberStatus::kRegular, "", {}};
  core::Member m2{"M2", "Wang", "D1", core::MemberStatus::kPocket, "2001-01-01", {}};
  ASSERT_TRUE(store_->UpsertMembers({m, m2}, actor_).ok());
  core::Result<std::optional<OrgDetail>> d = store_->GetOrganization("D1");
  ASSERT_TRUE(d.ok() && d.value());
  EXPECT_EQ(d.value()->org.name, "Org D1");
  EXPECT_EQ(d.value()->org.unit, "u1");
  EXPECT_EQ(d.value()->children, 2);
  EXPECT_EQ(d.value()->member_counts[0], 1);
  EXPECT_EQ(d.value()->member_counts[static_cast<int>(core::MemberStatus::kPocket)], 1);
  EXPECT_FALSE(store_->GetOrganization("nope").value().has_value());

  EXPECT_EQ(store_->Ancestry("D1A1").value(), (Strings{"D1A1", "D1A", "D1"}));
  EXPECT_EQ(store_->Ancestry("D2").value(), (Strings{"D2"}));
  EXPECT_TRUE(store_->Ancestry("nope").value().empty());
}

// Totals are remembered between pages; they must still follow every change, whether it comes
// through this connection or another process.
TEST_P(ServerStoreTest, ListTotalsFollowChangesFromAnyConnection) {
  Tree();
  std::int64_t total = 0;
  List({}, &total);
  EXPECT_EQ(total, 6);
  ASSERT_TRUE(store_->SaveOrganization(Org("D1C", "D1"), actor_).ok());
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

// The visited page is the listed page: same rows, same order, same columns, same total.
TEST_P(ServerStoreTest, VisitOrganizationsHandsOverTheListedPage) {
  Tree();
  std::vector<OrgFilter> filters(4);
  filters[1].unit = "u1";
  filters[2].parent = "D1";
  filters[3].offset = 2;
  filters[3].limit = 3;
  for (const OrgFilter& filter : filters) {
    core::Result<Page<core::Organization>> page = store_->ListOrganizations(filter);
    ASSERT_TRUE(page.ok());
    std::vector<core::Organization> visited;
    core::Result<std::int64_t> total =
        store_->VisitOrganizations(filter, [&](const OrgRowView& row) {
          core::Organization org;
          org.code = row.code;
          org.name = row.name;
          org.type = core::ParseOrgType(row.type).value();
          org.kind = core::ParseOrgKind(row.kind).value();
          org.parent = row.parent;
          org.secretary = row.secretary;
          org.unit = row.unit;
          visited.push_back(org);
        });
    ASSERT_TRUE(total.ok());
    EXPECT_EQ(total.value(), page.value().total);
    ASSERT_EQ(visited.size(), page.value().items.size());
    for (std::size_t i = 0; i < visited.size(); ++i) {
      const core::Organization& a = visited[i];
      const core::Organization& b = page.value().items[i];
      EXPECT_EQ(std::tie(a.code, a.name, a.type, a.kind, a.parent, a.secretary, a.unit),
                std::tie(b.code, b.name, b.type, b.kind, b.parent, b.secretary, b.unit));
    }
  }
  OrgFilter bad;
  bad.limit = 0;
  EXPECT_FALSE(store_->VisitOrganizations(bad, [](const OrgRowView&) {}).ok());
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
  EXPECT_TRUE(store_->SaveOrganization(Org("D1E", "D1"), actor_).ok());
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
    ASSERT_TRUE(other.value()->SaveOrganization(Org("D1C", "D1"), actor_).ok());
    EXPECT_EQ(store_->DataVersion().value(), start.value());
  }
  const std::int64_t after_save = store_->DataVersion().value();
  EXPECT_GT(after_save, start.value());
  EXPECT_EQ(other.value()->DataVersion().value(), after_save);
  Upsert({Org("D1D", "D1")});
  EXPECT_GT(other.value()->DataVersion().value(), after_save);
}

TEST_P(ServerStoreTest, SaveOrganizationAuditsBeforeAndAfter) {
  Tree();
  core::Organization org = Org("D1C", "D1");
  core::Result<bool> created = store_->SaveOrganization(org, actor_);
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_TRUE(created.value());
  EXPECT_EQ(LastAudit("action"), "organization.create");
  EXPECT_EQ(LastAudit("entity"), "organization:D1C");
  EXPECT_EQ(LastAudit("before"), "");
  EXPECT_EQ(LastAudit("after"),
            R"({"code":"D1C","name":"Org D1C","type":"village","kind":"branch","parent":"D1",)"
            R"("secretary":"Sec D1C","unit":"u1"})");
  org.name = "Renamed";
  org.unit = "u9";  // a new unit is created
  created = store_->SaveOrganization(org, actor_);
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_FALSE(created.value());
  EXPECT_EQ(LastAudit("action"), "organization.update");
  EXPECT_NE(LastAudit("before").find("\"name\":\"Org D1C\""), std::string::npos);
  EXPECT_NE(LastAudit("after").find("\"name\":\"Renamed\""), std::string::npos);
  EXPECT_EQ(store_->GetOrganization("D1C").value()->org.unit, "u9");

  core::Result<bool> orphan = store_->SaveOrganization(Org("X", "missing"), actor_);
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM organizations WHERE code = 'X'"), 0);
}

TEST_P(ServerStoreTest, MembersListGetSave) {
  Tree();
  for (int i = 0; i < 5; ++i) {
    core::Member m{"M" + std::to_string(i),     "N", i < 4 ? "D1" : "D2",
                   core::MemberStatus::kMobile, "",  {}};
    core::Result<bool> created = store_->SaveMember(m, actor_);
    ASSERT_TRUE(created.ok() && created.value());
  }
  EXPECT_EQ(LastAudit("action"), "member.save");
  EXPECT_EQ(LastAudit("entity"), "member:M4");
  EXPECT_EQ(LastAudit("before"), "");
  core::Member m{"M0", "Changed", "D1", core::MemberStatus::kRetired, "1990-05-01", {}};
  ASSERT_FALSE(store_->SaveMember(m, actor_).value());
  EXPECT_NE(LastAudit("before").find("\"status\":\"mobile\""), std::string::npos);
  EXPECT_NE(LastAudit("after").find("\"status\":\"retired\""), std::string::npos);

  core::Result<Page<core::Member>> page = store_->ListMembers("D1", 1, 2);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page.value().total, 4);
  ASSERT_EQ(page.value().items.size(), 2u);
  EXPECT_EQ(page.value().items[0].id, "M1");
  EXPECT_EQ(store_->ListMembers("D1", 0, 0).error().field, "limit");
  core::Result<std::optional<core::Member>> got = store_->GetMember("M0");
  ASSERT_TRUE(got.ok() && got.value());
  EXPECT_EQ(got.value()->name, "Changed");
  EXPECT_EQ(got.value()->joined, "1990-05-01");
  EXPECT_FALSE(store_->GetMember("none").value().has_value());
}

TEST_P(ServerStoreTest, ScoresOfListSave) {
  Tree();
  ASSERT_TRUE(store_->SaveScore(Score("D1", 2016, 70), actor_).value());
  EXPECT_EQ(LastAudit("entity"), "score:D1:2016");
  EXPECT_EQ(LastAudit("action"), "score.save");
  EXPECT_EQ(LastAudit("before"), "");
  ASSERT_TRUE(store_->SaveScore(Score("D1", 2017, 80, core::Grade::kD), actor_).value());
  ASSERT_TRUE(store_->SaveScore(Score("D2A", 2016, 90), actor_).value());
  ASSERT_FALSE(store_->SaveScore(Score("D1", 2016, 75.5), actor_).value());
  EXPECT_NE(LastAudit("before").find("\"team\":70"), std::string::npos);
  EXPECT_NE(LastAudit("after").find("\"team\":75.5"), std::string::npos);

  core::Result<std::vector<core::ScoreRecord>> of = store_->ScoresOf("D1");
  ASSERT_TRUE(of.ok());
  ASSERT_EQ(of.value().size(), 2u);
  EXPECT_EQ(of.value()[0].year, 2016);
  EXPECT_DOUBLE_EQ(of.value()[0].dimensions[0], 75.5);
  EXPECT_EQ(of.value()[1].committee_grade, core::Grade::kD);
  EXPECT_EQ(of.value()[1].reason, "committee decision");

  OrgFilter f;
  core::Result<Page<core::ScoreRecord>> page = store_->ListScores(2016, f);
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page.value().total, 2);
  f.restrict_to_scope = true;
  f.within = {"D2"};
  page = store_->ListScores(2016, f);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page.value().items.size(), 1u);
  EXPECT_EQ(page.value().items[0].code, "D2A");
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
