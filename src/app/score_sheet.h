// Scores as the lists read them: one organization's, every year (GET
// /organizations/{code}/scores), and a year's score sheet a page at a time (GET /scores). Who may
// read the committee's reason is the caller's to apply (core/disclosure.h). Knows neither HTTP
// nor SQL.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "core/score.h"
#include "storage/store.h"

namespace grassroots::app {

// The organization's stored scores, every year.
core::Result<std::vector<core::ScoreRecord>> ScoresOf(storage::Store& store,
                                                      const std::string& code);

// A page of `year`'s score sheet in code order: `which` organizations, filtered like the
// organization list (its scope applied by the caller), each with its name, type and unit.
core::Result<storage::Page<storage::ScoreSheetRow>> ScoreSheet(storage::Store& store, int year,
                                                               storage::SheetRows which,
                                                               const storage::OrgFilter& filter);

}  // namespace grassroots::app
