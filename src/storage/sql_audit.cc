// The data version, read from the audit log (the log itself: audit_log.h, audit_chain.h).
#include "storage/sql_store.h"

namespace grassroots::storage {

core::Result<std::int64_t> SqlStore::DataVersion() {
  if (std::optional<std::int64_t> known = db_.KnownDataVersion()) return *known;
  return Guarded("reading the data version", [&] {
    return db_.QueryInt("SELECT COALESCE(MAX(id), 0) FROM audit_log WHERE data_change = 1");
  });
}

}  // namespace grassroots::storage
