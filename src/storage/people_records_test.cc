// Training classes (training_records.h) and members' changes of status
// (member_status_records.h) on both backends: rows written with their audit entries, lists and
// histories read back in order, the member's status changed with its history in one write, and
// the history kept (never updated or deleted).
#include <gtest/gtest.h>

#include "storage/import_writer.h"
#include "storage/member_status_records.h"
#include "storage/organization_subject.h"
#include "storage/subject_test_support.h"
#include "storage/test_fixture.h"
#include "storage/test_status_of.h"
#include "storage/training_records.h"

namespace grassroots::storage {
namespace {

using test::Org;
using test::StatusOf;

class PeopleRecordsTest : public test::StoreTest {
 protected:
  void SetUp() override {
    test::StoreTest::SetUp();
    Upsert({Org("V1"), Org("V2")});
    core::Member m;
    m.id = "M1";
    m.name = "张三";
    m.org = "V1";
    m.joined = "2010-01-01";
    core::Member n = m;
    n.id = "M2";
    n.name = "李四";
    n.status = core::MemberStatus::kMobile;
    ASSERT_TRUE(ImportBatch(*store_, actor_, {m, n}).ok());
  }
  std::int64_t Audits() { return test::ListAudit(*store_, 0, 1).value().total; }
  core::MemberStatus MemberStatusOf(const std::string& id) {
    auto member = ReadValue(*store_, [&](Tx& tx) { return MemberRecords(tx).Find(id); });
    EXPECT_TRUE(member.ok() && member.value());
    return member.ok() && member.value() ? member.value()->status : core::MemberStatus::kRegular;
  }

  core::TrainingClass Class(std::string name, core::CivilDate start) {
    core::TrainingClass c;
    c.name = std::move(name);
    c.starts_on = start;
    c.ends_on = start;
    c.organizer = "县委组织部";
    c.place = "县委党校";
    return c;
  }
  std::int64_t AddClass(const core::TrainingClass& c) {
    std::int64_t id = 0;
    EXPECT_TRUE(store_
                    ->Write(actor_,
                            [&](Tx& tx) -> core::Status {
                              auto added = TrainingRecords(tx).Add(c);
                              if (!added.ok()) return added.error();
                              id = added.value().id;
                              return core::Status::Ok();
                            })
                    .ok());
    return id;
  }
  core::Status Attend(std::int64_t id, std::vector<core::Attendee> list) {
    return store_->Write(actor_,
                         [&](Tx& tx) { return TrainingRecords(tx).AddAttendees(id, list); });
  }
  core::StatusChange Change(std::string id, core::CivilDate on, core::MemberStatus from,
                            core::MemberStatus to) {
    core::StatusChange c;
    c.member_id = std::move(id);
    c.on = on;
    c.from = from;
    c.to = to;
    c.note = "外出务工";
    return c;
  }
};

TEST_P(PeopleRecordsTest, AClassAndItsListAreStoredWithAnAuditEntryPerRow) {
  const std::int64_t before = Audits();
  const std::int64_t id = AddClass(Class("2016年春季进修班", {2016, 4, 11}));
  ASSERT_GT(id, 0);
  ASSERT_TRUE(Attend(id, {{"Sec V1", "V1", true, ""}, {"Sec V2", "V2", false, "病假"}}).ok());
  EXPECT_EQ(Audits(), before + 3);
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) -> core::Status {
                    TrainingRecords records(tx);
                    auto c = records.Get(id);
                    EXPECT_TRUE(c.ok() && c.value());
                    EXPECT_EQ(c.value()->attendees, 2);
                    EXPECT_EQ(c.value()->attended, 1);
                    EXPECT_EQ(c.value()->recorded_by, "tester");
                    auto list = records.Attendees(id);
                    EXPECT_EQ(list.value().size(), 2u);
                    EXPECT_EQ(list.value()[1].attendee.note, "病假");
                    EXPECT_FALSE(list.value()[1].attendee.attended);
                    EXPECT_EQ(list.value()[0].org_name, "Org V1");
                    return core::Status::Ok();
                  })
                  .ok());
  // The same person of the same organization twice breaks the table's uniqueness.
  EXPECT_FALSE(Attend(id, {{"Sec V1", "V1", true, ""}}).ok());
}

