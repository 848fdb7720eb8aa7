// Test helpers shared by the storage tests: small organizations and scores, and fixtures with a
// migrated store on either backend. Test-only.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/assessment.h"
#include "core/clock.h"
#include "core/policy.h"
#include "storage/assessment_records.h"
#include "storage/import_writer.h"
#include "storage/open_store.h"
#include "storage/organization_subject.h"
#include "storage/postgres/pg_test_server.h"
#include "storage/sqlite_db.h"
#include "storage/store.h"
#include "storage/tx.h"

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

// The codes of a page of organizations, in order.
inline std::vector<std::string> Codes(const Page<core::Organization>& page) {
  std::vector<std::string> codes;
  for (const core::Organization& org : page.items) codes.push_back(org.code);
  return codes;
}

// A migrated store on one backend: an SQLite file in a temporary directory, or a schema of its
// own on the PostgreSQL server of the `postgres` CTest fixture. A suite of contract tests
// derives from StoreTest and is instantiated over both backends (INSTANTIATE_STORE_TESTS);
// tests of what only SQLite has (its file, the head file beside it, PRAGMAs) use
// SqliteStoreTest or OnSqlite<Fixture> with TEST_F.
class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { Start(only_ ? *only_ : GetParam()); }
  void TearDown() override {
    store_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  void Start(Backend backend) {
    backend_ = backend;
    if (backend == Backend::kPostgres) {
      schema_ = std::make_unique<pg::TestSchema>();
      url_ = schema_->url();
      ASSERT_FALSE(url_.empty());
    } else {
      char dir[] = "/tmp/grassroots-storage-XXXXXX";
      ASSERT_NE(mkdtemp(dir), nullptr);
      dir_ = dir;
      path_ = dir_ + "/test.db";
      url_ = path_;
    }
    Reopen();
    ASSERT_TRUE(store_->Migrate().ok());
  }

  void Reopen() {
    store_.reset();
    core::Result<std::unique_ptr<Store>> store = OpenStore(url_, clock_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(store).value();
  }

  bool postgres() const { return backend_ == Backend::kPostgres; }

  // A second connection, to look at what the store wrote (SQL both backends accept).
  std::int64_t QueryInt(const std::string& sql) {
    core::Result<Database> db = OpenDatabase(url_);
    EXPECT_TRUE(db.ok());
    if (!db.ok()) return -1;
    core::Result<std::int64_t> value = db.value().QueryInt(sql);
    EXPECT_TRUE(value.ok()) << value.error().message;
    return value.ok() ? value.value() : -1;
  }
  void Exec(const std::string& sql) {
    core::Result<Database> db = OpenDatabase(url_);
    ASSERT_TRUE(db.ok());
    core::Status status = db.value().Exec(sql, "test");
    ASSERT_TRUE(status.ok()) << status.error().message;
  }

  // Runs `sql` as someone with write access to the database would, past the triggers that keep
  // the audit trail append-only: SQLite's are dropped, PostgreSQL's skipped for the session.
  void Tamper(const std::string& sql) {
    if (postgres()) return Exec("SET session_replication_role = replica; " + sql);
    std::string drop;
    for (const char* table : {"audit_log", "audit_changes", "audit_checkpoints"}) {
      for (const char* what : {"_no_update", "_no_delete"}) {
        drop += std::string("DROP TRIGGER IF EXISTS ") + table + what + "; ";
      }
    }
    Exec(drop + sql);
  }

  WriteSummary Upsert(const std::vector<core::Organization>& orgs) {
    core::Result<WriteSummary> summary = ImportBatch(*store_, actor_, orgs);
    EXPECT_TRUE(summary.ok()) << summary.error().message;
    return summary.ok() ? summary.value() : WriteSummary{-1, -1};
  }

  core::OrgTable Table() {
    core::Result<core::OrgTable> table = storage::ReadValue(
        *store_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Table(); });
    EXPECT_TRUE(table.ok()) << table.error().message;
    return table.ok() ? table.value() : core::OrgTable{};
  }

  std::optional<Backend> only_;  // set: this backend whatever the parameter (OnSqlite)
  Backend backend_ = Backend::kSqlite;
  std::unique_ptr<pg::TestSchema> schema_;
  std::string dir_;
  std::string path_;  // the SQLite file; empty on PostgreSQL
  std::string url_;   // what OpenStore opens
  // The store's "now": the county's 2016-07-01 begins (2016-06-30T16:00:00Z).
  core::FixedClock clock_{core::CountyDayStart({2016, 7, 1})};
  std::unique_ptr<Store> store_;
  Actor actor_{"tester", "127.0.0.1"};
};

// `Fixture` on SQLite only, for TEST_F.
template <typename Fixture>
class OnSqlite : public Fixture {
 protected:
  OnSqlite() { this->only_ = Backend::kSqlite; }
};
class SqliteStoreTest : public OnSqlite<StoreTest> {};
// `Fixture` on PostgreSQL only, for TEST_F (what only PostgreSQL's planner shows).
template <typename Fixture>
class OnPostgres : public Fixture {
 protected:
  OnPostgres() { this->only_ = Backend::kPostgres; }
};

}  // namespace grassroots::storage::test

namespace grassroots::storage {
// gtest's name of a parameter.
inline void PrintTo(Backend backend, std::ostream* out) {
  *out << (backend == Backend::kPostgres ? "Postgres" : "Sqlite");
}
}  // namespace grassroots::storage

namespace grassroots::storage::test {

inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kPostgres ? "Postgres" : "Sqlite";
}

// The inputs of an assessment of `table` with no scores, hand decisions or previous years: for
// tests of what AssessmentRecords::Save stores of a result they build by hand.
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

// Stores `result` of `input` as a run under `policy` (AssessmentRecords::Save in one write).
inline core::Status SaveRun(Store& store, const Actor& actor, const core::AssessmentInput& input,
                            const core::AssessmentResult& result, const std::string& version = "v1",
                            const core::Policy& policy = core::MoheDefaultPolicy()) {
  return store.Write(actor, [&](Tx& tx) -> core::Status {
    core::Result<AssessmentInfo> saved = AssessmentRecords(tx).Save(policy, version, input, result);
    return saved.ok() ? core::Status::Ok() : core::Status(saved.error());
  });
}

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

// Runs the TEST_P tests of `fixture` on SQLite and on PostgreSQL.
#define INSTANTIATE_STORE_TESTS(fixture)                                                 \
  INSTANTIATE_TEST_SUITE_P(Backends, fixture,                                            \
                           ::testing::Values(::grassroots::storage::Backend::kSqlite,    \
                                             ::grassroots::storage::Backend::kPostgres), \
                           ::grassroots::storage::test::BackendName)
