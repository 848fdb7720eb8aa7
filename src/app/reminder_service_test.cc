// The weekly reminder's use cases (reminder_service.h) on both backends: a week recorded once,
// each digest's scope and recipients, the inbox of its own account only, first secretaries'
// missing reports told to them and to their village's direct organization.
#include "app/reminder_service.h"

#include <gtest/gtest.h>

#include "app/first_secretary_service.h"
#include "storage/rectification_rows.h"
#include "storage/subject_test_support.h"
#include "storage/test_fixture.h"

namespace grassroots::app {
namespace {

using storage::test::Org;

core::Principal Who(std::string name) {
  core::Principal p;
  p.name = std::move(name);
  p.role = core::Role::kUnitAdmin;
  return p;
}

class ReminderServiceTest : public storage::test::StoreTest {
 protected:
  void SetUp() override {
    storage::test::StoreTest::SetUp();
    Upsert({Org("D1"), Org("D1-1", "D1"), Org("D2"), Org("D2-1", "D2")});
    for (auto [name, scope] : {std::pair{"admin1", "D1"}, {"admin2", "D2"}, {"wang", "D1-1"}}) {
      storage::UserRecord user;
      user.name = name;
      user.role = std::string(name) == "wang" ? core::Role::kSecretary : core::Role::kUnitAdmin;
      user.scope = {scope};
      user.password_hash = "x";
      ASSERT_TRUE(storage::test::CreateUser(*store_, user, actor_).ok());
    }
    Add({"D1-1", 2016, "", "建班子", "王书记", "", "2016-05-18", "open"}, "wang");
    Add({"D1-1", 2016, "", "修场所", "王书记", "", "2016-05-01", "in_progress"}, "wang");
    Add({"D2-1", 2016, "", "定制度", "李主任", "", "2016-05-20", "submitted"}, "");
    Add({"D2-1", 2016, "", "已销号", "李主任", "", "2016-05-20", "closed"}, "");
  }
  void Add(const storage::test::ItemRow& item, const std::string& account) {
    ASSERT_TRUE(store_
                    ->Write(actor_,
                            [&](storage::Tx& tx) -> core::Status {
                              const std::int64_t id = storage::test::InsertItem(tx.db(), item);
                              if (id < 0 || account.empty()) return core::Status::Ok();
                              auto stmt = tx.db().Prepare(
                                  "UPDATE rectification_items SET responsible_user = ?"
                                  " WHERE id = ?");
                              if (!stmt.ok()) return stmt.error();
                              stmt.value().BindText(1, account).BindInt(2, id);
                              return stmt.value().Run();
                            })
                    .ok());
  }
  static const storage::DigestRecord* Find(const std::vector<storage::DigestRecord>& digests,
                                           const std::string& recipient) {
    for (const auto& d : digests) {
      if (d.recipient == recipient) return &d;
    }
    return nullptr;
  }
};

TEST_P(ReminderServiceTest, AWeekIsRecordedOnceASecondRunRecordsNothingNew) {
  auto first = RunWeeklyReminder(*store_, {2016, 20}, actor_);
  ASSERT_TRUE(first.ok()) << first.error().message;
  // 王书记 (by account), 李主任 (by name), D1 and D2.
  EXPECT_EQ(first.value().recorded, 4);
  EXPECT_EQ(first.value().already, 0);
  const std::int64_t audit = QueryInt("SELECT COUNT(*) FROM audit_log");
  auto second = RunWeeklyReminder(*store_, {2016, 20}, actor_);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.value().recorded, 0);
  EXPECT_EQ(second.value().already, 4);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM reminder_digests"), 4);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log"), audit);  // nothing written
}

TEST_P(ReminderServiceTest, EachDigestHoldsItsRecipientsItemsAndGoesToItsAccounts) {
  ASSERT_TRUE(RunWeeklyReminder(*store_, {2016, 20}, actor_).ok());
  auto week = DigestsOfWeek(*store_, {2016, 20});
  ASSERT_TRUE(week.ok());
  const auto* d1 = Find(week.value(), "unit:D1");
  ASSERT_NE(d1, nullptr);
  EXPECT_EQ(d1->due_count, 1);
  EXPECT_EQ(d1->overdue_count, 1);
  for (const auto& item : d1->items) EXPECT_EQ(item.org_code, "D1-1");  // only D1's items
  EXPECT_EQ(d1->delivered_to, (std::vector<std::string>{"admin1"}));
  const auto* d2 = Find(week.value(), "unit:D2");
  ASSERT_NE(d2, nullptr);
  EXPECT_EQ(d2->items.size(), 1u);  // the closed item tells nothing
  EXPECT_EQ(d2->delivered_to, (std::vector<std::string>{"admin2"}));
  const auto* wang = Find(week.value(), "user:wang");
  ASSERT_NE(wang, nullptr);
  EXPECT_EQ(wang->name, "王书记");
  EXPECT_EQ(wang->delivered_to, (std::vector<std::string>{"wang"}));
  const auto* li = Find(week.value(), "person:李主任");
  ASSERT_NE(li, nullptr);
  EXPECT_TRUE(li->delivered_to.empty());  // no account: recorded, written as a file only
}

