// The stored plans, items, steps and evidence over a transaction (rectification_records.h,
// evidence_store.h), on SQLite and PostgreSQL: what is written reads back, each row with its
// audit entry, a failed use case leaves nothing, and evidence bytes come back as they went in
// wherever the backend keeps them.
#include "storage/rectification_records.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/policy.h"
#include "storage/evidence_store.h"
#include "storage/import_writer.h"
#include "storage/subject_test_support.h"
#include "storage/test_fixture.h"

namespace grassroots::storage {
namespace {

using test::Org;

class RectificationRecordsTest : public test::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    Upsert({Org("D1"), Org("D1-01", "D1")});
  }

  // A plan of D1-01 in 2016 with one item; answers the item's id.
  std::int64_t PlanWithItem() {
    std::int64_t item_id = 0;
    EXPECT_TRUE(store_
                    ->Write(actor_,
                            [&](Tx& tx) -> core::Status {
                              RectificationRecords records(tx);
                              auto plan = records.CreatePlan(2016, "D1-01");
                              if (!plan.ok()) return plan.error();
                              ItemRecord item;
                              item.plan_id = plan.value();
                              item.year = 2016;
                              item.org_code = "D1-01";
                              item.measure = "配齐班子";
                              item.responsible = "王书记";
                              item.deadline = "2016-09-30";
                              auto id = records.AddItem(item);
                              if (!id.ok()) return id.error();
                              item_id = id.value();
                              return core::Status::Ok();
                            })
                    .ok());
    return item_id;
  }

  std::optional<ItemRecord> ReadItem(std::int64_t id) {
    std::optional<ItemRecord> item;
    EXPECT_TRUE(store_
                    ->Read([&](Tx& tx) -> core::Status {
                      auto read = RectificationRecords(tx).Item(id);
                      if (!read.ok()) return read.error();
                      item = read.value();
                      return core::Status::Ok();
                    })
                    .ok());
    return item;
  }
};

TEST_P(RectificationRecordsTest, APlanAndItsItemReadBackWithTheirAuditEntries) {
  const std::int64_t entries = test::ListAudit(*store_, 0, 1).value().total;
  const std::int64_t id = PlanWithItem();
  const std::optional<ItemRecord> item = ReadItem(id);
  ASSERT_TRUE(item);
  EXPECT_EQ(item->org_name, "Org D1-01");
  EXPECT_EQ(item->state, "open");
  EXPECT_EQ(item->deadline, "2016-09-30");
  EXPECT_FALSE(item->problem_id);
  EXPECT_EQ(item->evidence_count, 0);
  EXPECT_EQ(test::ListAudit(*store_, 0, 1).value().total, entries + 2);  // the plan, the item
  EXPECT_EQ(test::ListAudit(*store_, 0, 1).value().items.at(0).entity,
            "item:" + std::to_string(id));
  EXPECT_TRUE(test::VerifyAudit(*store_, std::nullopt).value().ok);
}

TEST_P(RectificationRecordsTest, TheSelectedWithoutAPlanComeWithTheirDimensions) {
  Upsert({Org("A"), Org("B"), Org("C")});
  ASSERT_TRUE(ImportBatch(*store_, actor_, {test::Score("A", 2016, 50)}).ok());
  const core::OrgTable table = Table();  // A, B, C, D1, D1-01
  core::AssessmentResult result = test::Result(2016, {1, 0, 1, 0, 0});
  for (int extra = 0; extra < 2; ++extra) {  // D1 and D1-01: unscored
    result.score_cents.push_back(core::kNoScore);
    result.grade.push_back(-1);
    result.rank.push_back(0);
    result.reasons.push_back(0);
    result.consecutive.push_back(0);
  }
  ASSERT_TRUE(test::SaveRun(*store_, actor_, test::NoInputs(table).input, result).ok());
  const auto selected = [&] {
    std::vector<SelectedWithoutPlan> rows;
    EXPECT_TRUE(store_
                    ->Read([&](Tx& tx) -> core::Status {
                      RectificationRecords records(tx);
                      EXPECT_TRUE(records.Assessed(2016).value());
                      EXPECT_FALSE(records.Assessed(2015).value());
                      rows = records.SelectedWithoutPlans(2016).value();
                      return core::Status::Ok();
                    })
                    .ok());
    return rows;
  };
  std::vector<SelectedWithoutPlan> rows = selected();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].org_code, "A");
  ASSERT_TRUE(rows[0].dimensions);  // from the year's scores: the run kept no inputs
  EXPECT_EQ((*rows[0].dimensions)[5], 51);
  EXPECT_EQ(rows[1].org_code, "C");
  EXPECT_FALSE(rows[1].dimensions);
  ASSERT_TRUE(store_
                  ->Write(actor_,
                          [](Tx& tx) -> core::Status {
                            auto id = RectificationRecords(tx).CreatePlan(2016, "A");
                            return id.ok() ? core::Status::Ok() : core::Status(id.error());
                          })
                  .ok());
  rows = selected();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].org_code, "C");
}

