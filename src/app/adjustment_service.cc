#include "app/adjustment_service.h"

#include <algorithm>

#include "core/assessment_summary.h"
#include "storage/assessment_records.h"
#include "storage/organization_subject.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

// Whether `by` may do `action` to `code` (its ancestry read from the store).
core::Result<bool> May(storage::Store& store, const core::Principal& by, const std::string& code,
                       core::OrgAction action) {
  if (by.role == core::Role::kAdmin || by.role == core::Role::kAuditor) {
    return core::MayAccessOrganization(by, {}, action);
  }
  auto ancestry = storage::ReadValue(
      store, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Ancestry(code); });
  if (!ancestry.ok()) return ancestry.error();
  if (ancestry.value().empty()) return false;
  return core::MayAccessOrganization(by, ancestry.value(), action);
}

// The day of the run: the county's day of its UTC time.
core::CivilDate RunDay(const std::string& run_at) {
  const std::optional<core::UnixSeconds> at = core::ParseIsoInstant(run_at);
  return at ? core::CountyDate(*at) : core::CivilDate{};
}

core::Result<std::vector<core::ProposedRemoval>> Proposals(storage::Tx& tx, int year) {
  auto rows = storage::AssessmentRecords(tx).SummaryRows(year);
  if (!rows.ok()) return rows.error();
  return core::ProposedRemovals(core::Summarize(year, rows.value(), {}).cases);
}

// The entry of `removal` as `by` sees it, or nullopt when `by` may not read the organization.
core::Result<std::optional<AdjustmentEntry>> EntryOf(
    storage::Store& store, const core::Principal& by, const core::ProposedRemoval& removal,
    const std::vector<storage::StoredDecision>& decisions, const core::CivilDate& run_day,
    const core::CivilDate& today) {
  auto sees = May(store, by, removal.org, core::OrgAction::kRead);
  if (!sees.ok()) return sees.error();
  if (!sees.value()) return std::optional<AdjustmentEntry>();
  AdjustmentEntry entry;
  entry.org = removal.org;
  auto detail = storage::ReadValue(
      store, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Detail(removal.org); });
  if (!detail.ok()) return detail.error();
  if (detail.value()) {
    entry.name = detail.value()->org.name;
    entry.secretary = detail.value()->org.secretary;
  }
  for (const auto& [kind, code] : removal.because) {
    auto seen = code == removal.org ? core::Result<bool>(true)
                                    : May(store, by, code, core::OrgAction::kRead);
    if (!seen.ok()) return seen.error();
    if (seen.value()) entry.because.emplace_back(kind, code);
  }
  auto found = std::find_if(decisions.begin(), decisions.end(),
                            [&](const storage::StoredDecision& d) { return d.org == removal.org; });
  if (found != decisions.end()) entry.decision = *found;
  entry.overdue = core::AdjustmentOverdue(entry.decision.has_value(), run_day, today);
  if (!entry.decision) {
    auto may = May(store, by, removal.org, core::OrgAction::kDecideAdjustment);
    if (!may.ok()) return may.error();
    entry.may_decide = may.value();
  }
  return std::optional<AdjustmentEntry>(std::move(entry));
}

core::Status FillQueue(storage::Store& store, storage::Tx& tx, const core::Principal& by,
                       const core::CivilDate& today, AdjustmentQueue& queue) {
  auto proposals = Proposals(tx, queue.year);
  if (!proposals.ok()) return proposals.error();
  auto decisions = storage::AdjustmentRecords(tx).Decisions(queue.year);
  if (!decisions.ok()) return decisions.error();
  const core::CivilDate run_day = RunDay(queue.run_at);
  queue.due = core::CivilFromDays(core::DaysFromCivil(run_day) + core::kAdjustmentDecisionDays);
  for (const core::ProposedRemoval& removal : proposals.value()) {
    auto entry = EntryOf(store, by, removal, decisions.value(), run_day, today);
    if (!entry.ok()) return entry.error();
    if (!entry.value()) continue;
    if (!entry.value()->decision) ++queue.open;
    if (entry.value()->overdue) ++queue.overdue;
    queue.entries.push_back(std::move(*entry.value()));
  }
  return core::Status::Ok();
}

