#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "storage/audit_chain.h"
#include "storage/open_store.h"
#include "storage/organization_subject.h"
#include "storage/store.h"
#include "storage/subject_test_support.h"
#include "storage/test_fixture.h"
#include "storage/tx.h"

namespace grassroots::storage {
namespace {

using core::OrgType;
using test::Codes;
using test::Org;
using test::Result;
using test::Score;

// --- Server (issue 3) ---

class ServerStoreTest : public test::StoreTest {
 protected:
  // D1 (u1) > D1A > D1A1, D1B; D2 (u2, community) > D2A.
  void Tree() {
    Upsert({Org("D1"), Org("D1A", "D1"), Org("D1A1", "D1A"), Org("D1B", "D1"),
            Org("D2", "", "u2", OrgType::kCommunity), Org("D2A", "D2", "u2", OrgType::kCommunity)});
  }
  // A change made through another connection. PostgreSQL hears of changes from the audit trail
  // (postgres/pg_data_version.h), so there it is made as every writer makes it, with its audit
  // entry in the same transaction; SQLite sees even a hand edit of the file.
  void ChangeElsewhere(const std::string& sql) {
    if (!postgres()) return Exec(sql);
    core::Result<Database> db = OpenDatabase(url_);
    ASSERT_TRUE(db.ok());
    core::Result<Transaction> txn = Transaction::Begin(db.value());
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE(db.value().Exec(sql, "test").ok());
    AuditEntry entry;
    entry.actor = "tester";
    entry.origin = "test";
    entry.action = "test.change";
    entry.entity = "organizations";
    ASSERT_TRUE(AppendAudit(db.value(), entry).ok());
    ASSERT_TRUE(txn.value().Commit().ok());
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
    core::Result<Page<AuditRecord>> page = test::ListAudit(*store_, 0, 1);
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
// through this connection or another.
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
  ChangeElsewhere(
      "INSERT INTO organizations (code, name, type, kind, parent_code, secretary, unit_code)"
      " VALUES ('D1D', 'x', 'village', 'branch', 'D1', 's', 'u1')");
  List({}, &total);
  EXPECT_EQ(total, 8);
  OrgFilter f;
  f.unit = "u1";
  std::int64_t in_u1 = 0;
  List(f, &in_u1);
  // Organizations are never deleted (migration 006): another connection moves one instead.
  ChangeElsewhere(
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

INSTANTIATE_STORE_TESTS(ServerStoreTest);

}  // namespace
}  // namespace grassroots::storage
