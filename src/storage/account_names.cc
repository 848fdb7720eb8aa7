#include "storage/account_names.h"

#include "storage/server_sql.h"

namespace grassroots::storage {

core::Result<bool> AccountExists(Tx& tx, const std::string& name) {
  core::Result<std::optional<std::int64_t>> id =
      QueryOne<std::int64_t>(tx.db(), "SELECT id FROM users WHERE name = ?", {name},
                             [](const Statement& s) { return s.Int(0); });
  if (!id.ok()) return id.error();
  return id.value().has_value();
}

}  // namespace grassroots::storage
