// The contract of the account, session and audit-log subjects (account_records.h,
// session_records.h, audit_log.h) as the use cases rely on it, on every backend, through the
// subjects only (no SQL): what is stored and read back, what each write audits (never a password
// hash), why an ended session was ended, which events leave the data version alone, and that a
// use case of several steps is one transaction.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "storage/account_records.h"
#include "storage/audit_log.h"
#include "storage/session_records.h"
#include "storage/store.h"
#include "storage/subject_test_support.h"
#include "storage/test_fixture.h"
#include "storage/tx.h"

namespace grassroots::storage {
namespace {

using test::Org;
using Strings = std::vector<std::string>;

constexpr std::int64_t kFarFuture = 4'000'000'000;

class AccountContractTest : public test::StoreTest {
 protected:
  std::int64_t AddUser(const std::string& name, core::Role role = core::Role::kAuditor,
                       Strings scope = {}) {
    UserRecord user;
    user.name = name;
    user.role = role;
    user.scope = std::move(scope);
    user.password_hash = "$argon2id$hash-of-" + name;
    core::Result<std::int64_t> id = test::CreateUser(*store_, user, actor_);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? id.value() : 0;
  }

  core::Status Write(const std::function<core::Status(Tx&)>& fn) {
    return store_->Write(actor_, fn);
  }

  void AddSession(std::int64_t user_id, const std::string& token_hash,
                  std::int64_t expires_at = kFarFuture) {
    ASSERT_TRUE(
        Write([&](Tx& tx) {
          return SessionRecords(tx).Create({token_hash, user_id, "csrf-" + token_hash, expires_at});
        }).ok());
  }

  std::optional<SessionRecord> FindSession(const std::string& token_hash, std::int64_t now = 0) {
    core::Result<std::optional<SessionRecord>> found =
        ReadValue(*store_, [&](Tx& tx) { return SessionRecords(tx).Find(token_hash, now); });
    EXPECT_TRUE(found.ok()) << found.error().message;
    return found.ok() ? found.value() : std::nullopt;
  }

  std::string EndReason(const std::string& token_hash, std::int64_t now = 0) {
    core::Result<std::string> why =
        ReadValue(*store_, [&](Tx& tx) { return SessionRecords(tx).EndReason(token_hash, now); });
    EXPECT_TRUE(why.ok()) << why.error().message;
    return why.ok() ? why.value() : "?";
  }

  core::Result<UserRecord> Update(std::int64_t id, const UserChange& change) {
    return WriteValue(*store_, actor_,
                      [&](Tx& tx) { return AccountRecords(tx).Update(id, change); });
  }

  std::optional<UserRecord> Get(std::int64_t id) {
    core::Result<std::optional<UserRecord>> user =
        ReadValue(*store_, [&](Tx& tx) { return AccountRecords(tx).Get(id); });
    EXPECT_TRUE(user.ok()) << user.error().message;
    return user.ok() ? user.value() : std::nullopt;
  }