TEST_P(PeopleRecordsTest, ListsAreNewestFirstByYearAndAHistoryOldestFirst) {
  const std::int64_t a = AddClass(Class("2015年进修班", {2015, 9, 1}));
  const std::int64_t b = AddClass(Class("2016年春季进修班", {2016, 4, 11}));
  const std::int64_t c = AddClass(Class("2016年秋季进修班", {2016, 10, 8}));
  ASSERT_TRUE(Attend(a, {{"Sec V1", "V1", true, ""}}).ok());
  ASSERT_TRUE(Attend(c, {{"Sec V1", "V1", false, ""}, {"Sec V2", "V2", true, ""}}).ok());
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) -> core::Status {
                    TrainingRecords records(tx);
                    TrainingFilter in_2016;
                    in_2016.year = 2016;
                    auto page = records.List(in_2016);
                    EXPECT_EQ(page.value().total, 2);
                    EXPECT_EQ(page.value().items[0].id, c);
                    EXPECT_EQ(page.value().items[1].id, b);
                    EXPECT_EQ(records.List(TrainingFilter{}).value().total, 3);
                    auto history = records.HistoryOf("V1", "Sec V1");
                    EXPECT_EQ(history.value().size(), 2u);
                    EXPECT_EQ(history.value()[0].training.id, a);
                    EXPECT_FALSE(history.value()[1].attendee.attended);
                    EXPECT_TRUE(records.HistoryOf("V1", "Someone else").value().empty());
                    EXPECT_EQ(records.HistoryOf("V2", "").value().size(), 1u);
                    return core::Status::Ok();
                  })
                  .ok());
}

TEST_P(PeopleRecordsTest, RemovingAnAttendeeDeletesOnlyThatRowAudited) {
  const std::int64_t id = AddClass(Class("2016年春季进修班", {2016, 4, 11}));
  ASSERT_TRUE(Attend(id, {{"Sec V1", "V1", true, ""}, {"Sec V2", "V2", true, ""}}).ok());
  const std::int64_t before = Audits();
  std::int64_t removed = -1;
  ASSERT_TRUE(store_
                  ->Write(actor_,
                          [&](Tx& tx) -> core::Status {
                            auto r = TrainingRecords(tx).RemoveAttendees(
                                id, {{"V2", "Sec V2"}, {"V2", "nobody"}});
                            if (!r.ok()) return r.error();
                            removed = r.value();
                            return core::Status::Ok();
                          })
                  .ok());
  EXPECT_EQ(removed, 1);
  EXPECT_EQ(Audits(), before + 1);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM training_attendees"), 1);
}

TEST_P(PeopleRecordsTest, AChangeOfStatusSetsTheMemberAndKeepsTheHistory) {
  const std::int64_t before = Audits();
  ASSERT_TRUE(store_
                  ->Write(actor_,
                          [&](Tx& tx) -> core::Status {
                            MemberStatusRecords records(tx);
                            auto first = records.Record(Change("M1", {2016, 3, 1},
                                                               core::MemberStatus::kRegular,
                                                               core::MemberStatus::kMobile));
                            if (!first.ok()) return first.error();
                            return StatusOf(records.Record(Change("M1", {2016, 6, 1},
                                                                  core::MemberStatus::kMobile,
                                                                  core::MemberStatus::kRegular)));
                          })
                  .ok());
  EXPECT_EQ(Audits(), before + 2);
  EXPECT_EQ(MemberStatusOf("M1"), core::MemberStatus::kRegular);
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) -> core::Status {
                    MemberStatusRecords records(tx);
                    auto history = records.HistoryOf("M1");
                    EXPECT_EQ(history.value().size(), 2u);
                    EXPECT_EQ(history.value()[0].to, core::MemberStatus::kMobile);
                    EXPECT_EQ(history.value()[1].note, "外出务工");
                    EXPECT_EQ(records.LastChangeDay("M1").value(),
                              (std::optional<core::CivilDate>(core::CivilDate{2016, 6, 1})));
                    EXPECT_FALSE(records.LastChangeDay("M2").value().has_value());
                    auto roll = records.RollOf("V1");
                    EXPECT_EQ(roll.value().size(), 2u);
                    EXPECT_EQ(roll.value()[0].changes.size(), 2u);
                    EXPECT_TRUE(roll.value()[1].changes.empty());
                    EXPECT_EQ(roll.value()[1].member.status, core::MemberStatus::kMobile);
                    return core::Status::Ok();
                  })
                  .ok());
  // The history is kept: the database refuses rewriting or deleting it.
  core::Result<Database> db = OpenDatabase(url_);
  ASSERT_TRUE(db.ok());
  EXPECT_FALSE(db.value().Exec("DELETE FROM member_status_changes", "test").ok());
  EXPECT_FALSE(
      db.value().Exec("UPDATE member_status_changes SET to_status = 'pocket'", "test").ok());
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM member_status_changes"), 2);
}

TEST_P(PeopleRecordsTest, AFailedWriteLeavesNeitherTheStatusNorTheHistory) {
  EXPECT_FALSE(store_
                   ->Write(actor_,
                           [&](Tx& tx) -> core::Status {
                             auto r = MemberStatusRecords(tx).Record(
                                 Change("M1", {2016, 3, 1}, core::MemberStatus::kRegular,
                                        core::MemberStatus::kPocket));
                             if (!r.ok()) return r.error();
                             return core::Error::Invalid("a later step failed");
                           })
                   .ok());
  EXPECT_EQ(MemberStatusOf("M1"), core::MemberStatus::kRegular);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM member_status_changes"), 0);
}

INSTANTIATE_STORE_TESTS(PeopleRecordsTest);

}  // namespace
}  // namespace grassroots::storage
