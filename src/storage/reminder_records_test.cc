// The weekly reminder's and the escalation ladder's storage (reminder_records.h,
// escalation_records.h) on both backends: what the reminder reads, a week recorded with its
// audit entry, the inbox and its read mark, an escalation step recorded once.
#include "storage/reminder_records.h"

#include <gtest/gtest.h>

#include "storage/escalation_records.h"
#include "storage/rectification_rows.h"
#include "storage/test_fixture.h"

namespace grassroots::storage {
namespace {

using test::ItemRow;
using test::Org;

class ReminderRecordsTest : public test::StoreTest {
 protected:
  void SetUp() override {
    test::StoreTest::SetUp();
    // D1 is a direct organization with a branch and a grandchild; D2 another.
    Upsert({Org("D1"), Org("D1-1", "D1"), Org("D1-1-1", "D1-1"), Org("D2")});
    due_ = Add({"D1-1-1", 2016, "team", "建班子", "甲", "", "2016-05-18", "open"});
    overdue_ = Add({"D2", 2016, "", "定制度", "乙", "", "2016-05-01", "in_progress"});
    Add({"D1", 2016, "", "已销号", "丙", "", "2016-05-02", "closed"});
    Add({"D1-1", 2016, "", "下周", "丁", "", "2016-05-23", "open"});
  }
  std::int64_t Add(const ItemRow& item) {
    std::int64_t id = -1;
    EXPECT_TRUE(store_
                    ->Write(actor_,
                            [&](Tx& tx) -> core::Status {
                              id = test::InsertItem(tx.db(), item);
                              return core::Status::Ok();
                            })
                    .ok());
    return id;
  }
  template <typename Fn>
  void InRead(Fn fn) {
    core::Status s = store_->Read([&](Tx& tx) { return fn(tx); });
    ASSERT_TRUE(s.ok()) << s.error().message;
  }
  template <typename Fn>
  core::Status InWrite(Fn fn) {
    return store_->Write(actor_, [&](Tx& tx) { return fn(tx); });
  }
  std::int64_t due_ = 0, overdue_ = 0;
};

TEST_P(ReminderRecordsTest, OpenItemsComeWithTheirDirectOrganization) {
  InRead([&](Tx& tx) -> core::Status {
    auto items = ReminderRecords(tx).OpenItemsDueBy("2016-05-22");
    EXPECT_TRUE(items.ok());
    EXPECT_EQ(items.value().size(), 2u);  // not the closed one, not next week's
    EXPECT_EQ(items.value()[0].id, due_);
    EXPECT_EQ(items.value()[0].unit, "D1");  // two levels up
    EXPECT_EQ(items.value()[0].org_name, "Org D1-1-1");
    EXPECT_EQ(items.value()[1].unit, "D2");  // itself a direct organization
    return core::Status::Ok();
  });
}

TEST_P(ReminderRecordsTest, AWeekIsRecordedWithItsItemsDeliveriesAndOneAuditEntry) {
  const std::int64_t audit_before = QueryInt("SELECT COUNT(*) FROM audit_log");
  std::vector<DigestRecord> digests(1);
  digests[0].recipient = "unit:D1";
  digests[0].kind = "unit";
  digests[0].name = "D1";
  digests[0].due_count = 1;
  digests[0].items = {{due_, "due", "D1-1-1", "Org D1-1-1", "建班子", "甲", "2016-05-18", "open"}};
  digests[0].delivered_to = {"u1", "u2", "u1"};
  ASSERT_TRUE(
      InWrite([&](Tx& tx) { return ReminderRecords(tx).Record("2016-W20", digests); }).ok());
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log"), audit_before + 1);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'reminder.run'"), 1);
  EXPECT_EQ(QueryInt("SELECT change_count FROM audit_log WHERE action = 'reminder.run'"), 1);
  // The same recipient of the same week cannot be recorded twice.
  std::vector<DigestRecord> again = {digests[0]};
  EXPECT_FALSE(InWrite([&](Tx& tx) { return ReminderRecords(tx).Record("2016-W20", again); }).ok());
  // An item closed later does not change what the digest told.
  Exec("UPDATE rectification_items SET state = 'closed' WHERE id = " + std::to_string(due_));
  InRead([&](Tx& tx) -> core::Status {
    ReminderRecords records(tx);
    EXPECT_EQ(records.Recorded("2016-W20").value(), (std::set<std::string>{"unit:D1"}));
    EXPECT_TRUE(records.Recorded("2016-W21").value().empty());
    auto week = records.OfWeek("2016-W20").value();
    EXPECT_EQ(week.size(), 1u);
    EXPECT_EQ(week[0].delivered_to, (std::vector<std::string>{"u1", "u2"}));  // once each
    EXPECT_EQ(week[0].items.size(), 1u);
    EXPECT_EQ(week[0].items[0].state, "open");
    EXPECT_EQ(week[0].created_by, actor_.name);
    auto inbox = records.Inbox("u2", 0, 50).value();
    EXPECT_EQ(inbox.total, 1);
    EXPECT_EQ(inbox.items[0].digest.recipient, "unit:D1");
    EXPECT_EQ(records.Unread("u2").value(), 1);
    EXPECT_EQ(records.Inbox("u3", 0, 50).value().total, 0);
    return core::Status::Ok();
  });
}