TEST_P(ReminderServiceTest, TheInboxIsTheCallersOwnAndAnothersEntryDoesNotExist) {
  ASSERT_TRUE(RunWeeklyReminder(*store_, {2016, 20}, actor_).ok());
  ASSERT_TRUE(RunWeeklyReminder(*store_, {2016, 21}, actor_).ok());
  auto inbox = InboxOf(*store_, Who("admin1"), 0, 50);
  ASSERT_TRUE(inbox.ok());
  ASSERT_EQ(inbox.value().page.total, 2);
  EXPECT_EQ(inbox.value().unread, 2);
  EXPECT_EQ(inbox.value().page.items[0].digest.week, "2016-W21");  // newest first
  const std::int64_t id = inbox.value().page.items[0].id;
  auto foreign = InboxEntryOf(*store_, Who("admin2"), id);
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().reason, "inbox_entry_not_found");
  auto never = InboxEntryOf(*store_, Who("admin2"), 999999);
  ASSERT_FALSE(never.ok());
  EXPECT_EQ(never.error().message, "inbox entry 999999 does not exist");
  EXPECT_EQ(foreign.error().message, "inbox entry " + std::to_string(id) + " does not exist");
  EXPECT_FALSE(MarkInboxRead(*store_, Who("admin2"), id, actor_).ok());
  auto read = MarkInboxRead(*store_, Who("admin1"), id, actor_);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read.value().read_at.empty());
  EXPECT_TRUE(MarkInboxRead(*store_, Who("admin1"), id, actor_).ok());  // again: no change
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'inbox.read'"), 1);
  EXPECT_EQ(InboxOf(*store_, Who("admin1"), 0, 50).value().unread, 1);
}

// D1-1's first secretary (account fs_wang) is posted from 1 March and files March's duty
// ledger but never its work plan (due 5 March); D2-1's files both.
class ReminderReportsTest : public ReminderServiceTest {
 protected:
  void SetUp() override {
    ReminderServiceTest::SetUp();
    Post("D1-1", "王第一", "fs_wang");
    Post("D2-1", "李第一", "fs_li");
    ASSERT_TRUE(RecordReports(*store_,
                              {Report("D1-1", "duty_ledger", "fs_wang", "王第一"),
                               Report("D2-1", "work_plan", "fs_li", "李第一"),
                               Report("D2-1", "duty_ledger", "fs_li", "李第一")},
                              "", actor_)
                    .ok());
  }
  void Post(const std::string& code, std::string person, std::string user) {
    storage::UserRecord account;
    account.name = user;
    account.role = core::Role::kFirstSecretary;
    account.scope = {code};
    account.password_hash = "x";
    ASSERT_TRUE(storage::test::CreateUser(*store_, account, actor_).ok());
    core::SupportAssignmentInput input;
    input.year = 2016;
    input.role = core::SupportRole::kFirstSecretary;
    input.person = std::move(person);
    input.user_name = std::move(user);
    input.start_date = "2016-03-01";
    ASSERT_TRUE(store_
                    ->Write(actor_,
                            [&](storage::Tx& tx) -> core::Status {
                              auto added = storage::SupportRecords(tx).Assign(code, input);
                              return added.ok() ? core::Status::Ok() : added.error();
                            })
                    .ok());
  }
  static storage::ReportRow Report(std::string code, std::string kind, std::string user,
                                   std::string person) {
    storage::ReportRow r;
    r.org_code = std::move(code);
    r.year = 2016;
    r.month = 3;
    r.kind = std::move(kind);
    r.user_name = std::move(user);
    r.person = std::move(person);
    r.text = "走访农户";
    r.submitted_at = "2016-03-02T02:00:00Z";
    return r;
  }
};

