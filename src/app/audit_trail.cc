#include "app/audit_trail.h"

#include <utility>

#include "storage/audit_log.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

// `read(log)` in one snapshot.
template <typename T, typename Read>
core::Result<T> ReadLog(storage::Store& store, Read read) {
  std::optional<T> answer;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    storage::AuditLog log(tx);
    core::Result<T> got = read(log);
    if (!got.ok()) return got.error();
    answer.emplace(std::move(got).value());
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return std::move(*answer);
}

}  // namespace

core::Result<storage::Page<storage::AuditRecord>> ListAudit(storage::Store& store,
                                                            std::int64_t offset,
                                                            std::int64_t limit) {
  return ReadLog<storage::Page<storage::AuditRecord>>(
      store, [&](storage::AuditLog& log) { return log.List(offset, limit); });
}

core::Result<storage::Page<storage::AuditRecord>> ListAuditChanges(storage::Store& store,
                                                                   std::int64_t entry_id,
                                                                   std::int64_t offset,
                                                                   std::int64_t limit) {
  return ReadLog<storage::Page<storage::AuditRecord>>(
      store, [&](storage::AuditLog& log) { return log.Changes(entry_id, offset, limit); });
}

core::Result<storage::ChainHead> AuditHead(storage::Store& store) {
  return ReadLog<storage::ChainHead>(store, [](storage::AuditLog& log) { return log.Head(); });
}

core::Result<storage::AuditVerification> VerifyAudit(
    storage::Store& store, const std::optional<storage::ChainHead>& expect) {
  return ReadLog<storage::AuditVerification>(
      store, [&](storage::AuditLog& log) { return log.Verify(expect); });
}

core::Status RecordEvent(storage::Store& store, const storage::Actor& actor,
                         const std::string& action, const std::string& entity,
                         const std::string& after_json) {
  return store.Write(actor, [&](storage::Tx& tx) {
    return storage::AuditLog(tx).RecordEvent(action, entity, after_json);
  });
}

core::Result<std::vector<storage::AuditRecord>> AuditChangesOf(
    storage::Store& store, const std::vector<std::string>& entities, std::int64_t after_id) {
  return ReadLog<std::vector<storage::AuditRecord>>(
      store, [&](storage::AuditLog& log) -> core::Result<std::vector<storage::AuditRecord>> {
        std::vector<storage::AuditRecord> entries;
        for (const std::string& entity : entities) {
          auto some = log.ChangesOf(entity, after_id);
          if (!some.ok()) return some.error();
          entries.insert(entries.end(), some.value().begin(), some.value().end());
        }
        return entries;
      });
}

}  // namespace grassroots::app
