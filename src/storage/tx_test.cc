// The transaction handle (tx.h): Write commits what its function did with its audit entries, or
// nothing at all; Read gives a snapshot that refuses writes. On both backends.
#include "storage/tx.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "storage/import_writer.h"
#include "storage/subject_test_support.h"
#include "storage/test_fixture.h"

namespace grassroots::storage {
namespace {

using test::Org;

class TxTest : public test::StoreTest {
 protected:
  // Adds a unit row through `tx`: a write that no Store method makes, as a new subject would.
  static core::Status AddUnit(Tx& tx, const std::string& code) {
    if (core::Status s = tx.RequireWritable(); !s.ok()) return s;
    core::Result<Statement> insert = tx.db().Prepare("INSERT INTO units (code) VALUES (?)");
    if (!insert.ok()) return insert.error();
    insert.value().BindText(1, code);
    if (core::Status s = insert.value().Run(); !s.ok()) return s;
    return tx.Audit("unit.create", "unit:" + code, std::nullopt, "{\"code\":\"" + code + "\"}");
  }
  std::int64_t Units() {
    std::int64_t count = -1;
    EXPECT_TRUE(store_
                    ->Read([&](Tx& tx) -> core::Status {
                      core::Result<std::int64_t> n = tx.db().QueryInt("SELECT COUNT(*) FROM units");
                      if (!n.ok()) return n.error();
                      count = n.value();
                      return core::Status::Ok();
                    })
                    .ok());
    return count;
  }
  std::int64_t AuditEntries() { return test::ListAudit(*store_, 0, 1).value().total; }
};

TEST_P(TxTest, WriteCommitsTheChangeWithItsAuditEntryNamingTheActor) {
  const std::int64_t entries = AuditEntries();
  ASSERT_TRUE(store_->Write(actor_, [](Tx& tx) { return AddUnit(tx, "u9"); }).ok());
  EXPECT_EQ(Units(), 1);
  EXPECT_EQ(AuditEntries(), entries + 1);
  const AuditRecord last = test::ListAudit(*store_, 0, 1).value().items.at(0);
  EXPECT_EQ(last.action, "unit.create");
  EXPECT_EQ(last.actor, actor_.name);
  EXPECT_TRUE(test::VerifyAudit(*store_, std::nullopt).value().ok);
}

TEST_P(TxTest, AnErrorRollsBackEveryStepAndItsAuditEntries) {
  const std::int64_t entries = AuditEntries();
  core::Status status = store_->Write(actor_, [](Tx& tx) -> core::Status {
    if (core::Status s = AddUnit(tx, "u1"); !s.ok()) return s;
    return core::Error::Invalid("the second step was refused", "field");
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message, "the second step was refused");
  EXPECT_EQ(Units(), 0);
  EXPECT_EQ(AuditEntries(), entries);
}

TEST_P(TxTest, AnExceptionIsAnInternalErrorAndWritesNothing) {
  core::Status status = store_->Write(actor_, [](Tx& tx) -> core::Status {
    (void)AddUnit(tx, "u1");
    throw std::runtime_error("out of memory");
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, core::ErrorCode::kInternal);
  EXPECT_EQ(Units(), 0);
}

TEST_P(TxTest, AReadSnapshotRefusesToWrite) {
  core::Status status = store_->Read([](Tx& tx) { return AddUnit(tx, "u1"); });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, core::ErrorCode::kInternal);
  EXPECT_EQ(Units(), 0);
}

TEST_P(TxTest, AReadInsideBeginReadingSeesItsSnapshot) {
  ASSERT_TRUE(ImportBatch(*store_, actor_, {Org("A")}).ok());
  ASSERT_TRUE(store_->BeginReading().ok());
  std::int64_t seen = -1;
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) -> core::Status {
                    seen = tx.db().QueryInt("SELECT COUNT(*) FROM organizations").value();
                    return core::Status::Ok();
                  })
                  .ok());
  store_->EndReading();
  EXPECT_EQ(seen, 1);
}

INSTANTIATE_STORE_TESTS(TxTest);

}  // namespace
}  // namespace grassroots::storage