TEST_P(ReminderReportsTest, AMissedWorkPlanIsToldTheWeekAfterItsDueDayToItsOwerAndUnitOnly) {
  // 2016-W10 begins on Monday 7 March, after the plan's due day (Saturday 5 March).
  auto run = RunWeeklyReminder(*store_, {2016, 10}, actor_);
  ASSERT_TRUE(run.ok()) << run.error().message;
  const auto& digests = run.value().digests;
  const storage::DigestRecord* fs = Find(digests, "user:fs_wang");
  ASSERT_NE(fs, nullptr);
  ASSERT_EQ(fs->reports.size(), 1u);
  EXPECT_EQ(fs->reports[0].org_code, "D1-1");
  EXPECT_EQ(fs->reports[0].month, "2016-03");
  EXPECT_EQ(fs->reports[0].kind, "work_plan");
  EXPECT_EQ(fs->reports[0].due, "2016-03-05");
  EXPECT_EQ(fs->delivered_to, (std::vector<std::string>{"fs_wang"}));
  EXPECT_TRUE(fs->items.empty());
  const storage::DigestRecord* unit = Find(digests, "unit:D1");
  ASSERT_NE(unit, nullptr);
  ASSERT_EQ(unit->reports.size(), 1u);
  EXPECT_EQ(unit->reports[0].org_code, "D1-1");
  EXPECT_EQ(unit->delivered_to, (std::vector<std::string>{"admin1"}));
  // D2-1's reports are in: neither D2 nor its first secretary is told anything.
  EXPECT_EQ(Find(digests, "unit:D2"), nullptr);
  EXPECT_EQ(Find(digests, "user:fs_li"), nullptr);
  // As stored: what the week told, answered from the rows.
  auto stored = DigestsOfWeek(*store_, {2016, 10});
  ASSERT_TRUE(stored.ok());
  const storage::DigestRecord* kept = Find(stored.value(), "user:fs_wang");
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->report_count, 1);
  ASSERT_EQ(kept->reports.size(), 1u);
  EXPECT_EQ(kept->reports[0].kind, "work_plan");
  // The first secretary's inbox holds it.
  core::Principal who = Who("fs_wang");
  who.role = core::Role::kFirstSecretary;
  auto inbox = InboxOf(*store_, who, 0, 20);
  ASSERT_TRUE(inbox.ok());
  ASSERT_EQ(inbox.value().page.total, 1);
  auto entry = InboxEntryOf(*store_, who, inbox.value().page.items[0].id);
  ASSERT_TRUE(entry.ok());
  ASSERT_EQ(entry.value().digest.reports.size(), 1u);
  EXPECT_EQ(entry.value().digest.reports[0].month, "2016-03");
}

TEST_P(ReminderReportsTest, AReportNotDueBeforeTheWeeksMondayIsNotMissingYet) {
  // 2016-W09 begins on Monday 29 February: the March plan is not due yet.
  auto run = RunWeeklyReminder(*store_, {2016, 9}, actor_);
  ASSERT_TRUE(run.ok()) << run.error().message;
  EXPECT_EQ(Find(run.value().digests, "user:fs_wang"), nullptr);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM reminder_digest_reports"), 0);
}

TEST_P(ReminderReportsTest, ASecondRunOfTheWeekRecordsNoReportAgain) {
  ASSERT_TRUE(RunWeeklyReminder(*store_, {2016, 10}, actor_).ok());
  const std::int64_t rows = QueryInt("SELECT COUNT(*) FROM reminder_digest_reports");
  EXPECT_EQ(rows, 2);  // the first secretary's digest and D1's
  auto second = RunWeeklyReminder(*store_, {2016, 10}, actor_);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.value().recorded, 0);
  EXPECT_EQ(second.value().already, 2);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM reminder_digest_reports"), rows);
  // Filing it late does not change what the week told; the next week no longer tells it.
  ASSERT_TRUE(
      RecordReports(*store_, {Report("D1-1", "work_plan", "fs_wang", "王第一")}, "", actor_).ok());
  EXPECT_EQ(DigestsOfWeek(*store_, {2016, 10}).value().size(), 2u);
  auto next = RunWeeklyReminder(*store_, {2016, 11}, actor_);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(Find(next.value().digests, "user:fs_wang"), nullptr);
}

TEST(ReminderWeek, CurrentIsTheCountysWeek) {
  const core::UnixSeconds monday = *core::ParseIsoInstant("2016-05-23T00:10:00+08:00");
  EXPECT_EQ(core::FormatIsoWeek(ParseWeek("week", "current", monday).value()), "2016-W21");
  EXPECT_EQ(core::FormatIsoWeek(ParseWeek("week", "2015-W53", monday).value()), "2015-W53");
  EXPECT_FALSE(ParseWeek("week", "2016-W54", monday).ok());
}

INSTANTIATE_STORE_TESTS(ReminderServiceTest);
INSTANTIATE_STORE_TESTS(ReminderReportsTest);

}  // namespace
}  // namespace grassroots::app
