// What the schema keeps of accounts and history (an account is never deleted; the
// subjects' contract: account_contract_test.cc) and the dashboard's reads (sql_dashboard.cc).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/store.h"
#include "storage/subject_test_support.h"
#include "storage/test_fixture.h"

namespace grassroots::storage {
namespace {

using test::Org;
using test::Result;

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

TEST_P(AccountStoreTest, SummaryRowsCarryNamesAndParentsAndQuotasAreRead) {
  Upsert({Org("A"), Org("A1", "A"), Org("C")});
  const core::OrgTable table = Table();
  core::AssessmentResult result = Result(2016, {0, 1, 0});
  result.consecutive = {0, 1, 0};
  ASSERT_TRUE(store_
                  ->SaveAssessment(core::MoheDefaultPolicy(), "v1", test::NoInputs(table).input,
                                   result, actor_)
                  .ok());
  auto rows = store_->LoadSummaryRows(2016);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows.value().size(), 3u);
  const SummaryRow& a1 = rows.value()[1];
  EXPECT_EQ(a1.code, "A1");
  EXPECT_EQ(a1.name, "Org A1");
  EXPECT_EQ(a1.parent, "A");
  EXPECT_EQ(a1.type, "village");
  EXPECT_TRUE(a1.selected);
  EXPECT_TRUE(a1.consecutive);
  EXPECT_FALSE(a1.score_cents.has_value());
  EXPECT_EQ(rows.value()[0].score_cents, 5850);
  EXPECT_EQ(rows.value()[0].grade, "D");
  auto quotas = store_->LoadQuotas(2016);
  ASSERT_TRUE(quotas.ok()) << quotas.error().message;
  ASSERT_EQ(quotas.value().size(), 1u);
  EXPECT_EQ(quotas.value()[0].unit, "u1");
  EXPECT_EQ(quotas.value()[0].type, "village");
  EXPECT_EQ(quotas.value()[0].quota, 1);
  EXPECT_EQ(quotas.value()[0].cut_cents, 5850);
  EXPECT_TRUE(store_->LoadSummaryRows(2015).value().empty());
  EXPECT_TRUE(store_->LoadQuotas(2015).value().empty());
}

INSTANTIATE_STORE_TESTS(AccountStoreTest);

}  // namespace
}  // namespace grassroots::storage
