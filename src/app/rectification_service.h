// Rectification plans, their problems and items, the steps items take and their evidence
// (issue 12), for the API and the CLI. Each use case reads or writes in one transaction of
// the store (Store::Read / Write); who may see or do what is core's (core::RelationToItem,
// core::NextItemState). A plan or item the caller may not see does not exist for them: it is
// answered exactly as an id never used (kNotFound plan_not_found / item_not_found /
// evidence_not_found {id}).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/access.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/rectification_item.h"
#include "core/rectification_item_rules.h"
#include "core/rectification_plan.h"
#include "storage/evidence_store.h"
#include "storage/rectification_records.h"
#include "storage/store.h"

namespace grassroots::app {

// The steps the caller may take on an item now, and whether they may attach evidence.
struct ItemAllowed {
  bool start = false, submit = false, reject = false, close = false, upload = false;
};

struct ItemView {
  storage::ItemRecord item;
  int overdue_days = 0;
  ItemAllowed can;
};

struct PlanSummary {
  storage::PlanRecord plan;
  core::PlanProgress progress;
};

struct PlanView {
  storage::PlanRecord plan;
  std::vector<storage::ProblemRecord> problems;
  std::vector<ItemView> items;
  bool finished = false;
  bool can_add_item = false, can_set_outcome = false;
};

struct ItemDetail {
  ItemView view;
  std::vector<storage::StepRecord> steps;
  std::vector<storage::EvidenceRecord> evidence;
};

// The plans a list shows: storage::PlanQuery's filters and page, its `org` carrying the caller's
// scope as http::ApplyScope sets it (the ledger's way); ListPlans adds the plans the caller
// supervises through five-level support. Scope and paging are the database's: a province's
// 27,000 plans are never read to show fifty.
struct PlanListFilter {
  storage::PlanQuery query;
};

struct CreatedPlans {
  std::int64_t created = 0, existing = 0;
};

// Creates a plan for every organization `year`'s stored assessment selected that has none,
// with the weakest dimensions proposed as its problems (core::ProposedProblems). Admin only
// (kForbidden). kNotFound assessment_not_found {year} when the year was never assessed.
core::Result<CreatedPlans> CreatePlans(storage::Store& store, const core::Principal& who, int year,
                                       const storage::Actor& actor);

core::Result<storage::Page<PlanSummary>> ListPlans(storage::Store& store,
                                                   const core::Principal& who,
                                                   const PlanListFilter& filter,
                                                   core::UnixSeconds now);
core::Result<PlanView> GetPlan(storage::Store& store, const core::Principal& who, std::int64_t id,
                               core::UnixSeconds now);

struct NewProblem {
  std::string dimension, description;
};
core::Result<storage::ProblemRecord> AddProblem(storage::Store& store, const core::Principal& who,
                                                std::int64_t plan_id, const NewProblem& problem,
                                                const storage::Actor& actor);

// A new item's values (checked by core::CheckItemFields, which the API and the plan import
// call first to report every problem at once) and the plan's problem it answers.
struct NewItem : core::ItemFields {
  std::optional<std::int64_t> problem_id;
};
// Answers kInvalid unknown_account naming responsible_user when it names no account (checked
// in the write's transaction, as the plan import checks each row).
core::Result<ItemView> AddItem(storage::Store& store, const core::Principal& who,
                               std::int64_t plan_id, const NewItem& item,
                               const storage::Actor& actor, core::UnixSeconds now);

// "upgraded" only once the plan is finished (kConflict plan_not_finished); admin or the unit
// admin above the organization (kForbidden plan_outcome_not_permitted).
core::Result<PlanView> SetOutcome(storage::Store& store, const core::Principal& who,
                                  std::int64_t plan_id, const std::string& outcome,
                                  const std::string& reason, const storage::Actor& actor,
                                  core::UnixSeconds now);

core::Result<ItemDetail> GetItem(storage::Store& store, const core::Principal& who, std::int64_t id,
                                 core::UnixSeconds now);
// Takes `step` as core::NextItemState allows, recording it with its audit entry; nothing
// changes when refused. Answers the item after.
core::Result<ItemView> TakeStep(storage::Store& store, const core::Principal& who,
                                std::int64_t item_id, core::ItemStep step,
                                const std::string& reason, const storage::Actor& actor,
                                core::UnixSeconds now);

// Attaches a file checked by core::CheckEvidenceFile to an item the caller works on or
// supervises and that is not closed (kForbidden evidence_not_permitted).
core::Result<storage::EvidenceRecord> AddEvidence(storage::Store& store, const core::Principal& who,
                                                  std::int64_t item_id,
                                                  const std::string& file_name,
                                                  std::string_view bytes,
                                                  const storage::Actor& actor);
struct EvidenceFile {
  storage::EvidenceRecord evidence;
  std::string bytes;
};
core::Result<EvidenceFile> ReadEvidence(storage::Store& store, const core::Principal& who,
                                        std::int64_t id);

// Items whose responsible account is the caller, and for a secretary or first secretary the
// items of the organizations in their scope; by deadline.
core::Result<storage::Page<ItemView>> MyItems(storage::Store& store, const core::Principal& who,
                                              const std::string& state, bool overdue_only,
                                              std::int64_t offset, std::int64_t limit,
                                              core::UnixSeconds now);

}  // namespace grassroots::app
