#include "storage/staged_upsert.h"

#include <utility>

#include "storage/sql_store.h"

namespace grassroots::storage {
namespace {

constexpr std::string_view kInsertInto = "INSERT INTO ";

}  // namespace

StagedUpsert::StagedUpsert(const UpsertSql& upsert) : upsert_(upsert) {
  std::string_view text = upsert.insert;
  text.remove_prefix(kInsertInto.size());
  const std::size_t open = text.find(" (");
  const std::size_t close = text.find(')');
  table_ = std::string(text.substr(0, open));
  columns_ = std::string(text.substr(open + 2, close - open - 2));
  staging_ = "import_staging_" + table_;
}

core::Status StagedUpsert::Clear(Database& db) {
  if (created_) return db.Exec("TRUNCATE " + staging_, "emptying the import's staging table");
  // The stored columns' types, no constraints: the table's own are checked by the upsert.
  core::Status created =
      db.Exec("CREATE TEMPORARY TABLE " + staging_ + " ON COMMIT DROP AS SELECT " + columns_ +
                  " FROM " + table_ + " WITH NO DATA",
              "creating the import's staging table");
  if (created.ok()) created_ = true;
  return created;
}

core::Status StagedUpsert::Upsert(Database& db, std::string_view first, std::string_view last) {
  const std::string sql = std::string(kInsertInto) + table_ + " (" + columns_ + ") SELECT " +
                          columns_ + " FROM " + staging_ + std::string(upsert_.conflict);
  core::Status status = db.Exec(sql, "writing the import's rows");
  if (status.ok()) return status;
  return InRows(status.error(), first, last);
}

std::string StagedUpsert::TextArray(const std::vector<std::string_view>& values) {
  std::string array = "{";
  for (std::string_view value : values) {
    if (array.size() > 1) array += ',';
    array += '"';
    for (char c : value) {
      if (c == '"' || c == '\\') array += '\\';
      array += c;
    }
    array += '"';
  }
  return array + "}";
}

core::Error StagedUpsert::InRows(core::Error error, std::string_view first, std::string_view last) {
  return WithContext(std::move(error),
                     "in the rows from " + std::string(first) + " to " + std::string(last));
}

}  // namespace grassroots::storage
