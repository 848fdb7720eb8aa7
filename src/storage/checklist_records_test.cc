// Checklists' storage (checklist_records.h) on both backends: answers replace an item's answer
// with one audit entry per save, a score is replaced with the score write's audit entry, an
// application is kept as it was, and an answer's evidence is kept by the evidence store.
#include "storage/checklist_records.h"

#include <gtest/gtest.h>

#include "storage/evidence_store.h"
#include "storage/import_writer.h"
#include "storage/score_subject.h"
#include "storage/subject_test_support.h"
#include "storage/test_fixture.h"

namespace grassroots::storage {
namespace {

using test::Org;

class ChecklistRecordsTest : public test::StoreTest {
 protected:
  void SetUp() override {
    test::StoreTest::SetUp();
    Upsert({Org("V1"), Org("V2")});
  }
  core::Status Save(const std::string& code, const std::vector<core::ItemAnswer>& answers) {
    return store_->Write(actor_, [&](Tx& tx) {
      return ChecklistRecords(tx).SaveAnswers(code, 2016, "venue_10", answers);
    });
  }
  std::vector<AnswerRow> AnswersOf(const std::string& code) {
    std::vector<AnswerRow> rows;
    EXPECT_TRUE(store_
                    ->Read([&](Tx& tx) -> core::Status {
                      auto found = ChecklistRecords(tx).Answers(code, 2016);
                      if (!found.ok()) return found.error();
                      rows = found.value();
                      return core::Status::Ok();
                    })
                    .ok());
    return rows;
  }
  AuditRecord NewestAudit() { return test::ListAudit(*store_, 0, 1).value().items.front(); }
};

TEST_P(ChecklistRecordsTest, AnswersReplaceEachItemsAnswerWithOneAuditEntryPerSave) {
  ASSERT_TRUE(Save("V1", {{"room", core::AnswerState::kMet, ""},
                          {"sign", core::AnswerState::kNotMet, "牌子旧了"}})
                  .ok());
  const AuditRecord first = NewestAudit();
  EXPECT_EQ(first.action, "checklist.answer");
  EXPECT_EQ(first.entity, "checklist:V1:2016:venue_10");
  EXPECT_TRUE(first.before_json.empty());
  ASSERT_TRUE(Save("V1", {{"sign", core::AnswerState::kMet, "已更换"}}).ok());
  const AuditRecord second = NewestAudit();
  EXPECT_EQ(second.id, first.id + 1);
  EXPECT_NE(second.before_json.find("牌子旧了"), std::string::npos);
  EXPECT_NE(second.after_json.find("已更换"), std::string::npos);

  const std::vector<AnswerRow> rows = AnswersOf("V1");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].item, "room");
  EXPECT_EQ(rows[1].item, "sign");
  EXPECT_EQ(rows[1].state, "met");
  EXPECT_EQ(rows[1].note, "已更换");
  EXPECT_EQ(rows[1].updated_by, actor_.name);
  EXPECT_TRUE(AnswersOf("V2").empty());
}

TEST_P(ChecklistRecordsTest, ASavedAnswerOutsideAWriteIsRefused) {
  core::Status status = store_->Read([&](Tx& tx) {
    return ChecklistRecords(tx).SaveAnswers("V1", 2016, "venue_10",
                                            {{"room", core::AnswerState::kMet, ""}});
  });
  EXPECT_FALSE(status.ok());
  EXPECT_TRUE(AnswersOf("V1").empty());
}

