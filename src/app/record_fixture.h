// Test-only: a county of 13 villages in a real SQLite file, scored for 2015 and 2016, and the
// helpers the explain and verify tests share.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "app/assessment_service.h"
#include "config/policy_file.h"
#include "storage/import_writer.h"
#include "storage/score_subject.h"
#include "storage/test_fixture.h"
#include "storage/tx.h"

namespace grassroots::app::test {

using storage::test::Org;
using storage::test::Score;

// V00 is a direct committee (scored 90.17); V01..V12 its branches, whose scores rise with the
// number: 2015 60 + i, 2016 60 + 2i (each + 0.17, Score's sixth dimension being one higher).
// Each year's quota is ceil(13 x 15%) = 2: V01 and V02, selected two years running.
class RecordFixture : public storage::test::SqliteStoreTest {
 protected:
  void SetUp() override {
    SqliteStoreTest::SetUp();
    std::vector<core::Organization> orgs = {Org("V00")};
    std::vector<core::ScoreRecord> scores;
    for (int i = 0; i <= 12; ++i) {
      const std::string code = Code(i);
      if (i > 0) orgs.push_back(Org(code, "V00"));
      scores.push_back(Score(code, 2015, i == 0 ? 90 : 60 + i));
      scores.push_back(Score(code, 2016, i == 0 ? 90 : 60 + 2 * i));
    }
    Upsert(orgs);
    ASSERT_TRUE(storage::ImportBatch(*store_, actor_, scores).ok());
  }

  static std::string Code(int i) { return (i < 10 ? "V0" : "V") + std::to_string(i); }

  // Assesses `year` (and the year before when needed) under `policy`.
  void Assess(int year, const config::LoadedPolicy& policy = config::BuiltInPolicy()) {
    auto run = RunAssessment(*store_, policy, year, actor_);
    ASSERT_TRUE(run.ok()) << run.error().message;
  }

  void Edit(const core::ScoreRecord& score) {
    ASSERT_TRUE(storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
                  return storage::ScoreRecords(t).Save(score);
                }).ok());
  }
};

}  // namespace grassroots::app::test
