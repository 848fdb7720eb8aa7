// The demo database's checklists (issue 14, standards), filled and applied through the use
// cases as a unit admin would: after the bulletins, for the last assessed year.
#pragma once

#include <cstdint>

#include "core/checklist.h"
#include "core/error.h"
#include "storage/store.h"

namespace grassroots::cli {

// The first organizations of `year`'s score sheet answer every checklist their type fills
// (mostly met, some not met or not applicable, with notes), a few answers with a small PNG as
// evidence; a handful have their feeding checklists applied to the year's score, so the score
// page shows where those dimensions came from.
core::Status FillChecklistDemo(storage::Store& store, const core::ChecklistSet& set, int year,
                               std::uint64_t seed);

}  // namespace grassroots::cli
