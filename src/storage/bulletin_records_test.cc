// The bulletin's storage (bulletin_records.h) on both backends: items with their direct
// organization, and issued bulletins kept as they were stored.
#include "storage/bulletin_records.h"

#include <gtest/gtest.h>

#include "storage/rectification_rows.h"
#include "storage/server_sql.h"
#include "storage/test_fixture.h"

namespace grassroots::storage {
namespace {

using test::ItemRow;
using test::Org;

class BulletinRecordsTest : public test::StoreTest {
 protected:
  void SetUp() override {
    test::StoreTest::SetUp();
    // D1 with a branch two levels down; D2 alone.
    Upsert({Org("D1"), Org("D1-1", "D1"), Org("D1-1-1", "D1-1"), Org("D2")});
    Add({"D1-1-1", 2016, "team", "建班子", "甲", "", "2016-05-31", "closed"}, "2016-05-20");
    Add({"D1", 2016, "", "定制度", "乙", "", "2016-06-30", "open"});
    Add({"D2", 2016, "", "服务群众", "丙", "", "2016-09-30", "open"});
    Add({"D2", 2015, "", "去年的", "丁", "", "2015-09-30", "open"});
  }
  void Add(const ItemRow& item, const std::string& closed_on = {}) {
    ASSERT_TRUE(store_
                    ->Write(actor_,
                            [&](Tx& tx) -> core::Status {
                              const std::int64_t id = test::InsertItem(tx.db(), item);
                              if (id < 0) return core::Error::Internal("insert failed");
                              if (closed_on.empty()) return core::Status::Ok();
                              return Execute(tx.db(),
                                             "UPDATE rectification_items SET closed_on = ?"
                                             " WHERE id = ?",
                                             {closed_on, id});
                            })
                    .ok());
  }
  std::vector<core::BulletinItem> Items(int year, const std::string& unit) {
    std::vector<core::BulletinItem> items;
    EXPECT_TRUE(store_
                    ->Read([&](Tx& tx) -> core::Status {
                      auto read = BulletinRecords(tx).Items(year, unit);
                      if (!read.ok()) return read.error();
                      items = std::move(read).value();
                      return core::Status::Ok();
                    })
                    .ok());
    return items;
  }
  core::Result<IssuedBulletin> Issue(const std::string& quarter, const std::string& unit) {
    IssuedBulletin bulletin;
    bulletin.year = 2016;
    bulletin.quarter = quarter;
    bulletin.unit_code = unit;
    bulletin.figures = R"({"k":1})";
    core::Result<IssuedBulletin> out = core::Error::Internal("not run");
    core::Status s = store_->Write(actor_, [&](Tx& tx) -> core::Status {
      out = BulletinRecords(tx).Add(bulletin);
      return out.ok() ? core::Status::Ok() : core::Status(out.error());
    });
    if (!s.ok()) return s.error();
    return out;
  }
};

TEST_P(BulletinRecordsTest, ItemsOfAYearComeWithTheDirectOrganizationTheyLieUnder) {
  const std::vector<core::BulletinItem> items = Items(2016, "");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].org_code, "D1");
  EXPECT_EQ(items[0].unit_code, "D1");
  EXPECT_EQ(items[1].org_code, "D1-1-1");
  EXPECT_EQ(items[1].unit_code, "D1");
  EXPECT_EQ(items[1].unit_name, "Org D1");
  EXPECT_EQ(items[1].org_name, "Org D1-1-1");
  EXPECT_EQ(items[1].measure, "建班子");
  EXPECT_EQ(items[1].responsible, "甲");
  EXPECT_EQ(items[1].deadline, (core::CivilDate{2016, 5, 31}));
  EXPECT_EQ(items[1].closed_on, (core::CivilDate{2016, 5, 20}));
  EXPECT_FALSE(items[0].closed_on.has_value());
  EXPECT_EQ(items[2].unit_code, "D2");
  EXPECT_EQ(Items(2016, "D2").size(), 1u);
  EXPECT_EQ(Items(2016, "D1").size(), 2u);
  EXPECT_TRUE(Items(2016, "D1-1").empty());  // not a direct organization
}

TEST_P(BulletinRecordsTest, AnIssuedBulletinIsNumberedWithinItsYearAndKeptAsStored) {
  auto first = Issue("2016-Q1", "");
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first.value().number, 1);
  EXPECT_EQ(first.value().issued_by, "tester");
  EXPECT_FALSE(first.value().audit_head.empty());
  auto second = Issue("2016-Q2", "D1");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.value().number, 2);
  auto again = Issue("2016-Q1", "");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().reason, "bulletin_already_issued");
  std::optional<IssuedBulletin> found;
  std::vector<IssuedBulletin> listed;
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) -> core::Status {
                    auto f = BulletinRecords(tx).Find("2016-Q1", "");
                    if (!f.ok()) return f.error();
                    found = f.value();
                    auto l = BulletinRecords(tx).List();
                    if (!l.ok()) return l.error();
                    listed = l.value();
                    return core::Status::Ok();
                  })
                  .ok());
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->figures, R"({"k":1})");
  EXPECT_EQ(found->audit_head, first.value().audit_head);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].quarter, "2016-Q2");
  EXPECT_EQ(listed[0].unit_code, "D1");
  EXPECT_TRUE(listed[0].figures.empty());
}

TEST_P(BulletinRecordsTest, AnIssuedBulletinCannotBeChangedOrRemoved) {
  ASSERT_TRUE(Issue("2016-Q1", "").ok());
  for (const char* sql : {"UPDATE bulletins SET figures = '{}'", "DELETE FROM bulletins"}) {
    const core::Status changed =
        store_->Write(actor_, [&](Tx& tx) { return Execute(tx.db(), sql, {}); });
    EXPECT_FALSE(changed.ok()) << sql;
  }
  core::Result<std::optional<IssuedBulletin>> kept = core::Error::Internal("not read");
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) -> core::Status {
                    kept = BulletinRecords(tx).Find("2016-Q1", "");
                    return core::Status::Ok();
                  })
                  .ok());
  ASSERT_TRUE(kept.ok() && kept.value());
  EXPECT_EQ(kept.value()->figures, R"({"k":1})");
}

INSTANTIATE_STORE_TESTS(BulletinRecordsTest);

}  // namespace
}  // namespace grassroots::storage
