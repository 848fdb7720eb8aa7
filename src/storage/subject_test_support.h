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

// `fn(tx)`'s answer, read in one snapshot.
template <typename T, typename Fn>
core::Result<T> ReadIn(Store& store, Fn fn) {
  std::optional<T> answer;
  core::Status status = store.Read([&](Tx& tx) -> core::Status {
    core::Result<T> got = fn(tx);
    if (!got.ok()) return got.error();
    answer.emplace(std::move(got).value());
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return std::move(*answer);
}

// `fn(tx)`'s answer, written in one transaction by `actor`.
template <typename T, typename Fn>
core::Result<T> WriteIn(Store& store, const Actor& actor, Fn fn) {
  std::optional<T> answer;
  core::Status status = store.Write(actor, [&](Tx& tx) -> core::Status {
    core::Result<T> got = fn(tx);
    if (!got.ok()) return got.error();
    answer.emplace(std::move(got).value());
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return std::move(*answer);
}

inline core::Result<Page<AuditRecord>> ListAudit(Store& store, std::int64_t offset,
                                                 std::int64_t limit) {
  return ReadIn<Page<AuditRecord>>(store, [&](Tx& tx) { return AuditLog(tx).List(offset, limit); });
}

inline core::Result<Page<AuditRecord>> ListAuditChanges(Store& store, std::int64_t entry_id,
                                                        std::int64_t offset, std::int64_t limit) {
  return ReadIn<Page<AuditRecord>>(
      store, [&](Tx& tx) { return AuditLog(tx).Changes(entry_id, offset, limit); });
}

inline core::Result<AuditVerification> VerifyAudit(Store& store,
                                                   const std::optional<ChainHead>& expect) {
  return ReadIn<AuditVerification>(store, [&](Tx& tx) { return AuditLog(tx).Verify(expect); });
}

inline core::Result<ChainHead> AuditHead(Store& store) {
  return ReadIn<ChainHead>(store, [](Tx& tx) { return AuditLog(tx).Head(); });
}

inline core::Result<std::vector<AuditRecord>> AuditChangesOf(Store& store,
                                                             const std::string& entity,
                                                             std::int64_t after_id) {
  return ReadIn<std::vector<AuditRecord>>(
      store, [&](Tx& tx) { return AuditLog(tx).ChangesOf(entity, after_id); });
}

inline core::Result<std::int64_t> CreateUser(Store& store, const UserRecord& user,
                                             const Actor& actor) {
  return WriteIn<std::int64_t>(store, actor,
                               [&](Tx& tx) { return AccountRecords(tx).Create(user); });
}

inline core::Result<std::optional<UserRecord>> FindUser(Store& store, const std::string& name) {
  return ReadIn<std::optional<UserRecord>>(store,
                                           [&](Tx& tx) { return AccountRecords(tx).Find(name); });
}

}  // namespace grassroots::storage::test
