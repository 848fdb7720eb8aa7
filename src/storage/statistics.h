// When a bulk write refreshes the planner's statistics of a table. SQLite's ANALYZE reads every
// row of the table and of each of its indexes (3 s for a country's year of assessment results,
// 6 s once two are stored), while what the plans need is the table's shape: rows per year, per
// unit, per group, which a year added or an import of unchanged rows leaves as it was.
// PostgreSQL's ANALYZE samples a fixed number of rows, so there it is refreshed as before.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/error.h"
#include "storage/database.h"

namespace grassroots::storage {

// Whether the statistics of `table` want refreshing now that it holds `rows` rows: none are
// kept, the backend samples (PostgreSQL: always), or the kept ones (SQLite: sqlite_stat1)
// describe fewer than nine tenths of `rows`, i.e. the table grew since they were taken.
core::Result<bool> StatisticsOutgrown(Database& db, std::string_view table, std::int64_t rows);

// After a bulk write that added `added` rows to `table`: on SQLite, takes its statistics again
// when none are kept or they are outgrown (the table's rows counted only when rows were added);
// on PostgreSQL, always, as before. A failure is ignored: statistics only steer plans.
void RefreshStatisticsAfterBulkWrite(Database& db, std::string_view table, std::int64_t added);

}  // namespace grassroots::storage
