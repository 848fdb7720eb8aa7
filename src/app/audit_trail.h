// The audit trail as its readers use it (GET /audit, /audit/{id}/changes, /audit/head,
// /audit/verify, the head printed on every export, the changes since a run an explanation
// lists), each read in one snapshot (storage/audit_log.h). The caller has checked that the reader
// may read the trail (core::GlobalAction::kReadAudit). Knows neither HTTP nor SQL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "storage/store.h"

namespace grassroots::app {

// A page of the trail, newest first.
core::Result<storage::Page<storage::AuditRecord>> ListAudit(storage::Store& store,
                                                            std::int64_t offset,
                                                            std::int64_t limit);

// A page of the per-row change records of entry `entry_id` (a bulk write or an import).
core::Result<storage::Page<storage::AuditRecord>> ListAuditChanges(storage::Store& store,
                                                                   std::int64_t entry_id,
                                                                   std::int64_t offset,
                                                                   std::int64_t limit);

// The newest entry: what a reader writes down to check later that the trail was not rewound.
core::Result<storage::ChainHead> AuditHead(storage::Store& store);

// The whole trail checked (storage/audit_verify.h), and `expect`, a head written down earlier.
core::Result<storage::AuditVerification> VerifyAudit(
    storage::Store& store, const std::optional<storage::ChainHead>& expect);

// Records an event that changes no data (a login, a logout, a failed login) by `actor`, in a
// transaction of its own: it does not move the data version, so remembered answers stay.
core::Status RecordEvent(storage::Store& store, const storage::Actor& actor,
                         const std::string& action, const std::string& entity,
                         const std::string& after_json = {});

// Everything recorded about each of `entities` in entries after `after_id`, read in one
// snapshot: each entity's records oldest first (storage::AuditLog::ChangesOf), one entity
// after the other.
core::Result<std::vector<storage::AuditRecord>> AuditChangesOf(
    storage::Store& store, const std::vector<std::string>& entities, std::int64_t after_id);

}  // namespace grassroots::app
