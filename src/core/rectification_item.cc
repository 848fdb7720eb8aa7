#include "core/rectification_item.h"

#include <algorithm>
#include <array>

#include "core/field_rules.h"
#include "core/text.h"

namespace grassroots::core {
namespace {

constexpr std::array<std::string_view, 4> kStateNames = {"open", "in_progress", "submitted",
                                                         "closed"};
constexpr std::array<std::string_view, 4> kStepNames = {"start", "submit", "reject", "close"};

template <typename T, std::size_t N>
std::optional<T> ParseName(const std::array<std::string_view, N>& names, std::string_view text) {
  const auto* it = std::find(names.begin(), names.end(), text);
  if (it == names.end()) return std::nullopt;
  return static_cast<T>(it - names.begin());
}

// The state a step starts from and the state it leads to.
struct Move {
  ItemState from, to;
};
Move MoveOf(ItemStep step) {
  switch (step) {
    case ItemStep::kStart:
      return {ItemState::kOpen, ItemState::kInProgress};
    case ItemStep::kSubmit:
      return {ItemState::kInProgress, ItemState::kSubmitted};
    case ItemStep::kReject:
      return {ItemState::kSubmitted, ItemState::kInProgress};
    case ItemStep::kClose:
      return {ItemState::kSubmitted, ItemState::kClosed};
  }
  return {ItemState::kClosed, ItemState::kClosed};
}

// Doing the work is the organization's own people's and their supervisors'; judging it is the
// supervisors' alone.
bool Permits(ItemRelation relation, ItemStep step) {
  const bool judging = step == ItemStep::kReject || step == ItemStep::kClose;
  if (relation == ItemRelation::kSupervisor) return true;
  return relation == ItemRelation::kWorker && !judging;
}

}  // namespace

std::string_view ToString(ItemState state) { return kStateNames[static_cast<std::size_t>(state)]; }
std::optional<ItemState> ParseItemState(std::string_view text) {
  return ParseName<ItemState>(kStateNames, text);
}
std::string_view ToString(ItemStep step) { return kStepNames[static_cast<std::size_t>(step)]; }
std::optional<ItemStep> ParseItemStep(std::string_view text) {
  return ParseName<ItemStep>(kStepNames, text);
}

ItemRelation RelationToItem(const Principal& who, std::span<const std::string> ancestry,
                            bool assigned_supervisor) {
  if (who.role == Role::kAuditor) return ItemRelation::kReader;
  if (who.role == Role::kAdmin || assigned_supervisor) return ItemRelation::kSupervisor;
  if (ancestry.empty() || !MayAccessOrganization(who, ancestry, OrgAction::kRead)) {
    return ItemRelation::kNone;
  }
  switch (who.role) {
    case Role::kUnitAdmin: {
      // Its own direct organization answers to the county; what lies below answers to it.
      const bool own =
          std::find(who.scope.begin(), who.scope.end(), ancestry.front()) != who.scope.end();
      return own ? ItemRelation::kWorker : ItemRelation::kSupervisor;
    }
    case Role::kSecretary:
    case Role::kFirstSecretary:
      return ItemRelation::kWorker;
    default:
      return ItemRelation::kReader;
  }
}

Result<ItemState> NextItemState(const ItemFacts& item, ItemStep step, ItemRelation relation,
                                std::int64_t actor, std::string_view reason) {
  const std::string step_name(ToString(step));
  if (!Permits(relation, step)) {
    return Error::Forbidden("not permitted to " + step_name + " this item")
        .With("item_step_not_permitted", {{"step", step_name}});
  }
  const Move move = MoveOf(step);
  if (item.state != move.from) {
    const std::string state(ToString(item.state));
    return Error::Conflict("cannot " + step_name + " an item that is " + state, "step")
        .With("item_step_illegal", {{"step", step_name}, {"state", state}});
  }
  if (step == ItemStep::kReject) {
    if (TrimSpace(reason).empty()) {
      return Error::Invalid("a rejection needs its reason", "reason").With("empty");
    }
    if (Status fits = CheckText("reason", reason, kMaxRejectReasonLength); !fits.ok()) {
      return fits.error();
    }
  }
  if (step == ItemStep::kClose) {
    if (item.evidence_count < 1) {
      return Error::Conflict("an item is closed only with evidence attached", "evidence")
          .With("item_close_needs_evidence");
    }
    if (actor == item.submitted_by) {
      return Error::Forbidden("who submitted an item may not also close it")
          .With("item_close_by_submitter");
    }
  }
  return move.to;
}

int OverdueDays(const CivilDate& deadline, ItemState state, UnixSeconds now) {
  if (state == ItemState::kClosed) return 0;
  const std::int64_t late = DaysFromCivil(CountyDate(now)) - DaysFromCivil(deadline);
  return late > 0 ? static_cast<int>(late) : 0;
}

}  // namespace grassroots::core