TEST_P(RectificationRecordsTest, AStepMovesTheItemAndIsRecordedWithItsActor) {
  const std::int64_t id = PlanWithItem();
  ASSERT_TRUE(store_
                  ->Write(actor_,
                          [&](Tx& tx) -> core::Status {
                            RectificationRecords records(tx);
                            return records.MoveItem(*records.Item(id).value(),
                                                    {"start", "open", "in_progress", "", "", ""}, 0,
                                                    "");
                          })
                  .ok());
  EXPECT_EQ(ReadItem(id)->state, "in_progress");
  std::vector<StepRecord> steps;
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) -> core::Status {
                    steps = RectificationRecords(tx).Steps(id).value();
                    return core::Status::Ok();
                  })
                  .ok());
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].actor, actor_.name);
  EXPECT_EQ(steps[0].to_state, "in_progress");
  EXPECT_EQ(test::ListAudit(*store_, 0, 1).value().items.at(0).action, "item.start");
}

TEST_P(RectificationRecordsTest, EvidenceBytesReadBackAsTheyWentIn) {
  const std::int64_t id = PlanWithItem();
  std::string bytes = "\x89PNG\r\n\x1A\n";
  for (int i = 0; i < 70000; ++i) bytes += static_cast<char>(i % 256);  // every byte, NUL too
  EvidenceRecord stored;
  ASSERT_TRUE(store_
                  ->Write(actor_,
                          [&](Tx& tx) -> core::Status {
                            auto added = EvidenceStore(tx).Add(id, "照片.png", "image/png", bytes);
                            if (!added.ok()) return added.error();
                            stored = added.value();
                            return core::Status::Ok();
                          })
                  .ok());
  EXPECT_EQ(stored.size, static_cast<std::int64_t>(bytes.size()));
  EXPECT_EQ(stored.sha256.size(), 64u);
  std::string back;
  ASSERT_TRUE(store_
                  ->Read([&](Tx& tx) -> core::Status {
                    EvidenceStore evidence(tx);
                    auto row = evidence.Get(stored.id);
                    if (!row.ok() || !row.value()) return core::Error::Internal("no row");
                    auto content = evidence.Content(*row.value());
                    if (!content.ok()) return content.error();
                    back = content.value();
                    return core::Status::Ok();
                  })
                  .ok());
  EXPECT_TRUE(back == bytes);
  EXPECT_EQ(ReadItem(id)->evidence_count, 1);
}

TEST_P(RectificationRecordsTest, AFailedUseCaseLeavesNoRowsBehind) {
  const std::int64_t id = PlanWithItem();
  core::Status status = store_->Write(actor_, [&](Tx& tx) -> core::Status {
    auto added = EvidenceStore(tx).Add(id, "a.pdf", "application/pdf", "%PDF-1.4 x");
    if (!added.ok()) return added.error();
    return core::Error::Conflict("refused after the write");
  });
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(ReadItem(id)->evidence_count, 0);
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM rectification_evidence"), 0);
}

class EvidenceFilesTest : public test::SqliteStoreTest {};

TEST_F(EvidenceFilesTest, TheSameEvidenceTwiceIsOneFileNamedByItsHash) {
  Upsert({Org("D1")});
  std::string sha;
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(store_
                    ->Write(actor_,
                            [&](Tx& tx) -> core::Status {
                              RectificationRecords records(tx);
                              auto plan = records.CreatePlan(2016 + i, "D1");
                              ItemRecord item;
                              item.plan_id = plan.value();
                              item.year = 2016 + i;
                              item.org_code = "D1";
                              item.measure = "m";
                              item.responsible = "r";
                              item.deadline = "2016-09-30";
                              auto added =
                                  EvidenceStore(tx).Add(records.AddItem(item).value(), "../x.pdf",
                                                        "application/pdf", "%PDF-1.4 same");
                              sha = added.value().sha256;
                              return core::Status::Ok();
                            })
                    .ok());
  }
  int files = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(EvidenceDirectory(path_))) {
    if (entry.is_regular_file()) {
      ++files;
      EXPECT_EQ(entry.path().filename(), sha);
      EXPECT_EQ(entry.path().parent_path().filename(), sha.substr(0, 2));
    }
  }
  EXPECT_EQ(files, 1);
}

INSTANTIATE_STORE_TESTS(RectificationRecordsTest);

}  // namespace
}  // namespace grassroots::storage
