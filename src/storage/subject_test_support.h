// Test helpers: one call of a subject (tx.h) in a transaction of its own, for the storage tests
// that only look at the audit trail or set up an account on the way to what they test. Test-only.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "storage/account_records.h"
#include "storage/audit_log.h"
#include "storage/session_records.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::storage::test {

inline core::Result<Page<AuditRecord>> ListAudit(Store& store, std::int64_t offset,
                                                 std::int64_t limit) {
  return ReadValue(store, [&](Tx& tx) { return AuditLog(tx).List(offset, limit); });
}

inline core::Result<Page<AuditRecord>> ListAuditChanges(Store& store, std::int64_t entry_id,
                                                        std::int64_t offset, std::int64_t limit) {
  return ReadValue(store, [&](Tx& tx) { return AuditLog(tx).Changes(entry_id, offset, limit); });
}

inline core::Result<AuditVerification> VerifyAudit(Store& store,
                                                   const std::optional<ChainHead>& expect) {
  return ReadValue(store, [&](Tx& tx) { return AuditLog(tx).Verify(expect); });
}

inline core::Result<ChainHead> AuditHead(Store& store) {
  return ReadValue(store, [](Tx& tx) { return AuditLog(tx).Head(); });
}

inline core::Result<std::vector<AuditRecord>> AuditChangesOf(Store& store,
                                                             const std::string& entity,
                                                             std::int64_t after_id) {
  return ReadValue(store, [&](Tx& tx) { return AuditLog(tx).ChangesOf(entity, after_id); });
}

inline core::Result<std::int64_t> CreateUser(Store& store, const UserRecord& user,
                                             const Actor& actor) {
  return WriteValue(store, actor, [&](Tx& tx) { return AccountRecords(tx).Create(user); });
}

inline core::Result<std::optional<UserRecord>> FindUser(Store& store, const std::string& name) {
  return ReadValue(store, [&](Tx& tx) { return AccountRecords(tx).Find(name); });
}

}  // namespace grassroots::storage::test
