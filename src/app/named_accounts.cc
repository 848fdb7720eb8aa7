#include "app/named_accounts.h"

#include "core/account_rules.h"
#include "storage/account_records.h"

namespace grassroots::app::internal {

core::Status RequireAccount(storage::Tx& tx, std::string_view field, const std::string& name) {
  if (name.empty()) return core::Status::Ok();
  core::Result<bool> exists = storage::AccountRecords(tx).Exists(name);
  if (!exists.ok()) return exists.error();
  if (!exists.value()) return core::UnknownAccount(field, name);
  return core::Status::Ok();
}

}  // namespace grassroots::app::internal