  Page<AuditRecord> Audit(std::int64_t offset = 0, std::int64_t limit = 1000) {
    core::Result<Page<AuditRecord>> page = test::ListAudit(*store_, offset, limit);
    EXPECT_TRUE(page.ok()) << page.error().message;
    return page.ok() ? page.value() : Page<AuditRecord>{};
  }
  AuditRecord LastAudit() {
    const Page<AuditRecord> page = Audit(0, 1);
    return page.items.empty() ? AuditRecord{} : page.items[0];
  }
  bool TrailMentions(const std::string& text) {
    for (const AuditRecord& entry : Audit().items) {
      if (entry.before_json.find(text) != std::string::npos ||
          entry.after_json.find(text) != std::string::npos) {
        return true;
      }
    }
    return false;
  }
  bool Verifies() {
    core::Result<AuditVerification> v = test::VerifyAudit(*store_, std::nullopt);
    return v.ok() && v.value().ok;
  }
  std::int64_t Version() {
    core::Result<std::int64_t> version = store_->DataVersion();
    EXPECT_TRUE(version.ok());
    return version.ok() ? version.value() : -1;
  }
};

// --- Accounts ---

TEST_P(AccountContractTest, AnAccountIsCreatedAuditedWithoutItsHashAndReadBack) {
  const std::int64_t id = AddUser("alice", core::Role::kUnitAdmin, {"D1", "D2"});
  ASSERT_GT(id, 0);
  AuditRecord created = LastAudit();
  EXPECT_EQ(created.action, "user.create");
  EXPECT_EQ(created.entity, "user:alice");
  EXPECT_EQ(created.actor, "tester");
  EXPECT_NE(created.after_json.find(R"("role":"unit_admin","scope":["D1","D2"])"),
            std::string::npos);
  EXPECT_FALSE(TrailMentions("argon2"));

  core::Result<std::optional<UserRecord>> found = test::FindUser(*store_, "alice");
  ASSERT_TRUE(found.ok() && found.value());
  EXPECT_EQ(found.value()->id, id);
  EXPECT_EQ(found.value()->role, core::Role::kUnitAdmin);
  EXPECT_EQ(found.value()->scope, (Strings{"D1", "D2"}));
  EXPECT_EQ(found.value()->password_hash, "$argon2id$hash-of-alice");
  EXPECT_EQ(found.value()->created_at, "2016-06-30T16:00:00Z");  // the store's now
  EXPECT_FALSE(found.value()->disabled());
  EXPECT_FALSE(test::FindUser(*store_, "bob").value().has_value());

  const std::int64_t bob = AddUser("bob");
  EXPECT_NE(bob, id);
  ASSERT_TRUE(Get(bob));
  EXPECT_EQ(Get(bob)->name, "bob");
  EXPECT_TRUE(Get(bob)->scope.empty());
  EXPECT_FALSE(Get(999));
  core::Result<std::vector<UserRecord>> all =
      ReadValue(*store_, [](Tx& tx) { return AccountRecords(tx).List(); });
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all.value().size(), 2u);
  EXPECT_EQ(all.value()[0].name, "alice");  // by name
  EXPECT_EQ(all.value()[1].name, "bob");
  for (const char* name : {"alice", "bob", "carol"}) {
    core::Result<bool> exists =
        ReadValue(*store_, [&](Tx& tx) { return AccountRecords(tx).Exists(name); });
    ASSERT_TRUE(exists.ok());
    EXPECT_EQ(exists.value(), std::string(name) != "carol") << name;
  }
}

TEST_P(AccountContractTest, ATakenOrEmptyNameIsRefusedAndNothingIsAudited) {
  AddUser("alice");
  const std::int64_t entries = Audit().total;
  UserRecord again;
  again.name = "alice";
  again.password_hash = "h";
  core::Result<std::int64_t> taken = test::CreateUser(*store_, again, actor_);
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(taken.error().field, "name");
  again.name.clear();
  core::Result<std::int64_t> nameless = test::CreateUser(*store_, again, actor_);
  ASSERT_FALSE(nameless.ok());
  EXPECT_EQ(nameless.error().code, core::ErrorCode::kInvalid);
  EXPECT_EQ(Audit().total, entries);
  // The store is still usable after the refused write.
  EXPECT_GT(AddUser("bob"), 0);
}

TEST_P(AccountContractTest, ANewPasswordHashIsAuditedAsChangedNeverAsTheHash) {
  const std::int64_t id = AddUser("alice");
  ASSERT_TRUE(
      Write([&](Tx& tx) { return AccountRecords(tx).SetPasswordHash(id, "$argon2id$new"); }).ok());
  EXPECT_EQ(Get(id)->password_hash, "$argon2id$new");
  const AuditRecord set = LastAudit();
  EXPECT_EQ(set.action, "user.password");
  EXPECT_EQ(set.entity, "user:alice");
  EXPECT_NE(set.after_json.find(R"("password":"changed")"), std::string::npos);
  EXPECT_FALSE(TrailMentions("argon2"));
  core::Status unknown =
      Write([](Tx& tx) { return AccountRecords(tx).SetPasswordHash(999, "$argon2id$x"); });
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(unknown.error().field, "user_id");
}

TEST_P(AccountContractTest, AChangeIsAuditedBeforeAndAfterAndAnswersTheAccountAsChanged) {
  const std::int64_t id = AddUser("wang", core::Role::kUnitAdmin, {"D1"});
  UserChange change;
  change.role = core::Role::kLeader;
  change.scope = Strings{"D2"};
  change.password_hash = "$argon2id$new";
  change.real_name = "王明";
  change.phone = "13800000000";
  change.must_change_password = true;
  core::Result<UserRecord> changed = Update(id, change);
  ASSERT_TRUE(changed.ok()) << changed.error().message;
  for (const UserRecord& user : {changed.value(), *Get(id)}) {
    EXPECT_EQ(user.role, core::Role::kLeader);
    EXPECT_EQ(user.scope, Strings{"D2"});
    EXPECT_EQ(user.password_hash, "$argon2id$new");
    EXPECT_EQ(user.real_name, "王明");
    EXPECT_EQ(user.phone, "13800000000");
    EXPECT_TRUE(user.must_change_password);
  }
  const AuditRecord audit = LastAudit();
  EXPECT_EQ(audit.action, "user.update");
  EXPECT_EQ(audit.entity, "user:wang");
  EXPECT_NE(audit.before_json.find(R"("role":"unit_admin","scope":["D1"])"), std::string::npos);
  EXPECT_NE(audit.after_json.find(R"("role":"leader","scope":["D2"])"), std::string::npos);
  EXPECT_NE(audit.after_json.find(R"("password":"changed")"), std::string::npos);
  EXPECT_EQ(audit.before_json.find(R"("password":)"), std::string::npos);
  EXPECT_FALSE(TrailMentions("argon2"));

  // Fields left nullopt stay.
  UserChange phone_only;
  phone_only.phone = "13900000000";
  ASSERT_TRUE(Update(id, phone_only).ok());
  EXPECT_EQ(Get(id)->role, core::Role::kLeader);
  EXPECT_EQ(Get(id)->real_name, "王明");
  EXPECT_EQ(LastAudit().after_json.find(R"("password":)"), std::string::npos);
  EXPECT_TRUE(Verifies());
}

TEST_P(AccountContractTest, DisablingKeepsTheFirstTimeAndEnablingClearsIt) {
  const std::int64_t id = AddUser("zhou");
  UserChange disable;
  disable.disabled = true;
  ASSERT_TRUE(Update(id, disable).ok());
  ASSERT_TRUE(Get(id)->disabled());
  const std::string since = Get(id)->disabled_at;
  EXPECT_EQ(since, "2016-06-30T16:00:00Z");
  AuditRecord audit = LastAudit();
  EXPECT_EQ(audit.action, "user.disable");
  EXPECT_NE(audit.before_json.find(R"("disabled":false)"), std::string::npos);
  EXPECT_NE(audit.after_json.find(R"("disabled":true)"), std::string::npos);
  clock_.Advance(60);
  ASSERT_TRUE(Update(id, disable).ok());
  EXPECT_EQ(Get(id)->disabled_at, since);
  UserChange enable;
  enable.disabled = false;
  ASSERT_TRUE(Update(id, enable).ok());
  EXPECT_FALSE(Get(id)->disabled());
  EXPECT_EQ(LastAudit().action, "user.enable");
  EXPECT_TRUE(Verifies());
}

TEST_P(AccountContractTest, AChangeOfAnUnknownAccountIsNotFoundAndNothingIsAudited) {
  const std::int64_t entries = Audit().total;
  core::Result<UserRecord> changed = Update(999, UserChange{});
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(changed.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(changed.error().field, "name");
  EXPECT_EQ(Audit().total, entries);
}

// --- Sessions ---

TEST_P(AccountContractTest, SessionsAreFoundUntilTheyExpireOrAreDeleted) {
  const std::int64_t id = AddUser("alice");
  AddSession(id, "t1", 1000);
  AddSession(id, "t2", 2000);
  std::optional<SessionRecord> t1 = FindSession("t1", 999);
  ASSERT_TRUE(t1);
  EXPECT_EQ(t1->user_id, id);
  EXPECT_EQ(t1->csrf_token, "csrf-t1");
  EXPECT_EQ(t1->expires_at, 1000);
  EXPECT_FALSE(FindSession("t1", 1000));  // expired
  EXPECT_EQ(EndReason("t1", 1000), "session_expired");
  EXPECT_FALSE(FindSession("nope"));
  EXPECT_EQ(EndReason("nope"), "");  // never issued
  ASSERT_TRUE(Write([](Tx& tx) { return SessionRecords(tx).Delete("t2"); }).ok());
  EXPECT_FALSE(FindSession("t2"));
  EXPECT_EQ(EndReason("t2"), "");  // logged out: nothing to tell
}

TEST_P(AccountContractTest, EndedSessionsAreToldWhyUntilTheyWouldHaveExpired) {
  const std::int64_t id = AddUser("li");
  const std::int64_t other = AddUser("wu");
  const std::int64_t later = clock_.Now() + 3600;
  AddSession(id, "kept", later);
  AddSession(id, "ended", later);
  AddSession(other, "theirs", later);
  ASSERT_TRUE(Write([&](Tx& tx) {
                return SessionRecords(tx).EndAllOf(id, kEndedPasswordChanged, "kept");
              }).ok());
  EXPECT_TRUE(FindSession("kept"));
  EXPECT_TRUE(FindSession("theirs"));  // another account's
  EXPECT_FALSE(FindSession("ended"));
  EXPECT_EQ(EndReason("ended"), "password_changed");
  EXPECT_EQ(EndReason("ended", later), "");  // it would have expired by then
  EXPECT_EQ(EndReason("kept"), "");

  ASSERT_TRUE(
      Write([&](Tx& tx) { return SessionRecords(tx).EndAllOf(id, kEndedAccountDisabled); }).ok());
  EXPECT_FALSE(FindSession("kept"));
  EXPECT_EQ(EndReason("kept"), "account_disabled");
  EXPECT_EQ(EndReason("ended"), "password_changed");  // ended before, told as then
  // A session ended again is told the newer reason.
  AddSession(other, "again", later);
  ASSERT_TRUE(
      Write([&](Tx& tx) { return SessionRecords(tx).EndAllOf(other, kEndedAccountChanged); }).ok());
  EXPECT_EQ(EndReason("theirs"), "account_changed");
  EXPECT_EQ(EndReason("again"), "account_changed");
}

// What app::ChangeAccount does: the change, its audit entry and the sessions it ends in one
// Write, all or nothing.
TEST_P(AccountContractTest, AnAccountChangeThatEndsSessionsIsOneTransaction) {
  const std::int64_t id = AddUser("zhao", core::Role::kAdmin);
  AddSession(id, "s1");
  const std::int64_t entries = Audit().total;
  UserChange disable;
  disable.disabled = true;
  core::Status failed = Write([&](Tx& tx) -> core::Status {
    if (auto changed = AccountRecords(tx).Update(id, disable); !changed.ok()) {
      return changed.error();
    }
    if (core::Status s = SessionRecords(tx).EndAllOf(id, kEndedAccountDisabled); !s.ok()) return s;
    return core::Error::Conflict("a later step failed");
  });
  ASSERT_FALSE(failed.ok());
  EXPECT_FALSE(Get(id)->disabled());
  EXPECT_TRUE(FindSession("s1"));
  EXPECT_EQ(EndReason("s1"), "");
  EXPECT_EQ(Audit().total, entries);

  ASSERT_TRUE(Write([&](Tx& tx) -> core::Status {
                if (auto changed = AccountRecords(tx).Update(id, disable); !changed.ok()) {
                  return changed.error();
                }
                return SessionRecords(tx).EndAllOf(id, kEndedAccountDisabled);
              }).ok());
  EXPECT_TRUE(Get(id)->disabled());
  EXPECT_FALSE(FindSession("s1"));
  EXPECT_EQ(EndReason("s1"), "account_disabled");
  EXPECT_EQ(Audit().total, entries + 1);
  EXPECT_TRUE(Verifies());
}

TEST_P(AccountContractTest, NoSubjectWritesThroughAReadSnapshot) {
  const std::int64_t id = AddUser("alice");
  AddSession(id, "s1");
  const std::int64_t entries = Audit().total;
  std::vector<core::ErrorCode> codes;
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) {
                    AccountRecords accounts(tx);
                    SessionRecords sessions(tx);
                    UserRecord bob;
                    bob.name = "bob";
                    codes.push_back(accounts.Create(bob).error().code);
                    codes.push_back(accounts.SetPasswordHash(id, "x").error().code);
                    codes.push_back(accounts.Update(id, UserChange{}).error().code);
                    codes.push_back(sessions.Create({"s2", id, "c", kFarFuture}).error().code);
                    codes.push_back(sessions.Delete("s1").error().code);
                    codes.push_back(sessions.EndAllOf(id, kEndedAccountChanged).error().code);
                    codes.push_back(AuditLog(tx).RecordEvent("login", "user:alice").error().code);
                    return core::Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(codes, std::vector<core::ErrorCode>(7, core::ErrorCode::kInternal));
  EXPECT_TRUE(FindSession("s1"));
  EXPECT_FALSE(FindSession("s2"));
  EXPECT_EQ(Audit().total, entries);
}

// --- The audit log ---

// Remembered answers are kept by the data version (Store::DataVersion): events that change no
// data and sessions must not throw them away; a change of an account must.
TEST_P(AccountContractTest, EventsAndSessionsAreInTheTrailButLeaveTheDataVersion) {
  const std::int64_t id = AddUser("alice");
  const std::int64_t version = Version();
  EXPECT_GT(version, 0);
  ASSERT_TRUE(Write([](Tx& tx) {
                return AuditLog(tx).RecordEvent("login_failed", "session", R"({"name":"bob"})");
              }).ok());
  ASSERT_TRUE(
      Write([&](Tx& tx) -> core::Status {
        if (core::Status s = SessionRecords(tx).Create({"s1", id, "c", kFarFuture}); !s.ok()) {
          return s;
        }
        return AuditLog(tx).RecordEvent("login", "user:alice");
      }).ok());
  ASSERT_TRUE(Write([](Tx& tx) -> core::Status {
                if (core::Status s = SessionRecords(tx).Delete("s1"); !s.ok()) return s;
                return AuditLog(tx).RecordEvent("logout", "user:alice");
              }).ok());
  EXPECT_EQ(Version(), version);
  const Page<AuditRecord> page = Audit(0, 3);
  ASSERT_EQ(page.items.size(), 3u);
  EXPECT_EQ(page.items[0].action, "logout");
  EXPECT_EQ(page.items[1].action, "login");
  EXPECT_EQ(page.items[2].action, "login_failed");
  EXPECT_EQ(page.items[2].entity, "session");
  EXPECT_EQ(page.items[2].after_json, R"({"name":"bob"})");
  EXPECT_EQ(page.items[1].after_json, "");
  EXPECT_EQ(page.items[1].actor, "tester");
  EXPECT_EQ(page.items[1].origin, "127.0.0.1");
  EXPECT_TRUE(Verifies());

  UserChange phone;
  phone.phone = "13800000000";
  ASSERT_TRUE(Update(id, phone).ok());
  EXPECT_GT(Version(), version);
}

TEST_P(AccountContractTest, TheTrailIsListedNewestFirstInPages) {
  for (const char* action : {"auth.login", "auth.logout", "auth.failed"}) {
    ASSERT_TRUE(Write([&](Tx& tx) { return AuditLog(tx).RecordEvent(action, "user:alice"); }).ok());
  }
  const Page<AuditRecord> page = Audit(1, 5);
  EXPECT_EQ(page.total, 3);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].action, "auth.logout");
  EXPECT_EQ(page.items[1].action, "auth.login");
  EXPECT_GT(page.items[0].id, page.items[1].id);
  EXPECT_EQ(page.items[0].prev_hash, page.items[1].hash);
  EXPECT_EQ(test::ListAudit(*store_, 0, 0).error().field, "limit");
  EXPECT_EQ(test::ListAudit(*store_, -1, 10).error().field, "offset");
  EXPECT_EQ(test::ListAudit(*store_, 0, 1001).error().field, "limit");
}

