// Writing a batch of rows in bulk (sql_imports.cc): compared with the stored rows first, so
// that only new and changed rows are written, each recorded in the audit trail with its values
// before and after (audit_changes.h), then upserted many rows to a statement, in key order.
// Internal to src/storage.
//
// A Kind describes one table's rows (see OrgRows in sql_imports.cc): `Row`, the upsert
// `kUpsert`, `kLookup` (a SELECT of stored rows up to "IN (" with `kLookupPrefixParams`
// parameters before the keys, bound by BindLookupPrefix), `PartitionSql` (whether anything is
// stored in a row's partition, bound by BindPartition; SamePartition), `Less` and `CompareKey`
// (key order), `BindKey`, `Read` (a stored row), `Same` (values equal), `Entity` and
// `RecordJson` (as the audit trail names a row and its change record stores it, compact:
// row_json.h), `Name` (for errors) and `Bind` (the upsert's columns).
#pragma once

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/audit_changes.h"
#include "storage/database.h"
#include "storage/sql_store.h"

namespace grassroots::storage {

// An upsert in the parts a multi-row statement repeats: INSERT ... VALUES (row), (row), ...
// ON CONFLICT ... Rows of one batch have unique keys (validation ensures it), which
// PostgreSQL requires of a multi-row upsert too. The DO UPDATE skips rows that would not
// change (IS DISTINCT FROM, so that NULLs compare as values): re-importing the same file
// then rewrites no index entries.
struct UpsertSql {
  std::string_view insert;  // up to VALUES
  int columns = 0;
  std::string_view conflict;
};

// SQLite spends 3-4 us on each statement execution before the first row (cursors), and an
// upsert's execution inside a transaction keeps a statement journal so that the statement alone
// can be undone: each page it changes is first copied there (in memory, in small pieces
// allocated and freed again at the statement's end). More rows per execution copy a page once
// for more rows: 128 rows cut an import of a million organizations from 9 s to under 3 s, and
// 1,024 took 2-5 s off a country's `import orgs` in 5 of 6 runs and halved the allocator's share
// of its samples (docs/performance.md, "Imports: organizations read once, and 1,024 rows to a
// statement").
inline constexpr std::size_t kBatchRows = 1024;
// SQLite's limit on a statement's parameters (SQLITE_MAX_VARIABLE_NUMBER, 32,766 since 3.32;
// PostgreSQL's is 65,535): a table of many columns gets fewer rows to a statement.
inline constexpr std::size_t kMaxParameters = 32766;

inline std::size_t RowsPerStatement(int columns) {
  return std::min(kBatchRows, kMaxParameters / static_cast<std::size_t>(columns));
}

inline std::string MultiRowSql(const UpsertSql& sql, std::size_t rows) {
  std::string row = "(?";
  for (int c = 1; c < sql.columns; ++c) row += ", ?";
  row += ")";
  std::string text(sql.insert);
  for (std::size_t r = 0; r < rows; ++r) text += (r == 0 ? "" : ", ") + row;
  return text + std::string(sql.conflict);
}

// Writes rows[order[0]], rows[order[1]], ... RowsPerStatement at a time. bind(stmt, param, i)
// binds row i's columns from parameter `param` on; key(i) names row i in an error.
template <typename Bind, typename Key>
core::Status WriteBatched(Database& db, const UpsertSql& sql,
                          const std::vector<std::uint32_t>& order, Bind bind, Key key) {
  const std::size_t batch = RowsPerStatement(sql.columns);
  const std::size_t full_batches = order.size() / batch;
  const std::size_t tail = order.size() % batch;
  for (std::size_t rows : {batch, tail}) {
    if (rows == 0 || (rows == batch && full_batches == 0)) continue;
    core::Result<Statement> stmt = db.Prepare(MultiRowSql(sql, rows));
    if (!stmt.ok()) return stmt.error();
    const std::size_t first = rows == batch ? 0 : full_batches * batch;
    const std::size_t last = rows == batch ? full_batches * batch : order.size();
    for (std::size_t done = first; done < last; done += rows) {
      for (std::size_t r = 0; r < rows; ++r) {
        bind(stmt.value(), static_cast<int>(r) * sql.columns + 1, order[done + r]);
      }
      if (core::Status status = stmt.value().Run(); !status.ok()) {
        return WithContext(status.error(), "in the rows from " + key(order[done]) + " to " +
                                               key(order[done + rows - 1]));
      }
    }
  }
  return core::Status::Ok();
}

// The positions of `rows` in the order of `less`; the identity when already in order, which
// is the usual case for files exported from another system.
template <typename Row, typename Less>
std::vector<std::uint32_t> KeyOrder(const std::vector<Row>& rows, Less less) {
  std::vector<std::uint32_t> order(rows.size());
  std::iota(order.begin(), order.end(), 0u);
  const auto by_key = [&](std::uint32_t a, std::uint32_t b) { return less(rows[a], rows[b]); };
  if (!std::is_sorted(order.begin(), order.end(), by_key)) {
    std::sort(order.begin(), order.end(), by_key);
  }
  return order;
}

// Keys asked for per lookup; a shorter chunk repeats its last key, so one compiled statement
// serves every lookup.
inline constexpr std::size_t kLookupKeys = 128;

template <typename Kind>
std::string LookupSql() {
  std::string sql(Kind::kLookup);
  for (std::size_t k = 0; k < kLookupKeys; ++k) sql += k == 0 ? "?" : ", ?";
  return sql + ")";
}

// Reads the stored rows among rows[order[next]] .. rows[order[end - 1]] into `stored`, in key
// order, with `lookup` (LookupSql).
template <typename Kind>
core::Status ReadStored(Statement& lookup, const std::vector<typename Kind::Row>& rows,
                        const std::vector<std::uint32_t>& order, std::size_t next, std::size_t end,
                        std::vector<typename Kind::Row>& stored) {
  Kind::BindLookupPrefix(lookup, rows[order[next]]);
  for (std::size_t k = 0; k < kLookupKeys; ++k) {
    const std::size_t at = std::min(next + k, end - 1);
    Kind::BindKey(lookup, Kind::kLookupPrefixParams + static_cast<int>(k) + 1, rows[order[at]]);
  }
  for (;;) {
    core::Result<bool> row = lookup.Step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
    stored.push_back(Kind::Read(lookup));
  }
  lookup.Reset();
  std::sort(stored.begin(), stored.end(), Kind::Less);
  return core::Status::Ok();
}

// Whether nothing is stored in a row's partition (an empty table, a year without scores): its
// rows are then new without a lookup. Asked once per partition; nothing is written before every
// row is compared, so the answer holds. A streamed import keeps one check over all its chunks
// (WriteChanged with `partition`): a partition found empty stays so for the rows of later
// chunks, since the rows written before have other keys (the file's keys are unique).
template <typename Kind>
class PartitionCheck {
 public:
  explicit PartitionCheck(Statement stmt) : stmt_(std::move(stmt)) {}
  core::Result<bool> IsEmpty(const typename Kind::Row& row) {
    if (last_ && Kind::SamePartition(*last_, row)) return empty_;
    Kind::BindPartition(stmt_, row);
    core::Result<bool> any = stmt_.Step();
    if (!any.ok()) return any.error();
    empty_ = any.value() && stmt_.Int(0) == 0;
    stmt_.Reset();
    last_ = row;
    return empty_;
  }

