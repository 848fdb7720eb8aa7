// BulkLoad (database.h) on PostgreSQL: COPY table (columns) FROM STDIN in text format. Rows are
// escaped into a buffer and sent a piece of about 1 MiB at a time; the COPY begins with the first
// piece, so a load of fewer rows leaves the connection free until Finish.
#pragma once

#include <memory>
#include <string_view>

#include "storage/database.h"
#include "storage/postgres/pg_connection.h"

namespace grassroots::storage::pg {

// `conn` must outlive the load.
std::unique_ptr<BulkLoadImpl> NewBulkLoad(Connection& conn, std::string_view table,
                                          std::string_view columns);

}  // namespace grassroots::storage::pg