TEST_P(AccountContractTest, AnImportsChangeRecordsAreListedAndFoundByEntity) {
  Upsert({Org("A"), Org("B")});
  core::Organization renamed = Org("A");
  renamed.name = "Renamed";
  Upsert({renamed, Org("B")});  // changes A only
  const AuditRecord import = LastAudit();
  EXPECT_EQ(import.change_count, 1);
  core::Result<Page<AuditRecord>> changes = test::ListAuditChanges(*store_, import.id, 0, 50);
  ASSERT_TRUE(changes.ok()) << changes.error().message;
  EXPECT_EQ(changes.value().total, 1);
  ASSERT_EQ(changes.value().items.size(), 1u);
  EXPECT_EQ(changes.value().items[0].entity, "organization:A");
  EXPECT_EQ(changes.value().items[0].id, import.id);
  EXPECT_EQ(changes.value().items[0].action, import.action);
  EXPECT_NE(changes.value().items[0].after_json.find("Renamed"), std::string::npos);
  EXPECT_EQ(test::ListAuditChanges(*store_, import.id, 0, 0).error().field, "limit");

  // A's whole story, oldest first: created, then renamed; after the first entry only the rename.
  core::Result<std::vector<AuditRecord>> a = test::AuditChangesOf(*store_, "organization:A", 0);
  ASSERT_TRUE(a.ok()) << a.error().message;
  ASSERT_EQ(a.value().size(), 2u);
  EXPECT_EQ(a.value()[0].before_json, "");
  EXPECT_EQ(a.value()[1].before_json, a.value()[0].after_json);
  core::Result<std::vector<AuditRecord>> since =
      test::AuditChangesOf(*store_, "organization:A", a.value()[0].id);
  ASSERT_TRUE(since.ok());
  ASSERT_EQ(since.value().size(), 1u);
  EXPECT_EQ(since.value()[0].id, import.id);
  // A single write is found by the entry's own entity.
  const std::int64_t id = AddUser("alice");
  ASSERT_GT(id, 0);
  core::Result<std::vector<AuditRecord>> alice = test::AuditChangesOf(*store_, "user:alice", 0);
  ASSERT_TRUE(alice.ok());
  ASSERT_EQ(alice.value().size(), 1u);
  EXPECT_EQ(alice.value()[0].action, "user.create");
  EXPECT_TRUE(test::AuditChangesOf(*store_, "user:nobody", 0).value().empty());
}