 private:
  Statement stmt_;
  std::optional<typename Kind::Row> last_;  // a copy: a streamed import's chunks go
  bool empty_ = false;
};

// Compares a batch with what is stored, in key order, up to kLookupKeys rows of one partition
// at a time: each new or changed row is recorded in `recorder` and its position added to
// `changed`; `summary` counts the three outcomes.
template <typename Kind>
core::Status Compare(Database& db, const std::vector<typename Kind::Row>& rows,
                     const std::vector<std::uint32_t>& order, ChangeRecorder& recorder,
                     std::vector<std::uint32_t>& changed, WriteSummary& summary,
                     PartitionCheck<Kind>& partition) {
  using Row = typename Kind::Row;
  core::Result<Statement> lookup = db.Prepare(LookupSql<Kind>());
  if (!lookup.ok()) return lookup.error();
  std::vector<Row> stored;
  for (std::size_t next = 0, end = 0; next < order.size(); next = end) {
    const Row& first = rows[order[next]];
    end = next + 1;
    while (end < order.size() && end - next < kLookupKeys &&
           Kind::SamePartition(first, rows[order[end]])) {
      ++end;
    }
    core::Result<bool> empty = partition.IsEmpty(first);
    if (!empty.ok()) return empty.error();
    stored.clear();
    if (!empty.value()) {
      core::Status read = ReadStored<Kind>(lookup.value(), rows, order, next, end, stored);
      if (!read.ok()) return read;
    }
    std::size_t s = 0;
    for (std::size_t r = next; r < end; ++r) {
      const Row& row = rows[order[r]];
      while (s < stored.size() && Kind::CompareKey(stored[s], row) < 0) ++s;
      const Row* before =
          s < stored.size() && Kind::CompareKey(stored[s], row) == 0 ? &stored[s] : nullptr;
      if (before != nullptr && Kind::Same(*before, row)) {
        ++summary.unchanged;
        continue;
      }
      changed.push_back(order[r]);
      ++(before != nullptr ? summary.updated : summary.inserted);
      core::Status added = recorder.Add(
          Kind::Entity(row), before ? std::optional(Kind::RecordJson(*before)) : std::nullopt,
          Kind::RecordJson(row));
      if (!added.ok()) return added;
    }
  }
  return core::Status::Ok();
}

template <typename Kind>
core::Result<PartitionCheck<Kind>> NewPartitionCheck(Database& db) {
  core::Result<Statement> exists = db.Prepare(Kind::PartitionSql());
  if (!exists.ok()) return exists.error();
  return PartitionCheck<Kind>(std::move(exists).value());
}

// Compares the batch with what is stored, records every changed row and writes those rows.
// `partition`: the check kept over the chunks of one streamed import; null for a whole batch.
template <typename Kind>
core::Status WriteChanged(Database& db, const std::vector<typename Kind::Row>& rows,
                          ChangeRecorder& recorder, WriteSummary& summary,
                          PartitionCheck<Kind>* partition = nullptr) {
  std::optional<PartitionCheck<Kind>> own;
  if (partition == nullptr) {
    core::Result<PartitionCheck<Kind>> check = NewPartitionCheck<Kind>(db);
    if (!check.ok()) return check.error();
    partition = &own.emplace(std::move(check).value());
  }
  std::vector<std::uint32_t> changed;
  if (core::Status status = Compare<Kind>(db, rows, KeyOrder(rows, Kind::Less), recorder, changed,
                                          summary, *partition);
      !status.ok()) {
    return status;
  }
  return WriteBatched(
      db, Kind::kUpsert, changed,
      [&](Statement& stmt, int p, std::uint32_t i) { Kind::Bind(stmt, p, rows[i]); },
      [&](std::uint32_t i) { return Kind::Name(rows[i]); });
}

}  // namespace grassroots::storage
