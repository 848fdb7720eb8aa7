// A page of plans in the caller's scope (RectificationRecords::Plans) and the tallies of a
// year's plans (PlanTallies), on SQLite and PostgreSQL: the scope, the plans an account
// supervises through five-level support in that plan's year, the finished filter and the page
// are the database's.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/rectification_records.h"
#include "storage/support_records.h"
#include "storage/test_fixture.h"

namespace grassroots::storage {
namespace {

using test::Org;

class PlanListsTest : public test::StoreTest {
 protected:
  // D1-01 (2016): two items, both closed: finished. D1-02 (2016): one open item. D2-01: a plan
  // in 2015 and in 2016, no items; "sup" supervises it in 2016 only.
  void SetUp() override {
    StoreTest::SetUp();
    Upsert({Org("D1"), Org("D1-01", "D1"), Org("D1-02", "D1"), Org("D2"), Org("D2-01", "D2")});
    ASSERT_TRUE(store_
                    ->Write(actor_,
                            [&](Tx& tx) -> core::Status {
                              RectificationRecords records(tx);
                              if (auto s = Plan(records, 2016, "D1-01", 2, true); !s.ok()) return s;
                              if (auto s = Plan(records, 2016, "D1-02", 1, false); !s.ok())
                                return s;
                              if (auto s = Plan(records, 2016, "D2-01", 0, false); !s.ok())
                                return s;
                              if (auto s = Plan(records, 2015, "D2-01", 0, false); !s.ok())
                                return s;
                              core::SupportAssignmentInput sup;
                              sup.year = 2016;
                              sup.role = core::SupportRole::kSupervisor;
                              sup.person = "督导员";
                              sup.user_name = "sup";
                              sup.start_date = "2016-03-01";
                              auto assigned = SupportRecords(tx).Assign("D2-01", sup);
                              return assigned.ok() ? core::Status::Ok()
                                                   : core::Status(assigned.error());
                            })
                    .ok());
  }

  static core::Status Plan(RectificationRecords& records, int year, const std::string& code,
                           int items, bool close) {
    auto plan = records.CreatePlan(year, code);
    if (!plan.ok()) return plan.error();
    for (int i = 0; i < items; ++i) {
      ItemRecord item;
      item.plan_id = plan.value();
      item.year = year;
      item.org_code = code;
      item.measure = "整改";
      item.responsible = "王书记";
      item.deadline = "2016-09-30";
      auto id = records.AddItem(item);
      if (!id.ok()) return id.error();
      if (!close) continue;
      item.id = id.value();
      const StepRecord step{"close", "open", "closed", "", "test", ""};
      if (auto s = records.MoveItem(item, step, 0, "2016-09-01"); !s.ok()) return s;
    }
    return core::Status::Ok();
  }

  // "year:code" of each plan on the page, and the total.
  std::pair<std::vector<std::string>, std::int64_t> Page(const PlanQuery& query) {
    std::vector<std::string> seen;
    std::int64_t total = -1;
    EXPECT_TRUE(store_
                    ->Read([&](Tx& tx) -> core::Status {
                      auto page = RectificationRecords(tx).Plans(query);
                      if (!page.ok()) return page.error();
                      for (const PlanRecord& p : page.value().items) {
                        seen.push_back(std::to_string(p.year) + ":" + p.org_code);
                      }
                      total = page.value().total;
                      return core::Status::Ok();
                    })
                    .ok());
    return {seen, total};
  }
};

// "year:code" of plans, as Page lists them.
using PlanKeys = std::vector<std::string>;

TEST_P(PlanListsTest, TheScopeAndTheSupervisedPlansOfTheirYearMakeTheList) {
  PlanQuery query;
  query.org.restrict_to_scope = true;
  query.org.within = {"D1"};
  EXPECT_EQ(Page(query).first, (PlanKeys{"2016:D1-01", "2016:D1-02"}));
  query.supervisor = "sup";  // D2-01's supervisor of 2016, not of 2015
  EXPECT_EQ(Page(query).first, (PlanKeys{"2016:D1-01", "2016:D1-02", "2016:D2-01"}));
  query.supervisor = "someone_else";
  EXPECT_EQ(Page(query).second, 2);

  PlanQuery own;
  own.org.restrict_to_scope = true;
  own.org.only = {"D2-01"};
  EXPECT_EQ(Page(own).first, (PlanKeys{"2015:D2-01", "2016:D2-01"}));
  own.year = 2016;
  EXPECT_EQ(Page(own).first, (PlanKeys{"2016:D2-01"}));

  PlanQuery everything;  // no scope: the county
  EXPECT_EQ(Page(everything).second, 4);
}

TEST_P(PlanListsTest, FinishedMeansSomeItemsAndEveryOneClosed) {
  PlanQuery query;
  query.year = 2016;
  query.finished = true;
  EXPECT_EQ(Page(query).first, (PlanKeys{"2016:D1-01"}));
  query.finished = false;  // an open item, or no items at all
  EXPECT_EQ(Page(query).first, (PlanKeys{"2016:D1-02", "2016:D2-01"}));
}

TEST_P(PlanListsTest, APageIsCutByTheDatabaseWithTheTotalOfEveryMatch) {
  PlanQuery query;
  query.org.offset = 1;
  query.org.limit = 2;
  const auto [page, total] = Page(query);
  EXPECT_EQ(page, (PlanKeys{"2016:D1-01", "2016:D1-02"}));  // after 2015:D2-01
  EXPECT_EQ(total, 4);
  query.org.limit = 0;
  bool refused = false;
  EXPECT_FALSE(store_
                   ->Read([&](Tx& tx) -> core::Status {
                     auto read = RectificationRecords(tx).Plans(query);
                     refused = !read.ok() && read.error().field == "limit";
                     return read.ok() ? core::Status::Ok() : core::Status(read.error());
                   })
                   .ok());
  EXPECT_TRUE(refused);
}

TEST_P(PlanListsTest, TalliesCountEachPlansItemsAndTheClosedOnes) {
  std::vector<PlanTally> tallies;
  ASSERT_TRUE(
      store_
          ->Read([&](Tx& tx) -> core::Status {
            auto read = RectificationRecords(tx).PlanTallies(2016, {"D2", "D1-02", "D1-01"});
            if (!read.ok()) return read.error();
            tallies = read.value();
            return core::Status::Ok();
          })
          .ok());
  ASSERT_EQ(tallies.size(), 2u);  // D2 has no plan
  EXPECT_EQ(tallies[0].org_code, "D1-01");
  EXPECT_EQ(tallies[0].items, 2);
  EXPECT_EQ(tallies[0].closed, 2);
  EXPECT_EQ(tallies[0].outcome, "");
  EXPECT_EQ(tallies[1].org_code, "D1-02");
  EXPECT_EQ(tallies[1].items, 1);
  EXPECT_EQ(tallies[1].closed, 0);
}

INSTANTIATE_STORE_TESTS(PlanListsTest);

}  // namespace
}  // namespace grassroots::storage
