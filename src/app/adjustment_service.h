// Organizational adjustments (组织调整, issue 14): the queue of a year's proposed removals of
// secretaries (core::ProposedRemovals over the stored assessment, read as the dashboard reads
// it), the decisions recorded on it, and the change of secretary a done removal makes, for the
// HTTP API. Who sees and decides what is core::MayAccessOrganization's (kRead, and
// kDecideAdjustment).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/access.h"
#include "core/adjustment.h"
#include "core/clock.h"
#include "core/error.h"
#include "storage/adjustment_records.h"
#include "storage/store.h"

namespace grassroots::app {

// One organization whose secretary the year's assessment proposes to remove, as `by` sees it.
struct AdjustmentEntry {
  std::string org;
  std::string name;       // as stored now
  std::string secretary;  // as stored now: the successor once a removal was done
  // The consecutive organizations that propose it (own or a child's), those `by` may read.
  std::vector<std::pair<core::ActionKind, std::string>> because;
  std::optional<storage::StoredDecision> decision;
  bool overdue = false;     // core::AdjustmentOverdue
  bool may_decide = false;  // open, and `by` may decide it
};

struct AdjustmentQueue {
  int year = 0;
  std::string run_at;                    // the assessment run's time (ISO 8601 UTC)
  core::CivilDate due;                   // a decision still open on this day is overdue
  std::vector<AdjustmentEntry> entries;  // by organization code
  std::int64_t open = 0;
  std::int64_t overdue = 0;
};

// The queue of `year` over the organizations `by` may read, on the county's `today`; nullopt
// when the year was never assessed.
core::Result<std::optional<AdjustmentQueue>> LoadAdjustmentQueue(storage::Store& store,
                                                                 const core::Principal& by,
                                                                 int year,
                                                                 const core::CivilDate& today);

// Records `by`'s decision on the removal of `org`'s secretary proposed by `year`'s assessment
// (the caller has checked kDecideAdjustment on `org`): first core::CheckAdjustmentDecision.
// When done, the organization's secretary becomes the successor through the organization
// edit path (storage::OrganizationRecords::Save) and the change joins its history, all in one
// transaction with their audit entries. kNotFound "not_assessed" (field year) when the year was
// not assessed, "adjustment_not_proposed" (field code) when it proposes no such removal;
// kConflict "adjustment_already_decided". Answers the entry as it stands after.
core::Result<AdjustmentEntry> DecideAdjustment(storage::Store& store, const core::Principal& by,
                                               int year, const std::string& org,
                                               const core::AdjustmentDecisionInput& input,
                                               const core::CivilDate& today,
                                               const storage::Actor& actor);

// `org`'s secretary changes, oldest first.
core::Result<std::vector<storage::SecretaryChange>> SecretaryHistory(storage::Store& store,
                                                                     const std::string& org);

}  // namespace grassroots::app
