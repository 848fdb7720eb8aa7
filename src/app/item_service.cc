// The item use cases of rectification_service.h: adding items, their steps, evidence and the
// caller's own items.
#include <algorithm>
#include <array>

#include "app/named_accounts.h"
#include "app/rectification_access.h"
#include "app/rectification_service.h"
#include "core/evidence.h"
#include "core/field_rules.h"
#include "core/support_rules.h"
#include "core/text.h"

namespace grassroots::app {
namespace {

using internal::ItemNotFound;
using internal::MayEditPlan;
using internal::PlanNotFound;
using internal::RelationTo;
using internal::ViewOf;
using storage::RectificationRecords;

struct SeenItem {
  storage::ItemRecord item;
  core::ItemRelation relation = core::ItemRelation::kNone;
};
core::Result<SeenItem> FindItem(RectificationRecords& records, const core::Principal& who,
                                std::int64_t id) {
  core::Result<std::optional<storage::ItemRecord>> item = records.Item(id);
  if (!item.ok()) return item.error();
  if (!item.value()) return ItemNotFound(id);
  core::Result<core::ItemRelation> relation =
      RelationTo(records, who, item.value()->org_code, item.value()->year);
  if (!relation.ok()) return relation.error();
  if (relation.value() == core::ItemRelation::kNone) return ItemNotFound(id);
  return SeenItem{*item.value(), relation.value()};
}

core::Error EvidenceNotFound(std::int64_t id) {
  return core::Error::NotFound("no evidence with id " + std::to_string(id), "id")
      .With("evidence_not_found", {{"id", std::to_string(id)}});
}

}  // namespace

namespace internal {

core::Result<ItemView> AddItemIn(storage::Tx& tx, const core::Principal& who, std::int64_t plan_id,
                                 const NewItem& item, core::UnixSeconds now) {
  if (std::vector<core::Error> errors = core::CheckItemFields(item); !errors.empty()) {
    return errors[0];
  }
  ItemView view;
  core::Status status = [&]() -> core::Status {
    RectificationRecords records(tx);
    core::Result<std::optional<storage::PlanRecord>> plan = records.Plan(plan_id);
    if (!plan.ok()) return plan.error();
    if (!plan.value()) return PlanNotFound(plan_id);
    core::Result<core::ItemRelation> relation =
        RelationTo(records, who, plan.value()->org_code, plan.value()->year);
    if (!relation.ok()) return relation.error();
    if (relation.value() == core::ItemRelation::kNone) return PlanNotFound(plan_id);
    if (!MayEditPlan(relation.value())) {
      return core::Error::Forbidden("not permitted to change this plan")
          .With("plan_edit_not_permitted");
    }
    if (core::Status s = internal::RequireAccount(tx, "responsible_user", item.responsible_user);
        !s.ok()) {
      return s;
    }
    if (item.problem_id) {
      core::Result<std::vector<storage::ProblemRecord>> problems = records.Problems(plan_id);
      if (!problems.ok()) return problems.error();
      if (std::none_of(problems.value().begin(), problems.value().end(),
                       [&](const storage::ProblemRecord& p) { return p.id == *item.problem_id; })) {
        return core::Error::Invalid("the plan has no problem " + std::to_string(*item.problem_id),
                                    "problem_id")
            .With("problem_not_in_plan", {{"id", std::to_string(*item.problem_id)}});
      }
    }
    storage::ItemRecord record;
    record.plan_id = plan_id;
    record.problem_id = item.problem_id;
    record.year = plan.value()->year;
    record.org_code = plan.value()->org_code;
    record.measure = item.measure;
    record.responsible = item.responsible;
    record.responsible_user = item.responsible_user;
    record.support_role = item.support_role;
    record.deadline = item.deadline;
    core::Result<std::int64_t> id = records.AddItem(record);
    if (!id.ok()) return id.error();
    core::Result<std::optional<storage::ItemRecord>> stored = records.Item(id.value());
    if (!stored.ok()) return stored.error();
    view = ViewOf(*stored.value(), who, relation.value(), now);
    return core::Status::Ok();
  }();
  if (!status.ok()) return status.error();
  return view;
}

}  // namespace internal

core::Result<ItemView> AddItem(storage::Store& store, const core::Principal& who,
                               std::int64_t plan_id, const NewItem& item,
                               const storage::Actor& actor, core::UnixSeconds now) {
  ItemView view;
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    core::Result<ItemView> added = internal::AddItemIn(tx, who, plan_id, item, now);
    if (!added.ok()) return added.error();
    view = std::move(added).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return view;
}

core::Result<ItemDetail> GetItem(storage::Store& store, const core::Principal& who, std::int64_t id,
                                 core::UnixSeconds now) {
  ItemDetail detail;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    RectificationRecords records(tx);
    core::Result<SeenItem> seen = FindItem(records, who, id);
    if (!seen.ok()) return seen.error();
    detail.view = ViewOf(seen.value().item, who, seen.value().relation, now);
    core::Result<std::vector<storage::StepRecord>> steps = records.Steps(id);
    if (!steps.ok()) return steps.error();
    detail.steps = std::move(steps).value();
    storage::EvidenceStore evidence(tx);
    core::Result<std::vector<storage::EvidenceRecord>> files = evidence.OfItem(id);
    if (!files.ok()) return files.error();
    detail.evidence = std::move(files).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return detail;
}

core::Result<ItemView> TakeStep(storage::Store& store, const core::Principal& who,
                                std::int64_t item_id, core::ItemStep step,
                                const std::string& reason, const storage::Actor& actor,
                                core::UnixSeconds now) {
  ItemView view;
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    RectificationRecords records(tx);
    core::Result<SeenItem> seen = FindItem(records, who, item_id);
    if (!seen.ok()) return seen.error();
    const storage::ItemRecord& item = seen.value().item;
    const core::ItemState from = core::ParseItemState(item.state).value_or(core::ItemState::kOpen);
    const core::ItemFacts facts{from, item.submitted_by, static_cast<int>(item.evidence_count)};
    core::Result<core::ItemState> to =
        core::NextItemState(facts, step, seen.value().relation, who.user_id, reason);
    if (!to.ok()) return to.error();
    const std::int64_t submitted_by =
        step == core::ItemStep::kSubmit ? who.user_id : item.submitted_by;
    const std::string closed_on = to.value() == core::ItemState::kClosed
                                      ? core::FormatIsoDate(core::CountyDate(now))
                                      : std::string();
    const storage::StepRecord record{std::string(core::ToString(step)),
                                     item.state,
                                     std::string(core::ToString(to.value())),
                                     step == core::ItemStep::kReject ? reason : std::string(),
                                     actor.name,
                                     {}};
    if (core::Status s = records.MoveItem(item, record, submitted_by, closed_on); !s.ok()) {
      return s;
    }
    core::Result<std::optional<storage::ItemRecord>> after = records.Item(item_id);
    if (!after.ok()) return after.error();
    view = ViewOf(*after.value(), who, seen.value().relation, now);
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return view;
}

core::Result<storage::EvidenceRecord> AddEvidence(storage::Store& store, const core::Principal& who,
                                                  std::int64_t item_id,
                                                  const std::string& file_name,
                                                  std::string_view bytes,
                                                  const storage::Actor& actor) {
  storage::EvidenceRecord stored;
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    RectificationRecords records(tx);
    core::Result<SeenItem> seen = FindItem(records, who, item_id);
    if (!seen.ok()) return seen.error();
    if (!MayEditPlan(seen.value().relation) || seen.value().item.state == "closed") {
      return core::Error::Forbidden("not permitted to attach evidence to this item")
          .With("evidence_not_permitted");
    }
    core::Result<std::string> type = core::CheckEvidenceFile(file_name, bytes);
    if (!type.ok()) return type.error();
    storage::EvidenceStore evidence(tx);
    core::Result<storage::EvidenceRecord> added =
        evidence.Add(item_id, file_name, type.value(), bytes);
    if (!added.ok()) return added.error();
    stored = std::move(added).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return stored;
}

core::Result<EvidenceFile> ReadEvidence(storage::Store& store, const core::Principal& who,
                                        std::int64_t id) {
  EvidenceFile file;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    storage::EvidenceStore evidence(tx);
    core::Result<std::optional<storage::EvidenceRecord>> row = evidence.Get(id);
    if (!row.ok()) return row.error();
    if (!row.value()) return EvidenceNotFound(id);
    RectificationRecords records(tx);
    core::Result<SeenItem> item = FindItem(records, who, row.value()->item_id);
    if (!item.ok()) {
      return item.error().code == core::ErrorCode::kNotFound ? EvidenceNotFound(id) : item.error();
    }
    core::Result<std::string> bytes = evidence.Content(*row.value());
    if (!bytes.ok()) return bytes.error();
    file.evidence = *row.value();
    file.bytes = std::move(bytes).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return file;
}

core::Result<storage::Page<ItemView>> MyItems(storage::Store& store, const core::Principal& who,
                                              const std::string& state, bool overdue_only,
                                              std::int64_t offset, std::int64_t limit,
                                              core::UnixSeconds now) {
  storage::Page<ItemView> page;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    RectificationRecords records(tx);
    storage::ItemQuery query;
    query.responsible_user = who.name;
    query.state = state;
    if (who.role == core::Role::kSecretary || who.role == core::Role::kFirstSecretary) {
      query.orgs = who.scope;
    }
    core::Result<std::vector<storage::ItemRecord>> items = records.Items(query);
    if (!items.ok()) return items.error();
    std::vector<ItemView> views;
    for (const storage::ItemRecord& item : items.value()) {
      core::Result<core::ItemRelation> relation =
          RelationTo(records, who, item.org_code, item.year);
      if (!relation.ok()) return relation.error();
      // Naming an account makes an item its holder's to read, not to take steps on.
      const core::ItemRelation seen = relation.value() == core::ItemRelation::kNone
                                          ? core::ItemRelation::kReader
                                          : relation.value();
      ItemView view = ViewOf(item, who, seen, now);
      if (!overdue_only || view.overdue_days > 0) views.push_back(std::move(view));
    }
    page.total = static_cast<std::int64_t>(views.size());
    for (std::int64_t i = offset; i < page.total && i < offset + limit; ++i) {
      page.items.push_back(std::move(views[static_cast<std::size_t>(i)]));
    }
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return page;
}

}  // namespace grassroots::app
