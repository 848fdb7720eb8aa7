// What the schema keeps of accounts and history (an account is never deleted; the
// subjects' contract: account_contract_test.cc).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/import_writer.h"
#include "storage/store.h"
#include "storage/subject_test_support.h"
#include "storage/test_fixture.h"

namespace grassroots::storage {
namespace {

using test::Org;

class AccountStoreTest : public test::StoreTest {};

TEST_P(AccountStoreTest, TheDatabaseRefusesToDeleteWhatHistoryRefersTo) {
  Upsert({Org("D1")});
  UserRecord user;
  user.name = "wu";
  user.password_hash = "h";
  ASSERT_TRUE(test::CreateUser(*store_, user, actor_).ok());
  core::Member member;
  member.id = "M1";
  member.name = "党员";
  member.org = "D1";
  ASSERT_TRUE(ImportBatch(*store_, actor_, {member}).ok());
  ASSERT_TRUE(ImportBatch(*store_, actor_, {test::Score("D1", 2016, 70)}).ok());
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

INSTANTIATE_STORE_TESTS(AccountStoreTest);

}  // namespace
}  // namespace grassroots::storage
