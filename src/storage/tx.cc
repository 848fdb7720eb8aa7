#include "storage/tx.h"

#include <utility>

#include "storage/audit_chain.h"
#include "storage/server_sql.h"

namespace grassroots::storage {

core::Status Tx::RequireWritable() const {
  if (writable()) return core::Status::Ok();
  return core::Error::Internal("a write was attempted inside a read snapshot");
}

core::Status Tx::Audit(std::string action, std::string entity,
                       std::optional<std::string> before_json,
                       std::optional<std::string> after_json) const {
  if (core::Status s = RequireWritable(); !s.ok()) return s;
  AuditEntry entry = NewEntry(*writer_, std::move(action), std::move(entity));
  entry.before_json = std::move(before_json);
  entry.after_json = std::move(after_json);
  return AppendAudit(*db_, std::move(entry));
}

}  // namespace grassroots::storage