TEST_P(ChecklistRecordsTest, AReplacedScoreIsAuditedAsAScoreWrite) {
  ASSERT_TRUE(ImportBatch(*store_, actor_, {test::Score("V1", 2016, 70)}).ok());
  core::ScoreRecord after = test::Score("V1", 2016, 70);
  after.dimensions[2] = 77.78;
  ASSERT_TRUE(store_
                  ->Write(actor_,
                          [&](Tx& tx) {
                            return ChecklistRecords(tx).ReplaceScore(test::Score("V1", 2016, 70),
                                                                     after);
                          })
                  .ok());
  const AuditRecord entry = NewestAudit();
  EXPECT_EQ(entry.action, "score.save");
  EXPECT_EQ(entry.entity, "score:V1:2016");
  EXPECT_NE(entry.after_json.find("77.78"), std::string::npos);
  auto scores = ReadValue(*store_, [](Tx& tx) { return ScoreRecords(tx).Of("V1"); });
  ASSERT_TRUE(scores.ok());
  EXPECT_DOUBLE_EQ(scores.value()[0].dimensions[2], 77.78);
  EXPECT_DOUBLE_EQ(scores.value()[0].dimensions[0], 70);
}

TEST_P(ChecklistRecordsTest, AnApplicationIsKeptAsItWasNewestFirst) {
  ApplicationRow row;
  row.org_code = "V1";
  row.year = 2016;
  row.dimension = "venue";
  row.checklist = "venue_10";
  row.checklist_name = "十有";
  row.met = 7;
  row.applicable = 9;
  row.score_cents = 7778;
  row.mapping = "met / applicable x 100";
  row.items_json = R"([{"item":"room","text":"有场所","state":"met"}])";
  std::int64_t first = 0, second = 0;
  ASSERT_TRUE(store_
                  ->Write(actor_,
                          [&](Tx& tx) -> core::Status {
                            ChecklistRecords records(tx);
                            auto a = records.AddApplication(row);
                            if (!a.ok()) return a.error();
                            first = a.value().id;
                            row.score_cents = 10000;
                            auto b = records.AddApplication(row);
                            if (!b.ok()) return b.error();
                            second = b.value().id;
                            return core::Status::Ok();
                          })
                  .ok());
  EXPECT_EQ(NewestAudit().action, "checklist.apply");
  std::vector<ApplicationRow> rows;
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) -> core::Status {
                    auto found = ChecklistRecords(tx).Applications("V1", 2016);
                    if (!found.ok()) return found.error();
                    rows = found.value();
                    return core::Status::Ok();
                  })
                  .ok());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].id, second);
  EXPECT_EQ(rows[1].id, first);
  EXPECT_EQ(rows[1].score_cents, 7778);
  EXPECT_EQ(rows[1].items_json, row.items_json);
  EXPECT_EQ(rows[1].applied_by, actor_.name);
  EXPECT_FALSE(rows[1].applied_at.empty());
}

TEST_P(ChecklistRecordsTest, AnAnswersEvidenceIsKeptAndCounted) {
  ASSERT_TRUE(Save("V1", {{"room", core::AnswerState::kMet, ""}}).ok());
  const std::int64_t answer = AnswersOf("V1").front().id;
  const std::string pdf = "%PDF-1.4 checklist evidence";
  ASSERT_TRUE(store_
                  ->Write(actor_,
                          [&](Tx& tx) -> core::Status {
                            auto added = EvidenceStore(tx, kChecklistEvidence)
                                             .Add(answer, "照片.pdf", "application/pdf", pdf);
                            return added.ok() ? core::Status::Ok() : added.error();
                          })
                  .ok());
  EXPECT_EQ(NewestAudit().entity.rfind("checklist_evidence:", 0), 0u);
  EXPECT_EQ(AnswersOf("V1").front().evidence, 1);
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) -> core::Status {
                    EvidenceStore files(tx, kChecklistEvidence);
                    auto list = files.OfItem(answer);
                    if (!list.ok()) return list.error();
                    EXPECT_EQ(list.value().size(), 1u);
                    auto bytes = files.Content(list.value().front());
                    if (!bytes.ok()) return bytes.error();
                    EXPECT_EQ(bytes.value(), pdf);
                    return core::Status::Ok();
                  })
                  .ok());
}

INSTANTIATE_STORE_TESTS(ChecklistRecordsTest);

}  // namespace
}  // namespace grassroots::storage
