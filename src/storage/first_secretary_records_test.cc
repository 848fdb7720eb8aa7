// First secretaries' reports' storage (first_secretary_records.h) on both backends: postings are
// five-level support's first_secretary holders, a report is filed once with its audit entry, its
// photos are kept by the evidence store, and lists follow the scope.
#include "storage/first_secretary_records.h"

#include <gtest/gtest.h>

#include "storage/evidence_store.h"
#include "storage/subject_test_support.h"
#include "storage/test_fixture.h"
#include "storage/test_status_of.h"

namespace grassroots::storage {
namespace {

using test::Org;
using test::StatusOf;

class FirstSecretaryRecordsTest : public test::StoreTest {
 protected:
  void SetUp() override {
    test::StoreTest::SetUp();
    Upsert({Org("V1"), Org("V2")});
    Post("V1", "张三", "fs1", "2016-01-01");
    Post("V1", "李四", "fs2", "2016-06-20");
    Post("V2", "王五", "fs1", "2016-03-01");
  }
  void Post(const std::string& code, std::string person, std::string user, std::string start) {
    core::SupportAssignmentInput input;
    input.year = 2016;
    input.role = core::SupportRole::kFirstSecretary;
    input.person = std::move(person);
    input.user_name = std::move(user);
    input.start_date = std::move(start);
    ASSERT_TRUE(
        store_
            ->Write(actor_,
                    [&](Tx& tx) { return StatusOf(SupportRecords(tx).Assign(code, input)); })
            .ok());
  }
  static ReportRow Report(std::string code, int month, std::string kind) {
    ReportRow r;
    r.org_code = std::move(code);
    r.year = 2016;
    r.month = month;
    r.kind = std::move(kind);
    r.user_name = "fs1";
    r.person = "张三";
    r.text = "走访农户";
    r.submitted_at = "2016-05-04T02:00:00Z";
    return r;
  }
  template <typename Fn>
  void Read(Fn fn) {
    ASSERT_TRUE(store_
                    ->Read([&](Tx& tx) -> core::Status {
                      FirstSecretaryRecords records(tx);
                      fn(records, tx);
                      return core::Status::Ok();
                    })
                    .ok());
  }
};

TEST_P(FirstSecretaryRecordsTest, PostingsAreTheSupportHoldersWithTheirEnds) {
  Read([](FirstSecretaryRecords& r, Tx&) {
    auto all = r.Postings(2016, OrgFilter{});
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all.value().size(), 3u);
    EXPECT_EQ(all.value()[0].assignment.person, "张三");
    EXPECT_EQ(all.value()[0].assignment.ended_on, "2016-06-20");
    EXPECT_EQ(all.value()[1].assignment.person, "李四");
    auto mine = r.PostingsOf("fs1", 2016);
    ASSERT_TRUE(mine.ok());
    ASSERT_EQ(mine.value().size(), 2u);
    EXPECT_EQ(mine.value()[1].assignment.org_code, "V2");
    OrgFilter v2;
    v2.restrict_to_scope = true;
    v2.only = {"V2"};
    EXPECT_EQ(r.Postings(2016, v2).value().size(), 1u);
    EXPECT_TRUE(r.Postings(2015, OrgFilter{}).value().empty());
  });
}

TEST_P(FirstSecretaryRecordsTest, APostingRunsByItsDatesWhateverItsSelectionYear) {
  // Support recorded for the 2016 selection, the posting starting in the work year 2017.
  core::SupportAssignmentInput input;
  input.year = 2016;
  input.role = core::SupportRole::kFirstSecretary;
  input.person = "赵六";
  input.user_name = "fs3";
  input.start_date = "2017-02-01";
  ASSERT_TRUE(
      store_
          ->Write(actor_, [&](Tx& tx) { return StatusOf(SupportRecords(tx).Assign("V2", input)); })
          .ok());
  Read([](FirstSecretaryRecords& r, Tx&) {
    auto in_2017 = r.PostingsOf("fs3", 2017);
    ASSERT_TRUE(in_2017.ok());
    ASSERT_EQ(in_2017.value().size(), 1u);
    EXPECT_EQ(in_2017.value()[0].assignment.year, 2016);
    EXPECT_EQ(r.PostingsOf("fs3", 2019).value().size(), 1u);  // never ended
    EXPECT_TRUE(r.PostingsOf("fs3", 2016).value().empty());
    // 王五 (V2 from 2016-03-01) was replaced on 2017-02-01: posted in 2017 too, not in 2018.
    EXPECT_EQ(r.PostingsOf("fs1", 2017).value().size(), 1u);
    EXPECT_TRUE(r.PostingsOf("fs1", 2018).value().empty());
  });
}

TEST_P(FirstSecretaryRecordsTest, AReportIsFiledOnceWithItsAuditEntryAndPhotos) {
  const std::int64_t audits = test::ListAudit(*store_, 0, 1).value().total;
  std::int64_t id = 0;
  ASSERT_TRUE(
      store_
          ->Write(actor_,
                  [&](Tx& tx) -> core::Status {
                    auto added = FirstSecretaryRecords(tx).Add(Report("V1", 5, "work_plan"));
                    if (!added.ok()) return added.error();
                    id = added.value();
                    const std::string png("\x89PNG\r\n\x1A\n photo", 14);
                    return StatusOf(
                        EvidenceStore(tx, kReportPhotos).Add(id, "村部.png", "image/png", png));
                  })
          .ok());
  EXPECT_EQ(test::ListAudit(*store_, 0, 1).value().total, audits + 2);
  // The same village, month and kind again breaks the table's uniqueness: nothing written.
  EXPECT_FALSE(store_
                   ->Write(actor_,
                           [&](Tx& tx) {
                             return StatusOf(
                                 FirstSecretaryRecords(tx).Add(Report("V1", 5, "work_plan")));
                           })
                   .ok());
  Read([&](FirstSecretaryRecords& r, Tx& tx) {
    auto found = r.Find("V1", 2016, 5, "work_plan");
    ASSERT_TRUE(found.ok() && found.value());
    EXPECT_EQ(found.value()->id, id);
    EXPECT_EQ(found.value()->text, "走访农户");
    EXPECT_EQ(found.value()->photos, 1);
    EXPECT_FALSE(r.Find("V1", 2016, 5, "duty_ledger").value());
    EvidenceStore photos(tx, kReportPhotos);
    auto listed = photos.OfItem(id);
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed.value().size(), 1u);
    EXPECT_EQ(listed.value()[0].content_type, "image/png");
    auto bytes = photos.Content(listed.value()[0]);
    ASSERT_TRUE(bytes.ok());
    EXPECT_EQ(bytes.value().size(), 14u);
    // Items' evidence is a table apart: the photo is not an item's.
    EXPECT_TRUE(EvidenceStore(tx).OfItem(id).value().empty());
  });
}