TEST_P(ReminderRecordsTest, ReadingAnEntryIsMarkedOnceAndAudited) {
  std::vector<DigestRecord> digests(1);
  digests[0].recipient = "user:wang";
  digests[0].kind = "person";
  digests[0].name = "王";
  digests[0].items = {{overdue_, "overdue", "D2", "Org D2", "定制度", "乙", "2016-05-01", "open"}};
  digests[0].delivered_to = {"wang"};
  ASSERT_TRUE(
      InWrite([&](Tx& tx) { return ReminderRecords(tx).Record("2016-W20", digests); }).ok());
  std::optional<InboxEntry> entry;
  InRead([&](Tx& tx) -> core::Status {
    entry = ReminderRecords(tx).Entry(QueryInt("SELECT MAX(id) FROM reminder_deliveries")).value();
    return core::Status::Ok();
  });
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->user_name, "wang");
  EXPECT_EQ(entry->digest.items.size(), 1u);
  EXPECT_TRUE(entry->read_at.empty());
  ASSERT_TRUE(InWrite([&](Tx& tx) { return ReminderRecords(tx).MarkRead(*entry); }).ok());
  EXPECT_FALSE(entry->read_at.empty());
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM reminder_deliveries WHERE read_at IS NOT NULL"), 1);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'inbox.read'"), 1);
}

TEST_P(ReminderRecordsTest, MissingReportsAreStoredAsToldAndReadWithTheirDigest) {
  std::vector<DigestRecord> digests(1);
  digests[0].recipient = "user:fs1";
  digests[0].kind = "person";
  digests[0].name = "张三";
  digests[0].reports = {
      {"D1-1-1", "Org D1-1-1", "2016-03", "work_plan", "2016-03-05", "fs1", "张三"},
      {"D1-1-1", "Org D1-1-1", "2016-02", "duty_ledger", "2016-02-29", "fs1", "张三"}};
  digests[0].delivered_to = {"fs1"};
  ASSERT_TRUE(
      InWrite([&](Tx& tx) { return ReminderRecords(tx).Record("2016-W14", digests); }).ok());
  EXPECT_EQ(digests[0].report_count, 2);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM reminder_digest_reports"), 2);
  InRead([&](Tx& tx) -> core::Status {
    ReminderRecords records(tx);
    auto week = records.OfWeek("2016-W14").value();
    EXPECT_EQ(week.size(), 1u);
    EXPECT_EQ(week[0].report_count, 2);
    EXPECT_EQ(week[0].reports.size(), 2u);
    EXPECT_EQ(week[0].reports[0].month, "2016-02");  // by due date
    EXPECT_EQ(week[0].reports[1].kind, "work_plan");
    EXPECT_EQ(week[0].reports[1].due, "2016-03-05");
    auto inbox = records.Inbox("fs1", 0, 50).value();
    EXPECT_EQ(inbox.total, 1);
    EXPECT_EQ(inbox.items[0].digest.report_count, 2);
    EXPECT_TRUE(inbox.items[0].digest.reports.empty());  // the list carries counts only
    auto entry = records.Entry(inbox.items[0].id).value();
    EXPECT_TRUE(entry);
    EXPECT_EQ(entry->digest.reports.size(), 2u);
    EXPECT_EQ(entry->digest.reports[1].org_code, "D1-1-1");
    EXPECT_EQ(entry->digest.reports[1].person, "张三");
    return core::Status::Ok();
  });
  EXPECT_EQ(QueryInt("SELECT change_count FROM audit_log WHERE action = 'reminder.run'"), 1);
}

TEST_P(ReminderRecordsTest, EachOrganizationsDirectOrganizationIsTheTopOfItsAncestry) {
  InRead([&](Tx& tx) -> core::Status {
    auto top = ReminderRecords(tx).DirectOrganizations();
    EXPECT_TRUE(top.ok());
    EXPECT_EQ(top.value().at("D1-1-1"), "D1");
    EXPECT_EQ(top.value().at("D1-1"), "D1");
    EXPECT_EQ(top.value().at("D1"), "D1");
    EXPECT_EQ(top.value().at("D2"), "D2");
    return core::Status::Ok();
  });
}

TEST_P(ReminderRecordsTest, AnEscalationStepIsRecordedOncePerItem) {
  EscalationRecord step{0, overdue_, "reminder", 19, "", ""};
  ASSERT_TRUE(InWrite([&](Tx& tx) { return EscalationRecords(tx).Add(step); }).ok());
  EXPECT_EQ(step.decided_by, actor_.name);
  EscalationRecord twice{0, overdue_, "reminder", 20, "", ""};
  core::Status again = InWrite([&](Tx& tx) { return EscalationRecords(tx).Add(twice); });
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().reason, "escalation_recorded");
  InRead([&](Tx& tx) -> core::Status {
    auto steps = EscalationRecords(tx).OfItem(overdue_).value();
    EXPECT_EQ(steps.size(), 1u);
    EXPECT_EQ(steps[0].overdue_days, 19);
    return core::Status::Ok();
  });
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'item.escalate'"), 1);
}

INSTANTIATE_STORE_TESTS(ReminderRecordsTest);

}  // namespace
}  // namespace grassroots::storage
