// The write of a streamed import's chunk where the backend has bulk loads (PostgreSQL; see
// ImportWriter): the chunk is compared with the stored rows in C++ exactly as WriteChanged does
// (bulk_write.h), so the change records, their JSON and the entry's digest are the same bytes on
// both backends; only the new and changed rows are then loaded into a temporary staging table
// with COPY and upserted from it by one INSERT ... SELECT with the table's own ON CONFLICT
// clause. Moving the comparison into SQL was not done: the records' JSON (numbers, escaping,
// the resolved unit) would have to be rebuilt by the server byte for byte. A chunk of new rows
// only is loaded into the table directly. A kind whose table has no key on its rows'
// organization (scores on PostgreSQL, import_kinds.h) is checked after each chunk is written.
// Internal to src/storage.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/bulk_write.h"
#include "storage/database.h"

namespace grassroots::storage {

class StagedUpsert {
 public:
  // `upsert`'s insert is "INSERT INTO table (columns) VALUES ".
  explicit StagedUpsert(const UpsertSql& upsert);

  // Compares `rows` with the stored rows, records the changed ones in `recorder` and upserts
  // them through the staging table. `partition` as WriteChanged's.
  template <typename Kind>
  core::Status Write(Database& db, const std::vector<typename Kind::Row>& rows,
                     ChangeRecorder& recorder, WriteSummary& summary,
                     PartitionCheck<Kind>& partition);

 private:
  // Creates the staging table (dropped at commit or rollback) or empties it.
  core::Status Clear(Database& db);
  core::Status Upsert(Database& db, std::string_view first, std::string_view last);
  static core::Error InRows(core::Error error, std::string_view first, std::string_view last);
  // PostgreSQL's text form of a text[]: {"a","b"}, each element quoted and its " and \ escaped.
  static std::string TextArray(const std::vector<std::string_view>& values);
  // Where the table has no key on its rows' organization (Kind::kUnknownOrganizations): refuses
  // the `changed` rows, once written, if one names an organization not stored.
  template <typename Kind>
  static core::Status CheckOrganizations(Database& db, const std::vector<typename Kind::Row>& rows,
                                         const std::vector<std::uint32_t>& changed);

  const UpsertSql& upsert_;
  std::string table_;
  std::string columns_;
  std::string staging_;
  bool created_ = false;
};

template <typename Kind>
core::Status StagedUpsert::Write(Database& db, const std::vector<typename Kind::Row>& rows,
                                 ChangeRecorder& recorder, WriteSummary& summary,
                                 PartitionCheck<Kind>& partition) {
  const std::int64_t updated_before = summary.updated;
  std::vector<std::uint32_t> changed;
  if (core::Status status = Compare<Kind>(db, rows, KeyOrder(rows, Kind::Less), recorder, changed,
                                          summary, partition);
      !status.ok()) {
    return status;
  }
  if (changed.empty()) return core::Status::Ok();
  // A chunk whose changed rows are all new (every chunk of a first import) needs no upsert:
  // nothing stored has their keys (the writers of the database take turns, and an import's keys
  // are unique), so they are loaded into the table itself, not staged and copied again.
  const bool all_new = summary.updated == updated_before;
  if (!all_new) {
    if (core::Status cleared = Clear(db); !cleared.ok()) return cleared;
  }
  core::Result<BulkLoad> load = db.BeginBulkLoad(all_new ? table_ : staging_, columns_);
  if (!load.ok()) return load.error();
  for (std::uint32_t i : changed) {
    Kind::Bind(load.value().row(), 1, rows[i]);
    if (core::Status added = load.value().row().Run(); !added.ok()) return added;
  }
  const std::string first = Kind::Name(rows[changed.front()]);
  const std::string last = Kind::Name(rows[changed.back()]);
  if (core::Status loaded = load.value().Finish(); !loaded.ok()) {
    return InRows(loaded.error(), first, last);
  }
  if (!all_new) {
    if (core::Status upserted = Upsert(db, first, last); !upserted.ok()) return upserted;
  }
  if constexpr (requires { Kind::kUnknownOrganizations; }) {
    return CheckOrganizations<Kind>(db, rows, changed);
  }
  return core::Status::Ok();
}

template <typename Kind>
core::Status StagedUpsert::CheckOrganizations(Database& db,
                                              const std::vector<typename Kind::Row>& rows,
                                              const std::vector<std::uint32_t>& changed) {
  std::vector<std::string_view> codes;
  codes.reserve(changed.size());
  for (std::uint32_t i : changed) codes.push_back(Kind::Organization(rows[i]));
  const std::string array = TextArray(codes);
  core::Result<Statement> stmt = db.Prepare(Kind::kUnknownOrganizations);
  if (!stmt.ok()) return stmt.error();
  core::Result<bool> counted = stmt.value().BindText(1, array).Step();
  if (!counted.ok()) return counted.error();
  core::Status status = core::Status::Ok();
  if (stmt.value().Int(0) != 0) status = Kind::UnknownOrganization(stmt.value().Text(1));
  stmt.value().Reset();
  return status;
}

}  // namespace grassroots::storage