TEST_P(FirstSecretaryRecordsTest, ReportListsFollowTheScope) {
  ASSERT_TRUE(store_
                  ->Write(actor_,
                          [&](Tx& tx) -> core::Status {
                            FirstSecretaryRecords records(tx);
                            for (const ReportRow& r :
                                 {Report("V1", 3, "work_plan"), Report("V2", 3, "work_plan"),
                                  Report("V2", 3, "duty_ledger")}) {
                              if (auto id = records.Add(r); !id.ok()) return id.error();
                            }
                            return core::Status::Ok();
                          })
                  .ok());
  Read([](FirstSecretaryRecords& r, Tx&) {
    EXPECT_EQ(r.Reports(2016, OrgFilter{}).value().size(), 3u);
    OrgFilter v2;
    v2.restrict_to_scope = true;
    v2.only = {"V2"};
    auto reports = r.Reports(2016, v2);
    ASSERT_TRUE(reports.ok());
    ASSERT_EQ(reports.value().size(), 2u);
    EXPECT_EQ(reports.value()[0].kind, "duty_ledger");  // by month, then kind
    EXPECT_EQ(r.ReportsAt("V1", 2016).value().size(), 1u);
    EXPECT_TRUE(r.Reports(2017, OrgFilter{}).value().empty());
  });
}

INSTANTIATE_STORE_TESTS(FirstSecretaryRecordsTest);

}  // namespace
}  // namespace grassroots::storage
