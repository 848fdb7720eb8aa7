// The what-if (模拟测算): a year's stored data assessed again under a changed policy, storing
// nothing, and compared with the year's stored selection. The only re-run of the engine on
// today's data, by design; explanations and verification read the stored record instead.
//
// A province's what-if assesses 300,000 organizations (about half a second), and its lists of
// who enters and who leaves run to thousands: the outcome is computed once (the server keeps
// it while the data stays the same, http/what_if_memo.h) and answered a page at a time
// (PageOfWhatIf), with the counts of the whole.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/assessment.h"
#include "core/error.h"
#include "core/org_table.h"
#include "core/policy.h"
#include "storage/store.h"

namespace grassroots::app {

struct WhatIfOutcome {
  core::OrgTable orgs;               // the organizations the year ranks, in code order
  core::AssessmentResult result;     // under the changed policy, aligned with orgs
  std::vector<std::uint8_t> before;  // the selection it is compared with, aligned with orgs
};

// Assesses `year`'s stored data under `changed`. The comparison is with the year's stored
// selection, or, for a year never assessed, with what `active` (the server's policy) selects.
core::Result<WhatIfOutcome> EvaluateWhatIf(storage::Store& store, const core::Policy& changed,
                                           const core::Policy& active, int year);

enum class WhatIfChange : std::uint8_t { kEntering, kLeaving };

struct WhatIfQuery {
  WhatIfChange change = WhatIfChange::kEntering;
  std::string unit;  // assessing unit code; empty: any
  std::string type;  // API name ("village"); empty: any
  // The caller, whose scope limits every count and list; nullptr for one who sees everything.
  const core::Principal* who = nullptr;
  std::int64_t offset = 0;
  std::int64_t limit = 50;
};

// Counts over the organizations the query covers (scope, unit, type), and one page, in code
// order, of those that enter (selected now, not before) or leave (the other way round).
struct WhatIfPage {
  std::int64_t before = 0;         // selected before
  std::int64_t after = 0;          // selected under the changed policy
  std::int64_t entering = 0;       // selected after, not before
  std::int64_t leaving = 0;        // selected before, not after
  std::vector<std::size_t> items;  // indexes into WhatIfOutcome::orgs
  std::int64_t total = 0;          // entering or leaving, as asked
};

WhatIfPage PageOfWhatIf(const WhatIfOutcome& outcome, const WhatIfQuery& query);

// The stored rows (name, stored score, grade, rank) of the organizations `codes` names, by
// code; those the year's stored assessment lacks (a year never assessed) are named from the
// organization list. What a page of a what-if shows beside the changed outcome.
core::Result<std::map<std::string, storage::AssessmentRow>> StoredRowsOf(
    storage::Store& store, int year, const std::vector<std::string>& codes);

}  // namespace grassroots::app
