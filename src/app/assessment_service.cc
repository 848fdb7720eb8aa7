#include "app/assessment_service.h"

#include <optional>

#include "storage/assessment_records.h"
#include "storage/hand_decision_records.h"
#include "storage/organization_subject.h"
#include "storage/score_subject.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

// A run of one year, after the earlier years its consecutive rule reads: each year's inputs are
// read in one snapshot (Store::Read), the engine runs outside any transaction, and the result is
// stored in one write transaction (Store::Write): a write transaction held through a province's
// compute would stop every other writer past the busy timeout (docs/architecture.md).
class Runner {
 public:
  Runner(storage::Store& store, const config::LoadedPolicy& policy, const storage::Actor& actor,
         const NoticeFn& notice)
      : store_(store), policy_(policy), actor_(actor), notice_(notice) {}

  // Assesses and stores `year`, after the years its consecutive rule needs that have scores but
  // no stored run (SPEC.md §7). Leaves TakeOrgs() the organizations that year ranked.
  core::Result<core::AssessmentResult> AssessAndStore(int year) {
    if (core::Status earlier = AssessEarlierYears(year); !earlier.ok()) return earlier.error();
    std::optional<core::OrgTable> kept;
    core::YearScores scores;
    core::AssessmentInput input;
    input.year = year;
    core::Status loaded = store_.Read([&](storage::Tx& tx) -> core::Status {
      if (core::Status orgs = LoadOrganizations(tx); !orgs.ok()) return orgs;
      // Without ended organizations every year ranks them all: no copy of a country's table.
      if (!ended_.empty()) kept = core::OrganizationsAssessedIn(all_, ended_, year);
      const core::OrgTable& orgs = kept ? *kept : all_;
      return LoadInputs(tx, orgs, scores, input);
    });
    if (!loaded.ok()) return loaded.error();
    const core::OrgTable& orgs = kept ? *kept : all_;
    input.orgs = &orgs;
    input.scores = &scores;
    auto result = core::Assess(policy_.policy, input);
    if (!result.ok()) return result.error();
    // A row per organization: a country's run writes millions.
    core::Status saved = store_.Write(
        actor_,
        [&](storage::Tx& tx) -> core::Status {
          auto info = storage::AssessmentRecords(tx).Save(policy_.policy, policy_.version, input,
                                                          result.value());
          if (!info.ok()) return info.error();
          audit_hash_ = info.value().audit_hash;
          return core::Status::Ok();
        },
        storage::Store::WriteSize::kBulk);
    if (!saved.ok()) return saved.error();
    kept_ = std::move(kept);
    return result;
  }

  // The organizations the last year assessed ranked; the runner is done with them.
  core::OrgTable TakeOrgs() { return kept_ ? std::move(*kept_) : std::move(all_); }
  std::vector<int>& assessed_first() { return assessed_first_; }
  // The head of the audit chain the last stored run recorded.
  const std::string& audit_hash() const { return audit_hash_; }

 private:
  // Every organization, ended or not, read once (inside the first year's snapshot).
  core::Status LoadOrganizations(storage::Tx& tx) {
    if (loaded_) return core::Status::Ok();
    storage::OrganizationRecords records(tx);
    auto orgs = records.Table();
    if (!orgs.ok()) return orgs.error();
    all_ = std::move(orgs).value();
    auto ended = records.Ends();
    if (!ended.ok()) return ended.error();
    ended_ = std::move(ended).value();
    loaded_ = true;
    return core::Status::Ok();
  }

  // Year's scores, the stored selections of the years before it aligned with `orgs` (none for a
  // year without a stored run: AssessEarlierYears stored those that have scores), and the hand
  // decisions.
  core::Status LoadInputs(storage::Tx& tx, const core::OrgTable& orgs, core::YearScores& scores,
                          core::AssessmentInput& input) {
    auto stored_scores = storage::ScoreRecords(tx).OfYear(input.year, orgs);
    if (!stored_scores.ok()) return stored_scores.error();
    scores = std::move(stored_scores).value();
    storage::AssessmentRecords stored(tx);
    for (int back = 1; back < policy_.policy.consecutive_years; ++back) {
      auto selection = stored.Selection(input.year - back, orgs);
      if (!selection.ok()) return selection.error();
      input.previous_selected.push_back(selection.value() ? std::move(*selection.value())
                                                          : std::vector<std::uint8_t>{});
    }
    auto manual = storage::HandDecisionRecords(tx).Aligned(input.year, orgs);
    if (!manual.ok()) return manual.error();
    input.manual = std::move(manual).value();
    return core::Status::Ok();
  }

  // Assesses and stores, oldest first, the years before `year` its consecutive rule reads that
  // have scores but were never assessed.
  core::Status AssessEarlierYears(int year) {
    for (int back = 1; back < policy_.policy.consecutive_years; ++back) {
      const int earlier = year - back;
      bool needed = false;
      core::Status checked = store_.Read([&](storage::Tx& tx) -> core::Status {
        auto info = storage::AssessmentRecords(tx).Info(earlier);
        if (!info.ok()) return info.error();
        if (info.value()) return core::Status::Ok();
        auto any = storage::ScoreRecords(tx).Any(earlier);
        if (!any.ok()) return any.error();
        needed = any.value();
        return core::Status::Ok();
      });
      if (!checked.ok()) return checked;
      if (!needed) continue;
      auto result = AssessAndStore(earlier);
      if (!result.ok()) return result.error();
      assessed_first_.push_back(earlier);
      if (notice_) {
        notice_(std::to_string(earlier) +
                " had scores but no stored assessment: assessed it first under policy " +
                policy_.version + " and stored it");
      }
    }
    return core::Status::Ok();
  }

  storage::Store& store_;
  const config::LoadedPolicy& policy_;
  const storage::Actor& actor_;
  const NoticeFn& notice_;
  bool loaded_ = false;
  core::OrgTable all_;  // every organization, ended or not
  std::vector<std::pair<std::string, core::CivilDate>> ended_;
  std::optional<core::OrgTable> kept_;  // those the last year ranked, when not all_
  std::vector<int> assessed_first_;
  std::string audit_hash_;
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
  auto any =
      storage::ReadValue(store, [&](storage::Tx& t) { return storage::ScoreRecords(t).Any(year); });
  if (!any.ok()) return any.error();
  if (!any.value()) {
    return core::Error::Invalid(
        "no scores for " + std::to_string(year) + ": import them first (import scores FILE)",
        "year");
  }
  Runner runner(store, policy, actor, notice);
  auto result = runner.AssessAndStore(year);
  if (!result.ok()) return result.error();
  AssessmentRun run;
  run.audit_hash = runner.audit_hash();
  run.orgs = runner.TakeOrgs();
  run.result = std::move(result).value();
  run.policy_version = policy.version;
  run.assessed_first = runner.assessed_first();
  return run;
}

}  // namespace grassroots::app
