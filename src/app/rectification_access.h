// How app reads a caller's relation to a plan's or item's organization and what it allows
// (core::RelationToItem, core::NextItemState), shared by the plan and item use cases. Internal
// to src/app.
#pragma once

#include <cstdint>
#include <string>

#include "app/rectification_service.h"
#include "core/rectification_item.h"
#include "storage/rectification_records.h"

namespace grassroots::app::internal {

core::Result<core::ItemRelation> RelationTo(storage::RectificationRecords& records,
                                            const core::Principal& who, const std::string& org_code,
                                            int year);

// The item with its overdue days at `now` and the steps `who`, standing in `relation`, may take.
ItemView ViewOf(const storage::ItemRecord& item, const core::Principal& who,
                core::ItemRelation relation, core::UnixSeconds now);

// Whether the caller may add problems and items to a plan: who works on it or supervises it.
bool MayEditPlan(core::ItemRelation relation);
// Whether the caller may set a plan's outcome: admin, or the unit admin above it.
bool MaySetOutcome(const core::Principal& who, core::ItemRelation relation);

core::Error PlanNotFound(std::int64_t id);

// AddItem's work inside a caller's write transaction (a spot check's finding opens an item and
// records it in one transaction): the same checks, refusals and audit entries.
core::Result<ItemView> AddItemIn(storage::Tx& tx, const core::Principal& who, std::int64_t plan_id,
                                 const NewItem& item, core::UnixSeconds now);
core::Error ItemNotFound(std::int64_t id);

}  // namespace grassroots::app::internal
