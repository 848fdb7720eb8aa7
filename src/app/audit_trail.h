// The audit trail as its readers use it (GET /audit, /audit/{id}/changes, /audit/head,
// /audit/verify, the head printed on every export). The caller has checked that the reader may read
// the trail (core::GlobalAction::kReadAudit). Knows neither HTTP nor SQL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

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

}  // namespace grassroots::app
