#include "storage/statistics.h"

namespace grassroots::storage {

core::Result<bool> StatisticsOutgrown(Database& db, std::string_view table, std::int64_t rows) {
  core::Result<bool> known = HasStatistics(db, table);
  if (!known.ok()) return known.error();
  if (!known.value() || db.dialect() != Dialect::kSqlite) return true;
  // Each sqlite_stat1 row of the table starts with the rows its index held when ANALYZE ran.
  core::Result<Statement> stmt =
      db.Prepare("SELECT MAX(CAST(stat AS INTEGER)) FROM sqlite_stat1 WHERE tbl = ?");
  if (!stmt.ok()) return stmt.error();
  stmt.value().BindText(1, table);
  core::Result<bool> row = stmt.value().Step();
  if (!row.ok()) return row.error();
  if (!row.value() || stmt.value().IsNull(0)) return true;
  return stmt.value().Int(0) * 10 < rows * 9;
}

void RefreshStatisticsAfterBulkWrite(Database& db, std::string_view table, std::int64_t added) {
  if (db.dialect() == Dialect::kSqlite) {
    core::Result<bool> known = HasStatistics(db, table);
    if (added == 0 && known.ok() && known.value()) return;
    core::Result<std::int64_t> rows = db.QueryInt("SELECT COUNT(*) FROM " + std::string(table));
    core::Result<bool> outgrown =
        rows.ok() ? StatisticsOutgrown(db, table, rows.value()) : core::Result<bool>(true);
    if (outgrown.ok() && !outgrown.value()) return;
  }
  (void)RefreshStatistics(db, table);
}

}  // namespace grassroots::storage
