// The demo's accountability records (issue 14): interviews (约谈) held in 2016 with the
// secretaries of organizations its assessment found weak, and decisions on some of the 2016
// removals. Pure and deterministic: values for the CLI's demo to record through the use cases.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/adjustment.h"
#include "core/interview_rules.h"

namespace grassroots::demo {

// An organization whose secretary the year's assessment proposes to remove, as stored.
struct DemoRemoval {
  std::string org;
  std::string secretary;
};

struct AccountabilityDemo {
  std::vector<core::InterviewInput> interviews;
  // (organization, decision), the first removals decided and the rest left open.
  std::vector<std::pair<std::string, core::AdjustmentDecisionInput>> decisions;
};

// Interviews in 2016 with the secretaries of the first `removals` (by code), one of them
// twice and one in 2015 (which blocks nothing in 2016); decisions on half of them (rounded
// down, three at most): the first two done in February 2017 with a successor, the next not done
// with a reason.
AccountabilityDemo AccountabilityFor2016(const std::vector<DemoRemoval>& removals);

}  // namespace grassroots::demo
