// Items of rectification plans from a file (`grassroots plan import`, issue 12): CSV (UTF-8 or
// GB18030) or .xlsx with the columns of core::kPlanItemFileColumns, English or Chinese
// headers. All or nothing: every row is checked first, each error at the file's line; nothing
// is written unless every row is good, and then everything in one transaction, row by row
// audited.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/error.h"
#include "core/import_rows.h"
#include "storage/store.h"

namespace grassroots::app {

struct PlanImportOutcome {
  std::vector<core::LineError> errors;  // non-empty: nothing was written
  std::int64_t items = 0;
  std::int64_t problems = 0;  // created for rows whose problem the plan did not have
};

// kInvalid only when the file cannot be read at all; row problems come back as `errors`:
// the columns' own (required, invalid_date, unknown_value, ...), plan_not_found {org, year}
// for an organization and year with no plan (`plan create` makes them), and
// plan_edit_not_permitted for a plan `who` may not change.
core::Result<PlanImportOutcome> ImportPlanItems(storage::Store& store, const core::Principal& who,
                                                std::string_view bytes,
                                                const storage::Actor& actor);

}  // namespace grassroots::app
