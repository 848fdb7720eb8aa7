// Five-level support's storage (support_records.h) on both backends: a holder replaced keeps
// their row with its end, every write is audited in its transaction, counts per person.
#include "storage/support_records.h"

#include <gtest/gtest.h>

#include "storage/subject_test_support.h"
#include "storage/test_fixture.h"
#include "storage/test_status_of.h"

namespace grassroots::storage {
namespace {

using test::Org;
using test::StatusOf;

class SupportRecordsTest : public test::StoreTest {
 protected:
  void SetUp() override {
    test::StoreTest::SetUp();
    Upsert({Org("V1"), Org("V2"), Org("C1", "", "u2", core::OrgType::kCommunity)});
  }
  static core::SupportAssignmentInput Holder(core::SupportRole role, std::string person,
                                             std::string start) {
    core::SupportAssignmentInput input;
    input.year = 2016;
    input.role = role;
    input.person = std::move(person);
    input.start_date = std::move(start);
    return input;
  }
  template <typename Fn>
  core::Status Write(Fn fn) {
    return store_->Write(actor_, [&](Tx& tx) -> core::Status {
      SupportRecords records(tx);
      return fn(records);
    });
  }
  template <typename Fn>
  void Read(Fn fn) {
    ASSERT_TRUE(store_
                    ->Read([&](Tx& tx) -> core::Status {
                      SupportRecords records(tx);
                      fn(records);
                      return core::Status::Ok();
                    })
                    .ok());
  }
  std::int64_t AuditEntries() { return test::ListAudit(*store_, 0, 1).value().total; }
};

TEST_P(SupportRecordsTest, AReplacedHolderKeepsTheirRowEndedOnTheNewStart) {
  const auto leader = core::SupportRole::kContactLeader;
  ASSERT_TRUE(Write([&](SupportRecords& r) {
                return StatusOf(r.Assign("V1", Holder(leader, "张三", "2017-01-05")));
              }).ok());
  ASSERT_TRUE(Write([&](SupportRecords& r) {
                return StatusOf(r.Assign(
                    "V1", Holder(core::SupportRole::kFirstSecretary, "李四", "2017-01-06")));
              }).ok());
  const std::int64_t entries = AuditEntries();
  core::SupportAssignmentInput next = Holder(leader, "王五", "2017-03-01");
  next.user_name = "leader";
  next.phone = "13800000000";
  ASSERT_TRUE(Write([&](SupportRecords& r) { return StatusOf(r.Assign("V1", next)); }).ok());
  EXPECT_EQ(AuditEntries(), entries + 1);
  const AuditRecord last = test::ListAudit(*store_, 0, 1).value().items.at(0);
  EXPECT_EQ(last.action, "support.assign");
  EXPECT_EQ(last.entity, "support:V1:2016");
  EXPECT_NE(last.before_json.find("\"ended_on\":\"2017-03-01\""), std::string::npos);
  Read([](SupportRecords& r) {
    const std::vector<AssignmentRow> rows = r.Assignments("V1", 2016).value();
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].person, "张三");
    EXPECT_EQ(rows[0].ended_on, "2017-03-01");
    EXPECT_EQ(rows[1].person, "王五");
    EXPECT_EQ(rows[1].ended_on, "");
    EXPECT_EQ(rows[1].user_name, "leader");
    EXPECT_EQ(rows[2].role, "first_secretary");  // roles in their order
    EXPECT_TRUE(r.Assignments("V1", 2015).value().empty());
  });
}

TEST_P(SupportRecordsTest, VisitsTeamsAndFundsReadBackInDateOrder) {
  ASSERT_TRUE(
      Write([](SupportRecords& r) -> core::Status {
        if (auto id = r.AddVisit("V1", {2016, "2017-05-02", core::VisitKind::kOnSite, "张三",
                                        "contact_leader", "修路"});
            !id.ok()) {
          return id.error();
        }
        if (auto id =
                r.AddVisit("V1", {2016, "2017-04-01", core::VisitKind::kVisit, "张三", "", ""});
            !id.ok()) {
          return id.error();
        }
        if (auto id = r.AddWorkTeam("V1", {2016, "王五", "赵六", "农业局", "2017-03-01", ""});
            !id.ok()) {
          return id.error();
        }
        return StatusOf(r.AddFund("V1", {2016, 5'000'000, "活动场所", "2017-04-01"}));
      }).ok());
  Read([](SupportRecords& r) {
    const auto visits = r.Visits("V1", 2016).value();
    ASSERT_EQ(visits.size(), 2u);
    EXPECT_EQ(visits[0].visit_date, "2017-04-01");
    EXPECT_EQ(visits[1].kind, "on_site");
    EXPECT_EQ(visits[1].solved, "修路");
    const auto teams = r.WorkTeams("V1", 2016).value();
    ASSERT_EQ(teams.size(), 1u);
    EXPECT_EQ(teams[0].end_date, "");
    const auto funds = r.Funds("V1", 2016).value();
    ASSERT_EQ(funds.size(), 1u);
    EXPECT_EQ(funds[0].amount_fen, 5'000'000);
    EXPECT_TRUE(r.Visits("V2", 2016).value().empty());
  });
}

TEST_P(SupportRecordsTest, LeadersAreCountedPerPersonAndRoleWithinTheScope) {
  const auto leader = core::SupportRole::kContactLeader;
  ASSERT_TRUE(
      Write([&](SupportRecords& r) -> core::Status {
        for (const char* code : {"V1", "V2", "C1"}) {
          if (auto id = r.Assign(code, Holder(leader, "张三", "2017-01-05")); !id.ok()) {
            return id.error();
          }
        }
        if (auto id = r.Assign("V1", Holder(core::SupportRole::kOrgGuide, "李四", "2017-01-05"));
            !id.ok()) {
          return id.error();
        }
        if (auto id =
                r.AddVisit("V1", {2016, "2017-04-01", core::VisitKind::kVisit, "张三", "", ""});
            !id.ok()) {
          return id.error();
        }
        return StatusOf(
            r.AddVisit("C1", {2016, "2017-04-02", core::VisitKind::kOnSite, "张三", "", ""}));
      }).ok());
  Read([](SupportRecords& r) {
    const auto all = r.Leaders(2016, {}).value();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].person, "张三");
    EXPECT_EQ(all[0].organizations, 3);
    EXPECT_EQ(all[0].visits, 1);
    EXPECT_EQ(all[0].on_site, 1);
    EXPECT_EQ(all[1].role, "org_guide");
    OrgFilter scope;
    scope.restrict_to_scope = true;
    scope.only = {"C1"};
    const auto mine = r.Leaders(2016, scope).value();
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(mine[0].organizations, 1);
    EXPECT_EQ(mine[0].visits, 0);
    EXPECT_EQ(mine[0].on_site, 1);
  });
}

TEST_P(SupportRecordsTest, AReadSnapshotRefusesToWrite) {
  core::Status status = store_->Read([](Tx& tx) {
    return StatusOf(SupportRecords(tx).AddFund("V1", {2016, 1, "x", "2017-01-01"}));
  });
  EXPECT_FALSE(status.ok());
}

INSTANTIATE_STORE_TESTS(SupportRecordsTest);

}  // namespace
}  // namespace grassroots::storage
