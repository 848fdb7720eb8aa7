// Party life's and the collective economy's storage (party_life_records.h) on both backends: a
// meeting is stored with its audit entry and found again by its key, lists follow the scope and
// the days, committees are not branches, members on the roll are counted, and a village's
// economy is recorded once per year, replaced with its audit entry naming the value before.
#include "storage/party_life_records.h"

#include <gtest/gtest.h>

#include "storage/import_writer.h"
#include "storage/subject_test_support.h"
#include "storage/test_fixture.h"
#include "storage/test_status_of.h"

namespace grassroots::storage {
namespace {

using test::Org;
using test::StatusOf;

core::MeetingRecord Meeting(std::string code, core::MeetingKind kind, core::CivilDate on,
                            std::string topic) {
  core::MeetingRecord m;
  m.org_code = std::move(code);
  m.kind = kind;
  m.on = on;
  m.attended = 6;
  m.topic = std::move(topic);
  return m;
}

class PartyLifeRecordsTest : public test::StoreTest {
 protected:
  void SetUp() override {
    test::StoreTest::SetUp();
    // T1 a town committee with branches V1 and V2; T2 another with V3.
    Upsert(
        {Org("T1"), Org("V1", "T1"), Org("V2", "T1"), Org("T2", "", "u2"), Org("V3", "T2", "u2")});
  }
  core::Result<core::MeetingRecord> Add(const core::MeetingRecord& m) {
    core::MeetingRecord stored;
    core::Status s = store_->Write(actor_, [&](Tx& tx) -> core::Status {
      auto added = PartyMeetingRecords(tx).Add(m);
      if (!added.ok()) return added.error();
      stored = added.value();
      return core::Status::Ok();
    });
    if (!s.ok()) return s.error();
    return stored;
  }
  template <typename Fn>
  void Read(Fn fn) {
    ASSERT_TRUE(store_
                    ->Read([&](Tx& tx) -> core::Status {
                      fn(tx);
                      return core::Status::Ok();
                    })
                    .ok());
  }
  static OrgFilter Within(std::string code) {
    OrgFilter f;
    f.restrict_to_scope = true;
    f.within = {std::move(code)};
    return f;
  }
};

TEST_P(PartyLifeRecordsTest, AMeetingIsStoredWithItsAuditEntryAndFoundByItsKey) {
  const std::int64_t audits = test::ListAudit(*store_, 0, 1).value().total;
  auto stored = Add(Meeting("V1", core::MeetingKind::kPartyLecture, {2016, 5, 4}, "党章"));
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  EXPECT_GT(stored.value().id, 0);
  EXPECT_EQ(stored.value().recorded_by, "tester");
  EXPECT_EQ(test::ListAudit(*store_, 0, 1).value().total, audits + 1);
  EXPECT_EQ(test::ListAudit(*store_, 0, 1).value().items[0].action, "meeting.create");
  Read([&](Tx& tx) {
    PartyMeetingRecords records(tx);
    EXPECT_TRUE(
        records.Exists(Meeting("V1", core::MeetingKind::kPartyLecture, {2016, 5, 4}, "党章"))
            .value());
    EXPECT_FALSE(
        records.Exists(Meeting("V1", core::MeetingKind::kPartyLecture, {2016, 5, 4}, "党史"))
            .value());
    auto held = records.HeldAt("V1", core::DaysOf(core::Quarter{2016, 2}));
    ASSERT_TRUE(held.ok());
    ASSERT_EQ(held.value().size(), 1u);
    EXPECT_EQ(held.value()[0].kind, core::MeetingKind::kPartyLecture);
    EXPECT_EQ(held.value()[0].attended, 6);
    EXPECT_EQ(held.value()[0].expected, 0);
  });
}

TEST_P(PartyLifeRecordsTest, TheSameMeetingTwiceIsRefusedByTheDatabase) {
  ASSERT_TRUE(Add(Meeting("V1", core::MeetingKind::kGroupMeeting, {2016, 5, 4}, "学习")).ok());
  EXPECT_FALSE(Add(Meeting("V1", core::MeetingKind::kGroupMeeting, {2016, 5, 4}, "学习")).ok());
}

TEST_P(PartyLifeRecordsTest, ListsFollowTheScopeAndTheDays) {
  ASSERT_TRUE(Add(Meeting("V1", core::MeetingKind::kGroupMeeting, {2016, 4, 1}, "a")).ok());
  ASSERT_TRUE(Add(Meeting("V2", core::MeetingKind::kGroupMeeting, {2016, 6, 30}, "b")).ok());
  ASSERT_TRUE(Add(Meeting("V3", core::MeetingKind::kGroupMeeting, {2016, 5, 1}, "c")).ok());
  ASSERT_TRUE(Add(Meeting("V1", core::MeetingKind::kGroupMeeting, {2016, 7, 1}, "d")).ok());
  Read([&](Tx& tx) {
    PartyMeetingRecords records(tx);
    auto q2 = records.Held(core::DaysOf(core::Quarter{2016, 2}), OrgFilter{});
    ASSERT_TRUE(q2.ok());
    ASSERT_EQ(q2.value().size(), 3u);
    EXPECT_EQ(q2.value()[0].org_name, "Org V1");
    auto t1 = records.Held(core::DaysOf(core::Quarter{2016, 2}), Within("T1"));
    ASSERT_TRUE(t1.ok());
    ASSERT_EQ(t1.value().size(), 2u);
    EXPECT_EQ(t1.value()[1].meeting.org_code, "V2");
    auto branches = records.Branches(Within("T1"));
    ASSERT_TRUE(branches.ok());
    ASSERT_EQ(branches.value().size(), 2u);  // T1 is a committee
    EXPECT_EQ(branches.value()[0].code, "V1");
  });
}

TEST_P(PartyLifeRecordsTest, MembersOnTheRollAreCounted) {
  std::vector<core::Member> members;
  for (int i = 0; i < 3; ++i) {
    core::Member m;
    m.id = "M" + std::to_string(i);
    m.name = "党员" + std::to_string(i);
    m.org = "V1";
    members.push_back(m);
  }
  ASSERT_TRUE(ImportBatch(*store_, actor_, members).ok());
  Read([&](Tx& tx) {
    EXPECT_EQ(PartyMeetingRecords(tx).MembersOnRoll("V1").value(), 3);
    EXPECT_EQ(PartyMeetingRecords(tx).MembersOnRoll("V2").value(), 0);
  });
}

TEST_P(PartyLifeRecordsTest, AVillagesEconomyIsRecordedOncePerYearAndReplacedAudited) {
  const auto rec = [](std::string code, int year, std::int64_t fen, core::EconomyModel model) {
    core::EconomyRecord r;
    r.org_code = std::move(code);
    r.year = year;
    r.income_fen = fen;
    r.model = model;
    return r;
  };
  core::EconomyRecord r = rec("V1", 2016, 1'234'567, core::EconomyModel::kServiceDriven);
  const auto put = [&](const core::EconomyRecord& record) {
    return store_->Write(actor_, [&](Tx& tx) { return StatusOf(EconomyRecords(tx).Put(record)); });
  };
  ASSERT_TRUE(put(r).ok());
  r.income_fen = 2'000'000;
  r.model = core::EconomyModel::kResourceBased;
  ASSERT_TRUE(put(r).ok());
  ASSERT_TRUE(put(rec("V3", 2016, 5, core::EconomyModel::kProjectSymbiosis)).ok());
  ASSERT_TRUE(put(rec("V1", 2015, 7, core::EconomyModel::kServiceDriven)).ok());
  auto audit = test::ListAudit(*store_, 0, 3).value();
  EXPECT_EQ(audit.items[2].action, "economy.record");
  EXPECT_FALSE(audit.items[2].before_json.empty());  // the replacement names the value before
  Read([&](Tx& tx) {
    EconomyRecords records(tx);
    auto got = records.Get("V1", 2016);
    ASSERT_TRUE(got.ok());
    ASSERT_TRUE(got.value());
    EXPECT_EQ(got.value()->income_fen, 2'000'000);
    EXPECT_EQ(got.value()->model, core::EconomyModel::kResourceBased);
    auto y2016 = records.List(2016, OrgFilter{});
    ASSERT_TRUE(y2016.ok());
    EXPECT_EQ(y2016.value().size(), 2u);
    auto all_t1 = records.List(0, Within("T1"));
    ASSERT_TRUE(all_t1.ok());
    ASSERT_EQ(all_t1.value().size(), 2u);
    EXPECT_EQ(all_t1.value()[0].record.year, 2015);
  });
}

INSTANTIATE_STORE_TESTS(PartyLifeRecordsTest);

}  // namespace
}  // namespace grassroots::storage
