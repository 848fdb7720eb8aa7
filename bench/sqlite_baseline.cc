#include "bench/sqlite_baseline.h"

#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace grassroots::bench {
namespace {

// The selection as a user would write it: rank within (unit, type), quota from the type's
// ratio, ties at the cut taken (RANK gives them the same r), plus every composite below the D
// threshold. The quota is ceil(n × ratio) in integer parts per million, as the engine computes
// it: with a REAL ratio, ceil(20 * 0.15) is 4, not 3.
std::string SelectionSql(const core::Policy& policy) {
  std::string ratio = "CASE type";
  for (core::OrgType type : core::kAllOrgTypes) {
    const int t = static_cast<int>(type);
    ratio += " WHEN " + std::to_string(t) + " THEN " + std::to_string(policy.ratio_ppm[t]);
  }
  ratio += " END";
  return "SELECT org FROM ("
         " SELECT org, score,"
         "  RANK() OVER (PARTITION BY unit, type ORDER BY score) AS r,"
         "  COUNT(*) OVER (PARTITION BY unit, type) AS n,"
         "  " +
         ratio +
         " AS ratio_ppm"
         " FROM bench_scores)"
         " WHERE r <= (n * ratio_ppm + 999999) / 1000000 OR score < " +
         std::to_string(policy.grade_c_cents / 100.0);
}

}  // namespace

void SqliteBaseline::Check(int rc, const char* what) {
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return;
  std::fprintf(stderr, "sqlite: %s: %s\n", what, sqlite3_errmsg(db_));
  std::exit(1);
}

void SqliteBaseline::Exec(const std::string& sql) {
  Check(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr), sql.c_str());
}

SqliteBaseline::SqliteBaseline(const BenchData& data, bool indexed) {
  const auto start = std::chrono::steady_clock::now();
  path_ = (std::filesystem::temp_directory_path() /
           ("grassroots_bench_" + std::to_string(::getpid()) + ".db"))
              .string();
  Check(sqlite3_open(path_.c_str(), &db_), "open");
  Exec("PRAGMA journal_mode=WAL");
  Exec("PRAGMA synchronous=OFF");  // loading is setup, not what is measured
  Exec("CREATE TABLE bench_scores(org INTEGER, unit INTEGER, type INTEGER, score REAL)");
  Exec("BEGIN");
  sqlite3_stmt* insert = nullptr;
  Check(
      sqlite3_prepare_v2(db_, "INSERT INTO bench_scores VALUES (?, ?, ?, ?)", -1, &insert, nullptr),
      "prepare insert");
  for (std::size_t i = 0; i < data.orgs.size(); ++i) {
    if (!data.scores.has_score[i]) continue;
    const std::int32_t cents =
        core::CompositeCents(data.policy, &data.scores.dimensions[i * core::kDimensionCount]);
    sqlite3_bind_int64(insert, 1, static_cast<sqlite3_int64>(i));
    sqlite3_bind_int64(insert, 2, data.orgs.unit[i]);
    sqlite3_bind_int(insert, 3, static_cast<int>(data.orgs.type[i]));
    sqlite3_bind_double(insert, 4, cents / 100.0);
    Check(sqlite3_step(insert), "insert");
    sqlite3_reset(insert);
    ++rows_;
  }
  sqlite3_finalize(insert);
  Exec("COMMIT");
  if (indexed) Exec("CREATE INDEX bench_scores_by_group ON bench_scores(unit, type, score)");
  Exec("ANALYZE");
  Check(sqlite3_prepare_v2(db_, SelectionSql(data.policy).c_str(), -1, &select_, nullptr),
        "prepare select");
  load_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

SqliteBaseline::~SqliteBaseline() {
  sqlite3_finalize(select_);
  sqlite3_close(db_);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
}

std::int64_t SqliteBaseline::Select() {
  std::int64_t selected = 0;
  int rc;
  while ((rc = sqlite3_step(select_)) == SQLITE_ROW) ++selected;
  Check(rc, "select");
  sqlite3_reset(select_);
  return selected;
}

}  // namespace grassroots::bench
