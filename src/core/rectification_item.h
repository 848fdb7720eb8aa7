// A rectification item (整改事项) of an organization's plan and the steps that move it (issue
// 12, SPEC §3): open → in_progress → submitted → closed (销号), or submitted → in_progress when
// a supervisor rejects the submission with a reason. Closing takes a supervisor above the
// organization, at least one piece of evidence, and someone other than who submitted it. Pure:
// the adapters read the item, the caller's relation to its organization and the evidence count,
// ask NextItemState, and store the answer with its audit entry in one transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/access.h"
#include "core/clock.h"
#include "core/error.h"

namespace grassroots::core {

enum class ItemState : std::uint8_t { kOpen, kInProgress, kSubmitted, kClosed };
std::string_view ToString(ItemState state);  // "open", "in_progress", "submitted", "closed"
std::optional<ItemState> ParseItemState(std::string_view text);

enum class ItemStep : std::uint8_t {
  kStart,   // open → in_progress: work has begun
  kSubmit,  // in_progress → submitted: done, asking for sign-off
  kReject,  // submitted → in_progress: not done yet, with the supervisor's reason
  kClose,   // submitted → closed: signed off (销号)
};
std::string_view ToString(ItemStep step);  // "start", "submit", "reject", "close"
std::optional<ItemStep> ParseItemStep(std::string_view text);

// How the caller stands to the item's organization; decides which steps they may take.
enum class ItemRelation : std::uint8_t {
  kNone,        // out of scope: the adapter answers as for an item never made (access.h)
  kReader,      // may read the plan, take no step (leader, auditor)
  kWorker,      // the organization's own people: its secretary, first secretary, a unit
                // admin for its own direct organization; start and submit
  kSupervisor,  // above the organization: admin, the unit admin of a unit it lies below, or
                // the supervisor assigned to it by five-level support; every step
};

// The relation of `who` to the organization whose `ancestry` (its code first, up to the direct
// organization; access.h) is given. `assigned_supervisor`: `who` is the supervisor five-level
// support names for it.
ItemRelation RelationToItem(const Principal& who, std::span<const std::string> ancestry,
                            bool assigned_supervisor);

// What a step is checked against: the stored item and the evidence attached to it.
struct ItemFacts {
  ItemState state = ItemState::kOpen;
  std::int64_t submitted_by = 0;  // the account that took the last submit; 0 when none
  int evidence_count = 0;
};

// A longest reason for a rejection, in characters.
inline constexpr std::size_t kMaxRejectReasonLength = 2000;

// The state after `step`, taken by `actor` (user id) standing in `relation` to the item, or
// why not, nothing having changed:
// - kForbidden item_step_not_permitted {step}: the relation does not allow the step (kNone
//   included; the adapter answers kNone as never made before asking);
// - kConflict item_step_illegal {step, state}: not a step from the item's state;
// - kInvalid (field "reason") empty / too_long {max}: a rejection needs its reason;
// - kConflict item_close_needs_evidence: closing with no evidence;
// - kForbidden item_close_by_submitter: the one who submitted may not also sign off.
Result<ItemState> NextItemState(const ItemFacts& item, ItemStep step, ItemRelation relation,
                                std::int64_t actor, std::string_view reason);

// Days an item is past its deadline at `now`, counted in the county's calendar (UTC+8): 0 until
// the deadline's day has ended, 1 on the next day, and so on; always 0 once closed. An item is
// overdue when this is above 0.
int OverdueDays(const CivilDate& deadline, ItemState state, UnixSeconds now);

}  // namespace grassroots::core
