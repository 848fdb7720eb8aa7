// The ledger's reads (ledger_records.h) on both backends: filters, order, scope and paging.
#include "storage/ledger_records.h"

#include <gtest/gtest.h>

#include "storage/rectification_rows.h"
#include "storage/test_fixture.h"

namespace grassroots::storage {
namespace {

using test::ItemRow;
using test::Org;

LedgerFilter Year(int year) {
  LedgerFilter filter;
  filter.year = year;
  return filter;
}

class LedgerRecordsTest : public test::StoreTest {
 protected:
  void SetUp() override {
    test::StoreTest::SetUp();
    // Two direct organizations, D1 (a village branch below it) and D2 (a community) in u2.
    Upsert({Org("D1"), Org("D1-1", "D1"), Org("D2", "", "u2", core::OrgType::kCommunity)});
    Add({"D1-1", 2016, "team", "建班子", "甲", "supervisor", "2017-03-31", "closed"});
    Add({"D1-1", 2016, "venue", "修场所", "乙", "", "2017-06-30", "open"});
    Add({"D1", 2016, "", "定制度", "丙", "", "2017-04-30", "submitted"});
    Add({"D2", 2016, "service", "服务群众", "丁", "", "2017-12-31", "in_progress"});
    Add({"D2", 2015, "service", "去年的", "戊", "", "2016-12-31", "open"});
  }
  void Add(const ItemRow& item) {
    ASSERT_TRUE(store_
                    ->Write(actor_,
                            [&](Tx& tx) -> core::Status {
                              if (test::InsertItem(tx.db(), item) < 0) {
                                return core::Error::Internal("insert failed");
                              }
                              return core::Status::Ok();
                            })
                    .ok());
  }
  Page<LedgerRow> List(const LedgerFilter& filter) {
    Page<LedgerRow> page;
    core::Status status = store_->Read([&](Tx& tx) -> core::Status {
      auto listed = LedgerRecords(tx).List(filter);
      if (!listed.ok()) return listed.error();
      page = std::move(listed).value();
      return core::Status::Ok();
    });
    EXPECT_TRUE(status.ok()) << status.error().message;
    return page;
  }
  static std::vector<std::string> Measures(const Page<LedgerRow>& page) {
    std::vector<std::string> out;
    for (const LedgerRow& row : page.items) out.push_back(row.measure);
    return out;
  }
};

TEST_P(LedgerRecordsTest, AYearsItemsComeByOrganizationThenItemWithTheirOrganization) {
  const Page<LedgerRow> page = List(Year(2016));
  EXPECT_EQ(page.total, 4);
  EXPECT_EQ(Measures(page), (std::vector<std::string>{"定制度", "建班子", "修场所", "服务群众"}));
  const LedgerRow& first = page.items.at(1);
  EXPECT_EQ(first.org_code, "D1-1");
  EXPECT_EQ(first.org_name, "Org D1-1");
  EXPECT_EQ(first.unit, "u1");
  EXPECT_EQ(first.type, "village");
  EXPECT_EQ(first.dimension, "team");
  EXPECT_EQ(first.support_role, "supervisor");
  EXPECT_EQ(first.deadline, "2017-03-31");
  EXPECT_EQ(first.state, "closed");
  EXPECT_EQ(first.evidence_count, 0);
  EXPECT_EQ(page.items.at(0).dimension, "");
}

TEST_P(LedgerRecordsTest, FiltersByStateUnitTypeOrganizationAndOverdue) {
  LedgerFilter filter = Year(2016);
  filter.state = "open";
  EXPECT_EQ(Measures(List(filter)), (std::vector<std::string>{"修场所"}));
  filter = Year(2016);
  filter.org.unit = "u2";
  EXPECT_EQ(Measures(List(filter)), (std::vector<std::string>{"服务群众"}));
  filter = Year(2016);
  filter.org.type = "village";
  EXPECT_EQ(List(filter).total, 3);
  filter = Year(2016);
  filter.org_code = "D1";
  EXPECT_EQ(Measures(List(filter)), (std::vector<std::string>{"定制度"}));
  // Overdue before 2017-05-01: the closed one is not, however old its deadline.
  filter = Year(2016);
  filter.overdue_before = "2017-05-01";
  EXPECT_EQ(Measures(List(filter)), (std::vector<std::string>{"定制度"}));
  filter.overdue_before = "2017-04-30";  // its deadline's own day: not yet
  EXPECT_EQ(List(filter).total, 0);
}

// A unit's items come in organization code order whatever the organizations' types (the walk
// from a unit's organizations reads them by code, not by type then code).
TEST_P(LedgerRecordsTest, AUnitsItemsComeInCodeOrderAcrossTypes) {
  Upsert({Org("D1-0", "D1", "u1", core::OrgType::kCommunity)});
  Add({"D1-0", 2016, "", "社区议事", "己", "", "2017-05-31", "open"});
  LedgerFilter filter = Year(2016);
  filter.org.unit = "u1";
  EXPECT_EQ(Measures(List(filter)),
            (std::vector<std::string>{"定制度", "社区议事", "建班子", "修场所"}));
  filter.org.limit = 2;
  filter.org.offset = 1;
  EXPECT_EQ(Measures(List(filter)), (std::vector<std::string>{"社区议事", "建班子"}));
}

TEST_P(LedgerRecordsTest, ScopeLimitsToASubtreeOrExactOrganizations) {
  LedgerFilter filter = Year(2016);
  filter.org.restrict_to_scope = true;
  filter.org.within = {"D1"};
  EXPECT_EQ(List(filter).total, 3);
  filter.org.within.clear();
  filter.org.only = {"D1-1"};
  EXPECT_EQ(Measures(List(filter)), (std::vector<std::string>{"建班子", "修场所"}));
}

TEST_P(LedgerRecordsTest, PagesAndForEachReadEveryRowInOrder) {
  LedgerFilter filter = Year(2016);
  filter.org.limit = 2;
  filter.org.offset = 2;
  EXPECT_EQ(Measures(List(filter)), (std::vector<std::string>{"修场所", "服务群众"}));
  std::vector<std::string> all;
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) {
                    return LedgerRecords(tx).ForEach(filter, [&](const LedgerRow& row) {
                      all.push_back(row.measure);
                      return core::Status::Ok();
                    });
                  })
                  .ok());
  EXPECT_EQ(all, (std::vector<std::string>{"定制度", "建班子", "修场所", "服务群众"}));
}

INSTANTIATE_STORE_TESTS(LedgerRecordsTest);

}  // namespace
}  // namespace grassroots::storage
