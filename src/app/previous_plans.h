// What the next year's assessment shows of rectification (issue 12): for each organization on a
// page of a year's stored assessment, where its plan of the year before stood (core::PlanStanding:
// upgraded 转化升级, not upgraded with the reason, finished without an outcome yet, unfinished),
// or that it had none. The page is the one GET /assessments/{year} reads with the same filter,
// so the assessment page asks for its rows and their previous plans alike.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/rectification_plan.h"
#include "storage/store.h"

namespace grassroots::app {

struct PreviousPlan {
  std::int64_t plan_id = 0;
  core::PlanStanding standing = core::PlanStanding::kUnfinished;
  std::string reason;  // the outcome's reason, '' without an outcome
};

struct OrganizationPreviousPlan {
  std::string org_code;
  std::optional<PreviousPlan> plan;  // nullopt: no plan in the year before
};

// The rows of `year`'s stored assessment `filter` selects (storage::OrgFilter, its scope applied
// by the caller as for app::AssessmentRows: whoever reads an organization's result also sees its
// plan, core::RelationToItem), in the same order and page, each with its plan of `year` - 1.
core::Result<storage::Page<OrganizationPreviousPlan>> PreviousPlans(
    storage::Store& store, int year, const storage::OrgFilter& filter);

}  // namespace grassroots::app
