// The assessment as a plain-text table for a terminal.
#pragma once

#include <ostream>
#include <string>

#include "core/assessment.h"

namespace grassroots::cli {

void PrintAssessmentTable(std::ostream& out, const core::OrgTable& orgs,
                          const core::AssessmentResult& result, const std::string& policy_version);

}  // namespace grassroots::cli