TEST_P(AccountContractTest, TheHeadIsTheNewestEntryAndAHeadWrittenDownMustStayInTheChain) {
  core::Result<ChainHead> empty = test::AuditHead(*store_);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty.value().id, 0);
  AddUser("alice");
  AddUser("bob");
  core::Result<ChainHead> head = test::AuditHead(*store_);
  ASSERT_TRUE(head.ok());
  const AuditRecord last = LastAudit();
  EXPECT_EQ(head.value().id, last.id);
  EXPECT_EQ(head.value().hash, last.hash);

  core::Result<AuditVerification> v = test::VerifyAudit(*store_, head.value());
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_TRUE(v.value().ok) << v.value().message;
  EXPECT_EQ(v.value().entries, 2);
  EXPECT_EQ(v.value().head, head.value());
  EXPECT_EQ(v.value().head_file.empty(), postgres());  // SQLite keeps one beside its file

  // A head past the end: entries were cut. One with another hash: the chain was rewritten.
  core::Result<AuditVerification> cut =
      test::VerifyAudit(*store_, ChainHead{head.value().id + 3, head.value().hash});
  ASSERT_TRUE(cut.ok());
  EXPECT_FALSE(cut.value().ok);
  EXPECT_FALSE(cut.value().reason.empty());
  core::Result<AuditVerification> rewritten =
      test::VerifyAudit(*store_, ChainHead{head.value().id, std::string(64, 'f')});
  ASSERT_TRUE(rewritten.ok());
  EXPECT_FALSE(rewritten.value().ok);
}

INSTANTIATE_STORE_TESTS(AccountContractTest);

}  // namespace
}  // namespace grassroots::storage
