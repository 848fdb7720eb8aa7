// Test helpers shared by the storage tests: small organizations and scores, and a fixture
// with a migrated store in a temporary directory. Test-only.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/assessment.h"
#include "core/clock.h"
#include "storage/sqlite_db.h"
#include "storage/store.h"

namespace grassroots::storage::test {

inline core::Organization Org(std::string code, std::string parent = {}, std::string unit = "u1",
                              core::OrgType type = core::OrgType::kVillage) {
  core::Organization org;
  org.code = std::move(code);
  org.name = "Org " + org.code;
  org.type = type;
  org.kind = parent.empty() ? core::OrgKind::kCommittee : core::OrgKind::kBranch;
  org.parent = std::move(parent);
  org.secretary = "Sec " + org.code;
  org.unit = std::move(unit);
  return org;
}

inline core::ScoreRecord Score(std::string code, int year, double value,
                               std::optional<core::Grade> grade = std::nullopt) {
  core::ScoreRecord score;
  score.code = std::move(code);
  score.year = year;
  score.dimensions = {value, value, value, value, value, value + 1};
  score.committee_grade = grade;
  if (grade) score.reason = "committee decision";
  return score;
}

// `n` organizations: every tenth a direct committee, the others its branches.
inline std::vector<core::Organization> ManyOrgs(int n) {
  std::vector<core::Organization> orgs;
  orgs.reserve(n);
  char code[16];
  char parent[16];
  for (int i = 0; i < n; ++i) {
    std::snprintf(code, sizeof code, "B%08d", i);
    std::snprintf(parent, sizeof parent, "B%08d", i - i % 10);
    orgs.push_back(Org(code, i % 10 == 0 ? "" : parent));
  }
  return orgs;
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char dir[] = "/tmp/grassroots-storage-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    dir_ = dir;
    path_ = dir_ + "/test.db";
    Reopen();
    ASSERT_TRUE(store_->Migrate().ok());
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  void Reopen() {
    store_.reset();
    core::Result<std::unique_ptr<Store>> store = OpenSqliteStore(path_, clock_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(store).value();
  }

  // A second connection, to look at what the store wrote.
  std::int64_t QueryInt(const std::string& sql) {
    core::Result<Database> db = OpenSqliteDatabase(path_);
    EXPECT_TRUE(db.ok());
    core::Result<std::int64_t> value = db.value().QueryInt(sql);
    EXPECT_TRUE(value.ok()) << value.error().message;
    return value.ok() ? value.value() : -1;
  }
  void Exec(const std::string& sql) {
    core::Result<Database> db = OpenSqliteDatabase(path_);
    ASSERT_TRUE(db.ok());
    core::Status status = db.value().Exec(sql, "test");
    ASSERT_TRUE(status.ok()) << status.error().message;
  }

  WriteSummary Upsert(const std::vector<core::Organization>& orgs) {
    core::Result<WriteSummary> summary = store_->UpsertOrganizations(orgs, actor_);
    EXPECT_TRUE(summary.ok()) << summary.error().message;
    return summary.ok() ? summary.value() : WriteSummary{-1, -1};
  }

  core::OrgTable Table() {
    core::Result<core::OrgTable> table = store_->LoadOrgTable();
    EXPECT_TRUE(table.ok()) << table.error().message;
    return table.ok() ? table.value() : core::OrgTable{};
  }

  std::string dir_;
  std::string path_;
  // The store's "now": the county's 2016-07-01 begins (2016-06-30T16:00:00Z).
  core::FixedClock clock_{core::CountyDayStart({2016, 7, 1})};
  std::unique_ptr<Store> store_;
  Actor actor_{"tester", "127.0.0.1"};
};

// The inputs of an assessment of `table` with no scores, hand decisions or previous years: for
// tests of what SaveAssessment stores of a result they build by hand.
struct NoInputs {
  explicit NoInputs(const core::OrgTable& table, int year = 2016) {
    scores.Resize(table.size());
    input.year = year;
    input.orgs = &table;
    input.scores = &scores;
  }
  NoInputs(const NoInputs&) = delete;
  NoInputs& operator=(const NoInputs&) = delete;

  core::YearScores scores;
  core::AssessmentInput input;
};

inline core::AssessmentResult Result(int year, std::vector<std::uint8_t> selected) {
  core::AssessmentResult result;
  result.year = year;
  result.score_cents = {5850, core::kNoScore, 9100};
  result.grade = {3, -1, 0};
  result.rank = {1, 0, 2};
  result.reasons = {core::kReasonBottomQuota | core::kReasonGradeD, 0, 0};
  result.consecutive = {0, 0, 0};
  result.selected = std::move(selected);
  result.quotas = {{0, core::OrgType::kVillage, 2, 150'000, 1, 5850, 1}};
  return result;
}

}  // namespace grassroots::storage::test
