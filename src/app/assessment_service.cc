#include "app/assessment_service.h"

#include <optional>

#include "storage/organization_subject.h"
#include "storage/score_subject.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

class Runner {
 public:
  Runner(storage::Store& store, const config::LoadedPolicy& policy, const storage::Actor& actor,
         const NoticeFn& notice)
      : store_(store), policy_(policy), actor_(actor), notice_(notice) {}

  core::Status LoadOrganizations() {
    auto orgs = storage::ReadValue(
        store_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Table(); });
    if (!orgs.ok()) return orgs.error();
    all_ = std::move(orgs).value();
    auto ended = storage::ReadValue(
        store_, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Ends(); });
    if (!ended.ok()) return ended.error();
    ended_ = std::move(ended).value();
    return core::Status::Ok();
  }

  // Assesses and stores `year`, after the years its consecutive rule needs. Leaves TakeOrgs()
  // the organizations that year ranked.
  core::Result<core::AssessmentResult> AssessAndStore(int year) {
    // Without ended organizations every year ranks them all: no copy of a country's table.
    std::optional<core::OrgTable> kept;
    if (!ended_.empty()) kept = core::OrganizationsAssessedIn(all_, ended_, year);
    const core::OrgTable& orgs = kept ? *kept : all_;
    core::AssessmentInput input;
    input.year = year;
    input.orgs = &orgs;
    auto scores = storage::ReadValue(
        store_, [&](storage::Tx& t) { return storage::ScoreRecords(t).OfYear(year, orgs); });
    if (!scores.ok()) return scores.error();
    input.scores = &scores.value();
    for (int back = 1; back < policy_.policy.consecutive_years; ++back) {
      auto selection = SelectionOf(year - back, orgs);
      if (!selection.ok()) return selection.error();
      input.previous_selected.push_back(std::move(selection).value());
    }
    auto manual = store_.LoadManualDecisions(year, orgs);
    if (!manual.ok()) return manual.error();
    input.manual = std::move(manual).value();
    auto result = core::Assess(policy_.policy, input);
    if (!result.ok()) return result.error();
    core::Status saved =
        store_.SaveAssessment(policy_.policy, policy_.version, input, result.value(), actor_);
    if (!saved.ok()) return saved.error();
    kept_ = std::move(kept);
    return result;
  }

  // The organizations the last year assessed ranked; the runner is done with them.
  core::OrgTable TakeOrgs() { return kept_ ? std::move(*kept_) : std::move(all_); }
  std::vector<int>& assessed_first() { return assessed_first_; }

 private:
  // A past year's selection, aligned with `orgs` (a later year's table): stored, or assessed
  // now when it has scores but was never assessed (SPEC.md §7), or none.
  core::Result<std::vector<std::uint8_t>> SelectionOf(int year, const core::OrgTable& orgs) {
    auto stored = store_.LoadSelection(year, orgs);
    if (!stored.ok()) return stored.error();
    if (stored.value()) return std::move(*stored.value());
    auto count = storage::ReadValue(
        store_, [&](storage::Tx& t) { return storage::ScoreRecords(t).Count(year); });
    if (!count.ok()) return count.error();
    if (count.value() == 0) return std::vector<std::uint8_t>{};
    auto result = AssessAndStore(year);
    if (!result.ok()) return result.error();
    assessed_first_.push_back(year);
    if (notice_) {
      notice_(std::to_string(year) + " had scores but no stored assessment: assessed it first " +
              "under policy " + policy_.version + " and stored it");
    }
    // Stored now: read it back aligned with the later year's table.
    auto selection = store_.LoadSelection(year, orgs);
    if (!selection.ok()) return selection.error();
    return selection.value() ? std::move(*selection.value()) : std::vector<std::uint8_t>{};
  }

  storage::Store& store_;
  const config::LoadedPolicy& policy_;
  const storage::Actor& actor_;
  const NoticeFn& notice_;
  core::OrgTable all_;  // every organization, ended or not
  std::vector<std::pair<std::string, core::CivilDate>> ended_;
  std::optional<core::OrgTable> kept_;  // those the last year ranked, when not all_
  std::vector<int> assessed_first_;
};

}  // namespace

core::Result<core::OrgTable> OrganizationsAssessedIn(storage::Store& store, int year) {
  auto all = storage::ReadValue(
      store, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Table(); });
  if (!all.ok()) return all.error();
  auto ended = storage::ReadValue(
      store, [&](storage::Tx& t) { return storage::OrganizationRecords(t).Ends(); });
  if (!ended.ok()) return ended.error();
  if (ended.value().empty()) return std::move(all).value();
  return core::OrganizationsAssessedIn(all.value(), ended.value(), year);
}

core::Result<AssessmentRun> RunAssessment(storage::Store& store, const config::LoadedPolicy& policy,
                                          int year, const storage::Actor& actor,
                                          const NoticeFn& notice) {
  // One run of a year at a time, whichever server or process starts it: a second waits here and
  // then runs on what the first stored (the years it assessed first are stored by then).
  auto lock = store.LockYear(year);
  if (!lock.ok()) return lock.error();
  auto count = storage::ReadValue(
      store, [&](storage::Tx& t) { return storage::ScoreRecords(t).Count(year); });
  if (!count.ok()) return count.error();
  if (count.value() == 0) {
    return core::Error::Invalid(
        "no scores for " + std::to_string(year) + ": import them first (import scores FILE)",
        "year");
  }
  Runner runner(store, policy, actor, notice);
  if (core::Status status = runner.LoadOrganizations(); !status.ok()) return status.error();
  auto result = runner.AssessAndStore(year);
  if (!result.ok()) return result.error();
  auto info = store.LoadAssessmentInfo(year);
  if (!info.ok()) return info.error();
  AssessmentRun run;
  if (info.value()) run.audit_hash = info.value()->audit_hash;
  run.orgs = runner.TakeOrgs();
  run.result = std::move(result).value();
  run.policy_version = policy.version;
  run.assessed_first = runner.assessed_first();
  return run;
}

}  // namespace grassroots::app
