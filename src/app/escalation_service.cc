#include "app/escalation_service.h"

#include "app/rectification_access.h"
#include "storage/rectification_records.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

// The item's view as `who` sees it inside `tx`, and the caller's relation to it.
core::Status Read(storage::Tx& tx, const core::Principal& who, std::int64_t item_id,
                  const core::SupervisionThresholds& thresholds, core::UnixSeconds now,
                  EscalationView& view, core::ItemRelation& relation) {
  storage::RectificationRecords records(tx);
  auto item = records.Item(item_id);
  if (!item.ok()) return item.error();
  if (!item.value()) return internal::ItemNotFound(item_id);
  auto rel = internal::RelationTo(records, who, item.value()->org_code, item.value()->year);
  if (!rel.ok()) return rel.error();
  relation = rel.value();
  if (relation == core::ItemRelation::kNone) return internal::ItemNotFound(item_id);
  auto steps = storage::EscalationRecords(tx).OfItem(item_id);
  if (!steps.ok()) return steps.error();
  view = {};
  view.item_id = item_id;
  view.steps = std::move(steps).value();
  const auto state = core::ParseItemState(item.value()->state);
  const auto deadline = core::ParseIsoDate(item.value()->deadline);
  view.overdue_days = state && deadline ? core::OverdueDays(*deadline, *state, now) : 0;
  std::optional<core::EscalationStep> last;
  for (const storage::EscalationRecord& s : view.steps) {
    const auto parsed = core::ParseEscalationStep(s.step);
    if (parsed && (!last || *parsed > *last)) last = parsed;
  }
  view.proposed = core::ProposeEscalation(view.overdue_days, last, thresholds);
  view.can_confirm = view.proposed.has_value() && core::MayConfirmEscalation(who, relation);
  return core::Status::Ok();
}

}  // namespace

core::Result<EscalationView> EscalationOf(storage::Store& store, const core::Principal& who,
                                          std::int64_t item_id,
                                          const core::SupervisionThresholds& thresholds,
                                          core::UnixSeconds now) {
  EscalationView view;
  core::ItemRelation relation = core::ItemRelation::kNone;
  core::Status status = store.Read(
      [&](storage::Tx& tx) { return Read(tx, who, item_id, thresholds, now, view, relation); });
  if (!status.ok()) return status.error();
  return view;
}

core::Result<EscalationView> ConfirmEscalation(storage::Store& store, const core::Principal& who,
                                               std::int64_t item_id, const std::string& step,
                                               const core::SupervisionThresholds& thresholds,
                                               core::UnixSeconds now, const storage::Actor& actor) {
  const auto wanted = core::ParseEscalationStep(step);
  EscalationView view;
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    core::ItemRelation relation = core::ItemRelation::kNone;
    if (core::Status s = Read(tx, who, item_id, thresholds, now, view, relation); !s.ok()) {
      return s;
    }
    if (!wanted) {
      return core::Error::Invalid("step must be reminder, inquiry or admonition", "step")
          .With("unknown_value",
                {{"value", step.substr(0, 32)}, {"accepted", "reminder, inquiry, admonition"}});
    }
    if (core::Status s = core::CheckEscalation(*wanted, view.proposed, who, relation); !s.ok()) {
      return s;
    }
    storage::EscalationRecord record;
    record.item_id = item_id;
    record.step = std::string(core::ToString(*wanted));
    record.overdue_days = view.overdue_days;
    if (core::Status s = storage::EscalationRecords(tx).Add(record); !s.ok()) return s;
    return Read(tx, who, item_id, thresholds, now, view, relation);
  });
  if (!status.ok()) return status.error();
  return view;
}

}  // namespace grassroots::app