core::Status ChangeSecretary(storage::Tx& tx, const storage::StoredDecision& decided) {
  auto org = storage::OrganizationRecords(tx).Find(decided.org);
  if (!org.ok()) return org.error();
  if (!org.value()) return core::Error::NotFound("no organization " + decided.org, "code");
  core::Organization changed = *org.value();
  const std::string previous = changed.secretary;
  changed.secretary = decided.decision.successor;
  if (auto saved = storage::OrganizationRecords(tx).Save(changed); !saved.ok())
    return saved.error();
  storage::SecretaryChange change;
  change.org = decided.org;
  change.on = *decided.decision.on;
  change.previous = previous;
  change.successor = decided.decision.successor;
  return storage::AdjustmentRecords(tx).AddSecretaryChange(change, decided.id);
}

}  // namespace

core::Result<std::optional<AdjustmentQueue>> LoadAdjustmentQueue(storage::Store& store,
                                                                 const core::Principal& by,
                                                                 int year,
                                                                 const core::CivilDate& today) {
  std::optional<AdjustmentQueue> queue;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    auto info = storage::AssessmentRecords(tx).Info(year);
    if (!info.ok()) return info.error();
    if (!info.value()) return core::Status::Ok();
    queue.emplace();
    queue->year = year;
    queue->run_at = info.value()->run_at;
    return FillQueue(store, tx, by, today, *queue);
  });
  if (!status.ok()) return status.error();
  return queue;
}

core::Result<AdjustmentEntry> DecideAdjustment(storage::Store& store, const core::Principal& by,
                                               int year, const std::string& org,
                                               const core::AdjustmentDecisionInput& input,
                                               const core::CivilDate& today,
                                               const storage::Actor& actor) {
  auto decision = core::CheckAdjustmentDecision(input, today);
  if (!decision.ok()) return decision.error();
  std::vector<core::ProposedRemoval> proposals;
  core::Status read = store.Read([&](storage::Tx& tx) -> core::Status {
    auto info = storage::AssessmentRecords(tx).Info(year);
    if (!info.ok()) return info.error();
    if (!info.value()) {
      return core::Error::NotFound(std::to_string(year) + " has not been assessed", "year")
          .With("not_assessed", {{"year", std::to_string(year)}});
    }
    auto proposed = Proposals(tx, year);
    if (!proposed.ok()) return proposed.error();
    proposals = std::move(proposed).value();
    return core::Status::Ok();
  });
  if (!read.ok()) return read.error();
  if (std::none_of(proposals.begin(), proposals.end(),
                   [&](const core::ProposedRemoval& r) { return r.org == org; })) {
    return core::Error::NotFound("the assessment of " + std::to_string(year) +
                                     " proposes no removal of " + org + "'s secretary",
                                 "code")
        .With("adjustment_not_proposed", {{"code", org}, {"year", std::to_string(year)}});
  }
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    auto decided = storage::AdjustmentRecords(tx).Decide(year, org, decision.value());
    if (!decided.ok()) return decided.error();
    if (decided.value().decision.outcome != core::AdjustmentOutcome::kDone) {
      return core::Status::Ok();
    }
    return ChangeSecretary(tx, decided.value());
  });
  if (!status.ok()) return status.error();
  auto queue = LoadAdjustmentQueue(store, by, year, today);
  if (!queue.ok()) return queue.error();
  for (AdjustmentEntry& entry : queue.value()->entries) {
    if (entry.org == org) return std::move(entry);
  }
  return core::Error::Internal("the decided entry is not in the queue");
}

core::Result<std::vector<storage::SecretaryChange>> SecretaryHistory(storage::Store& store,
                                                                     const std::string& org) {
  std::vector<storage::SecretaryChange> history;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    auto read = storage::AdjustmentRecords(tx).SecretaryHistory(org);
    if (!read.ok()) return read.error();
    history = std::move(read).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return history;
}

}  // namespace grassroots::app
