// Standardized Party branches (标准化党支部, issue 14) for the CLI, the HTTP API and the demo:
// designate a batch (all or nothing, core::CheckBatch and core::RefusedCodes over what is
// stored, the year's stored assessment selection included), revoke a designation with a reason
// (core::CheckRevocation), list and export the designations with each one's conflict with the
// year's selection (core::InConflict). Who may designate and revoke: core::MayManageStandards.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/access.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/import_rows.h"
#include "core/standards.h"
#include "export/table_writer.h"
#include "storage/standard_records.h"
#include "storage/store.h"

namespace grassroots::app {

// A designated batch, or every code refused with its reason (nothing written).
struct BatchOutcome {
  std::int64_t batch_id = 0;  // 0 when refused
  std::vector<core::LineError> refused;
};

// kForbidden unless `who` may manage standards; kInvalid for the batch's own fields.
core::Result<BatchOutcome> DesignateBatch(storage::Store& store, const core::Principal& who,
                                          const core::StandardBatchInput& input,
                                          const core::CivilDate& today,
                                          const storage::Actor& actor);

// A designation as listed: the stored row and whether it stands against the year's selection.
struct DesignationView {
  storage::DesignationRow row;
  bool in_conflict = false;
};

// Revokes designation `id`: kNotFound "designation_not_found" {id}, or core::CheckRevocation's
// refusals. Answers it as stored.
core::Result<DesignationView> RevokeDesignation(storage::Store& store, const core::Principal& who,
                                                std::int64_t id, const core::RevocationInput& input,
                                                const core::CivilDate& today,
                                                const storage::Actor& actor);

// `filter.org` carries the caller's scope (OrgFilter::restrict_to_scope).
core::Result<storage::Page<DesignationView>> ListDesignations(
    storage::Store& store, const storage::DesignationFilter& filter);

// The whole list (the filter's page ignored) as a table with Chinese headers.
core::Status ExportDesignations(storage::Store& store, storage::DesignationFilter filter,
                                exporting::TableWriter& out);

}  // namespace grassroots::app
