// Interviews, adjustment decisions and secretary changes as stored (migration 017), on both
// backends: what is written reads back, each write is audited in its transaction, a decision
// is final, and an organization's secretary changes on the organization edit path.
#include <gtest/gtest.h>

#include "storage/adjustment_records.h"
#include "storage/import_writer.h"
#include "storage/interview_records.h"
#include "storage/organization_subject.h"
#include "storage/subject_test_support.h"
#include "storage/test_fixture.h"
#include "storage/tx.h"

namespace grassroots::storage {
namespace {

using test::Org;

core::InterviewRecord Interview(std::string person, std::string member, core::CivilDate on) {
  core::InterviewRecord i;
  i.on = on;
  i.person = std::move(person);
  i.member_id = std::move(member);
  i.interviewer = "组织部";
  i.reason = "党建工作滞后";
  return i;
}

class AccountabilityRecordsTest : public test::StoreTest {
 protected:
  core::InterviewRecord AddInterview(const core::InterviewRecord& i) {
    core::InterviewRecord stored;
    EXPECT_TRUE(store_
                    ->Write(actor_,
                            [&](Tx& tx) -> core::Status {
                              auto added = InterviewRecords(tx).Add(i);
                              if (!added.ok()) return added.error();
                              stored = added.value();
                              return core::Status::Ok();
                            })
                    .ok());
    return stored;
  }
  std::int64_t AuditEntries() { return test::ListAudit(*store_, 0, 1).value().total; }
};

TEST_P(AccountabilityRecordsTest, InterviewsReadBackByPersonKeyAndYearWithTheirAuditEntry) {
  const std::int64_t entries = AuditEntries();
  const auto first = AddInterview(Interview("李明", "M1", {2016, 3, 8}));
  AddInterview(Interview("李明", "M1", {2015, 11, 2}));
  AddInterview(Interview("王强", "", {2016, 5, 1}));
  EXPECT_GT(first.id, 0);
  EXPECT_EQ(first.recorded_by, actor_.name);
  EXPECT_EQ(AuditEntries(), entries + 3);
  EXPECT_EQ(test::ListAudit(*store_, 0, 3).value().items.back().action, "interview.create");

  std::vector<core::InterviewRecord> of_m1;
  Page<core::InterviewRecord> of_2016;
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) -> core::Status {
                    of_m1 = InterviewRecords(tx).OfPerson("M1").value();
                    InterviewFilter filter;
                    filter.year = 2016;
                    of_2016 = InterviewRecords(tx).List(filter).value();
                    return core::Status::Ok();
                  })
                  .ok());
  ASSERT_EQ(of_m1.size(), 2u);
  EXPECT_EQ(of_m1[0].on, (core::CivilDate{2015, 11, 2}));  // oldest first
  EXPECT_EQ(of_m1[1].reason, "党建工作滞后");
  ASSERT_EQ(of_2016.total, 2);
  EXPECT_EQ(of_2016.items[0].person, "王强");  // newest first
  EXPECT_TRUE(test::VerifyAudit(*store_, std::nullopt).value().ok);
}

TEST_P(AccountabilityRecordsTest, ADecisionIsRecordedOnceAndTheSecretaryChangesWithItsHistory) {
  ASSERT_TRUE(ImportBatch(*store_, actor_, {Org("A"), Org("A1", "A")}).ok());
  core::AdjustmentDecision done;
  done.outcome = core::AdjustmentOutcome::kDone;
  done.on = core::CivilDate{2017, 2, 1};
  done.successor = "王芳";
  core::Status status = store_->Write(actor_, [&](Tx& tx) -> core::Status {
    AdjustmentRecords records(tx);
    auto decided = records.Decide(2016, "A1", done);
    if (!decided.ok()) return decided.error();
    auto org = OrganizationRecords(tx).Find("A1");
    if (!org.ok()) return org.error();
    core::Organization changed = *org.value();
    const std::string previous = changed.secretary;
    changed.secretary = "王芳";
    if (auto saved = OrganizationRecords(tx).Save(changed); !saved.ok()) return saved.error();
    return records.AddSecretaryChange({0, "A1", *done.on, previous, "王芳", {}, {}, {}},
                                      decided.value().id);
  });
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(
      storage::ReadValue(
          *store_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Detail("A1"); })
          .value()
          ->org.secretary,
      "王芳");

  core::Status again = store_->Write(actor_, [&](Tx& tx) -> core::Status {
    auto decided = AdjustmentRecords(tx).Decide(2016, "A1", done);
    return decided.ok() ? core::Status::Ok() : core::Status(decided.error());
  });
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().reason, "adjustment_already_decided");

  std::vector<StoredDecision> decisions;
  std::vector<SecretaryChange> history;
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) -> core::Status {
                    decisions = AdjustmentRecords(tx).Decisions(2016).value();
                    history = AdjustmentRecords(tx).SecretaryHistory("A1").value();
                    return core::Status::Ok();
                  })
                  .ok());
  ASSERT_EQ(decisions.size(), 1u);
  EXPECT_EQ(decisions[0].decision.successor, "王芳");
  EXPECT_EQ(decisions[0].decision.on, done.on);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].previous, "Sec A1");
  EXPECT_EQ(history[0].year, 2016);
  const auto audit = test::ListAudit(*store_, 0, 3).value().items;  // newest first
  EXPECT_EQ(audit[0].action, "secretary.change");
  EXPECT_EQ(audit[1].action, "organization.update");
  EXPECT_EQ(audit[2].action, "adjustment.decide");
  EXPECT_TRUE(test::VerifyAudit(*store_, std::nullopt).value().ok);
}

INSTANTIATE_STORE_TESTS(AccountabilityRecordsTest);

}  // namespace
}  // namespace grassroots::storage
