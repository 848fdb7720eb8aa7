// The baseline: the same selection written as one SQL query with window functions, run by
// SQLite on a table of (org, unit, type, composite score).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "bench/bench_data.h"

struct sqlite3;
struct sqlite3_stmt;

namespace grassroots::bench {

class SqliteBaseline {
 public:
  // Loads the scored organizations of `data` into a new database in a temporary file (WAL);
  // with `indexed`, also an index on (unit, type, score), as a user tuning the query would add
  // (it spares SQLite the sort). Exits the process on any SQLite error: this is a benchmark.
  SqliteBaseline(const BenchData& data, bool indexed);
  ~SqliteBaseline();  // closes and deletes the database files
  SqliteBaseline(const SqliteBaseline&) = delete;
  SqliteBaseline& operator=(const SqliteBaseline&) = delete;

  // Runs the selection query, stepping through every row; returns the number selected.
  std::int64_t Select();

  std::int64_t rows() const { return rows_; }
  double load_seconds() const { return load_seconds_; }

 private:
  void Exec(const std::string& sql);
  void Check(int rc, const char* what);

  std::string path_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* select_ = nullptr;
  std::int64_t rows_ = 0;
  double load_seconds_ = 0;
};

}  // namespace grassroots::bench
