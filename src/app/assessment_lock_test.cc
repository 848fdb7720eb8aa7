// One assessment run per year at a time across connections (servers, processes): two runs of
// one year started together take turns, on both backends.
#include <gtest/gtest.h>

#include <latch>
#include <memory>
#include <thread>
#include <vector>

#include "app/assessment_service.h"
#include "app/audit_trail.h"
#include "app/stored_assessments.h"
#include "app/verify_service.h"
#include "config/policy_file.h"
#include "storage/import_writer.h"
#include "storage/test_fixture.h"

namespace grassroots::app {
namespace {

using storage::test::Org;
using storage::test::Score;

class AssessmentLockTest : public storage::test::StoreTest {};

// 2015 has scores but no stored assessment, so a run of 2016 assesses 2015 first. Without the
// lock both runs would find 2015 unassessed and assess it twice (3,000 organizations make the
// load long enough for two unlocked runs to overlap every time); with it the second waits and
// finds it stored.
TEST_P(AssessmentLockTest, TwoRunsOfOneYearAtOnceTakeTurnsAndLeaveAConsistentRecord) {
  std::vector<core::Organization> orgs = {Org("V00")};
  std::vector<core::ScoreRecord> scores;
  for (int i = 0; i < 3000; ++i) {
    const std::string code = "V" + std::to_string(100 + i);
    orgs.push_back(Org(code, "V00"));
    scores.push_back(Score(code, 2015, 60 + i % 30));
    scores.push_back(Score(code, 2016, 61 + (i * 7) % 30));
  }
  Upsert(orgs);
  ASSERT_TRUE(storage::ImportBatch(*store_, actor_, scores).ok());
  const std::int64_t entries_before = ListAudit(*store_, 0, 1).value().total;

  const config::LoadedPolicy policy = config::BuiltInPolicy();
  std::vector<core::Result<AssessmentRun>> runs(2, core::Error::Internal("not run"));
  std::latch start(2);
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      auto store = storage::OpenStore(url_, clock_);
      start.arrive_and_wait();
      if (!store.ok()) return;
      runs[t] = RunAssessment(*store.value(), policy, 2016, {"server" + std::to_string(t), "x"});
    });
  }
  for (std::thread& thread : threads) thread.join();
  ASSERT_TRUE(runs[0].ok()) << runs[0].error().message;
  ASSERT_TRUE(runs[1].ok()) << runs[1].error().message;
  // 2015 assessed once, by whichever ran first; 2016 twice.
  EXPECT_EQ(runs[0].value().assessed_first.size() + runs[1].value().assessed_first.size(), 1u);
  auto page = ListAudit(*store_, 0, 10);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page.value().total, entries_before + 3);
  std::vector<std::string> actions;
  for (const storage::AuditRecord& entry : page.value().items) {
    if (entry.action.starts_with("assessment."))
      actions.push_back(entry.action + " " + entry.entity);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"assessment.rerun assessment/2016",
                                               "assessment.run assessment/2016",
                                               "assessment.run assessment/2015"}));
  EXPECT_TRUE(VerifyAudit(*store_, std::nullopt).value().ok);
  // The stored run is the second one, and recomputes identically from the inputs it kept.
  auto verified = VerifyAssessment(*store_, 2016);
  ASSERT_TRUE(verified.ok()) << verified.error().message;
  EXPECT_FALSE(verified.value().difference.has_value());
  EXPECT_EQ(AssessmentOf(*store_, 2016).value()->audit_hash, AuditHead(*store_).value().hash);
}

INSTANTIATE_STORE_TESTS(AssessmentLockTest);

}  // namespace
}  // namespace grassroots::app
