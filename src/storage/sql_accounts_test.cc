// Account changes (sql_accounts.cc).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/store.h"
#include "storage/test_fixture.h"

namespace grassroots::storage {
namespace {

using test::Org;

class AccountStoreTest : public test::StoreTest {
 protected:
  std::int64_t AddUser(const std::string& name, core::Role role,
                       std::vector<std::string> scope = {}) {
    UserRecord user;
    user.name = name;
    user.role = role;
    user.scope = std::move(scope);
    user.password_hash = "hash-of-" + name;
    core::Result<std::int64_t> id = store_->CreateUser(user, actor_);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? id.value() : 0;
  }
  void AddSession(std::int64_t user_id, const std::string& token_hash) {
    ASSERT_TRUE(store_->CreateSession({token_hash, user_id, "csrf", 4'000'000'000}).ok());
  }
  bool HasSession(const std::string& token_hash) {
    auto found = store_->FindSession(token_hash, 0);
    return found.ok() && found.value().has_value();
  }
  AuditRecord LastAudit() {
    core::Result<Page<AuditRecord>> page = store_->ListAudit(0, 1);
    EXPECT_TRUE(page.ok() && !page.value().items.empty());
    return page.ok() && !page.value().items.empty() ? page.value().items[0] : AuditRecord{};
  }
};

TEST_P(AccountStoreTest, RoleAndScopeChangeEndsEverySessionAndIsAudited) {
  Upsert({Org("D1"), Org("D2")});
  const std::int64_t id = AddUser("wang", core::Role::kUnitAdmin, {"D1"});
  const std::int64_t other = AddUser("li", core::Role::kAuditor);
  AddSession(id, "s1");
  AddSession(id, "s2");
  AddSession(other, "s3");
  UserChange change;
  change.role = core::Role::kLeader;
  change.scope = std::vector<std::string>{"D2"};
  ASSERT_TRUE(store_->UpdateUser(id, change, "", actor_).ok());
  auto user = store_->GetUser(id);
  ASSERT_TRUE(user.ok() && user.value());
  EXPECT_EQ(user.value()->role, core::Role::kLeader);
  EXPECT_EQ(user.value()->scope, std::vector<std::string>{"D2"});
  EXPECT_EQ(user.value()->password_hash, "hash-of-wang");  // untouched
  EXPECT_FALSE(HasSession("s1"));
  EXPECT_FALSE(HasSession("s2"));
  EXPECT_TRUE(HasSession("s3"));  // another user's
  const AuditRecord audit = LastAudit();
  EXPECT_EQ(audit.action, "user.update");
  EXPECT_EQ(audit.entity, "user:wang");
  EXPECT_NE(audit.before_json.find("\"unit_admin\""), std::string::npos);
  EXPECT_NE(audit.after_json.find("\"leader\""), std::string::npos);
  EXPECT_EQ(audit.after_json.find("hash"), std::string::npos);
  EXPECT_TRUE(store_->VerifyAudit(std::nullopt).value().ok);
}

TEST_P(AccountStoreTest, PasswordChangeKeepsTheNamedSessionOnly) {
  const std::int64_t id = AddUser("zhao", core::Role::kAdmin);
  AddSession(id, "current");
  AddSession(id, "elsewhere");
  UserChange change;
  change.password_hash = "new-hash";
  ASSERT_TRUE(store_->UpdateUser(id, change, "current", actor_).ok());
  EXPECT_EQ(store_->GetUser(id).value()->password_hash, "new-hash");
  EXPECT_TRUE(HasSession("current"));
  EXPECT_FALSE(HasSession("elsewhere"));
  const AuditRecord audit = LastAudit();
  EXPECT_NE(audit.after_json.find("\"password\":\"changed\""), std::string::npos);
  EXPECT_EQ(audit.after_json.find("new-hash"), std::string::npos);
}

TEST_P(AccountStoreTest, DisablingKeepsTheAccountEndsItsSessionsAndIsAudited) {
  const std::int64_t id = AddUser("zhou", core::Role::kAuditor);
  AddSession(id, "s1");
  UserChange disable;
  disable.disabled = true;
  ASSERT_TRUE(store_->UpdateUser(id, disable, "", actor_).ok());
  auto user = store_->FindUser("zhou");
  ASSERT_TRUE(user.ok() && user.value());
  EXPECT_TRUE(user.value()->disabled());
  const std::string since = user.value()->disabled_at;
  EXPECT_FALSE(HasSession("s1"));
  AuditRecord audit = LastAudit();
  EXPECT_EQ(audit.action, "user.disable");
  EXPECT_EQ(audit.entity, "user:zhou");
  EXPECT_NE(audit.before_json.find("\"disabled\":false"), std::string::npos);
  EXPECT_NE(audit.after_json.find("\"disabled\":true"), std::string::npos);
  // Disabling again keeps the time it was first disabled.
  ASSERT_TRUE(store_->UpdateUser(id, disable, "", actor_).ok());
  EXPECT_EQ(store_->GetUser(id).value()->disabled_at, since);
  UserChange enable;
  enable.disabled = false;
  ASSERT_TRUE(store_->UpdateUser(id, enable, "", actor_).ok());
  EXPECT_FALSE(store_->GetUser(id).value()->disabled());
  EXPECT_EQ(LastAudit().action, "user.enable");
  EXPECT_TRUE(store_->VerifyAudit(std::nullopt).value().ok);
}

TEST_P(AccountStoreTest, TheDatabaseRefusesToDeleteWhatHistoryRefersTo) {
  Upsert({Org("D1")});
  AddUser("wu", core::Role::kAuditor);
  core::Member member;
  member.id = "M1";
  member.name = "党员";
  member.org = "D1";
  ASSERT_TRUE(store_->UpsertMembers({member}, actor_).ok());
  ASSERT_TRUE(store_->UpsertScores({test::Score("D1", 2016, 70)}, actor_).ok());
  // Another connection, as any code or tool reaching the file would.
  core::Result<Database> db = OpenDatabase(url_);
  ASSERT_TRUE(db.ok());
  for (const char* table : {"users", "organizations", "members", "scores"}) {
    const core::Status deleted = db.value().Exec(std::string("DELETE FROM ") + table, "test");
    EXPECT_FALSE(deleted.ok()) << table;
  }
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM users"), 1);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM organizations"), 1);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM members"), 1);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM scores"), 1);
}

TEST_P(AccountStoreTest, UnknownUserIsNotFoundAndNothingIsAudited) {
  const std::int64_t before = QueryInt("SELECT COUNT(*) FROM audit_log");
  core::Status status = store_->UpdateUser(999, UserChange{}, "", actor_);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log"), before);
}

INSTANTIATE_STORE_TESTS(AccountStoreTest);

}  // namespace
}  // namespace grassroots::storage
