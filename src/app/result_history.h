// An organization's assessment history from the stored results: each assessed year's stored
// row of it (score, grade, rank, selection, reasons) with its ranking group's stored quota
// arithmetic, newest first. What the organization page shows, read in one request instead of
// an explanation per year.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "storage/store.h"

namespace grassroots::app {

struct YearResult {
  int year = 0;
  storage::AssessmentRow row;                 // as assessed
  std::optional<storage::StoredQuota> group;  // its (unit, type) group's arithmetic
};

// The years whose stored assessment ranks `code`, newest first; years that did not rank it are
// left out.
core::Result<std::vector<YearResult>> ResultHistory(storage::Store& store, const std::string& code);

}  // namespace grassroots::app
