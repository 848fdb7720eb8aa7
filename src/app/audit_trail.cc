#include "app/audit_trail.h"

namespace grassroots::app {

core::Result<storage::Page<storage::AuditRecord>> ListAudit(storage::Store& store,
                                                            std::int64_t offset,
                                                            std::int64_t limit) {
  return store.ListAudit(offset, limit);
}

core::Result<storage::Page<storage::AuditRecord>> ListAuditChanges(storage::Store& store,
                                                                   std::int64_t entry_id,
                                                                   std::int64_t offset,
                                                                   std::int64_t limit) {
  return store.ListAuditChanges(entry_id, offset, limit);
}

core::Result<storage::ChainHead> AuditHead(storage::Store& store) { return store.AuditHead(); }

core::Result<storage::AuditVerification> VerifyAudit(
    storage::Store& store, const std::optional<storage::ChainHead>& expect) {
  return store.VerifyAudit(expect);
}

}  // namespace grassroots::app
