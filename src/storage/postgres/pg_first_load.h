// DatabaseImpl::SuspendForFirstLoad on PostgreSQL. Loading rows into a table row by row costs
// most where each row is checked and indexed on its own: at a province's 300,000 organizations,
// COPY into the bare table took 0.35 s, with its primary key and five secondary indexes 3.0 s,
// and with its two foreign keys' per-row checks (a trigger and a lookup per row and key) 6.5 s
// (docs/performance.md). Into an empty table, the foreign keys are dropped and the secondary
// indexes with them, and put back once every row is in: CREATE INDEX sorts the rows once, and
// ADD CONSTRAINT checks every row in one join. Primary keys and unique indexes stay (the load's
// own upserts and the keys of other tables use them). Dropping takes the table's ACCESS
// EXCLUSIVE lock until the import commits: readers of the table on other connections wait for
// the first import of an empty table, which had nothing to show them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "storage/database.h"

namespace grassroots::storage::pg {

// Empty `table`: drops its foreign keys and secondary indexes and answers the statements that
// create them again as they were (same names and definitions). A table with rows: nothing.
core::Result<std::vector<std::string>> SuspendForFirstLoad(DatabaseImpl& db,
                                                           std::string_view table);

}  // namespace grassroots::storage::pg
