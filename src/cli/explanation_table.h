// An explanation and a verification as plain text for a terminal (English labels).
#pragma once

#include <ostream>

#include "core/assessment_diff.h"
#include "core/explanation.h"

namespace grassroots::cli {

// Several lines: the stored result, the quota arithmetic ("13 × 15% = 1.95, rounded up to
// 2"), the inputs the run kept, the run's policy and audit head, and the changes since.
void PrintExplanation(std::ostream& out, const core::Explanation& explanation);

// One line naming where the stored assessment and its recomputation first differ.
void PrintDifference(std::ostream& out, const core::ResultDifference& difference);

}  // namespace grassroots::cli
