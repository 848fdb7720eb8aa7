#include "app/spot_check_service.h"

#include <algorithm>
#include <set>

#include "app/rectification_access.h"
#include "app/spot_finding_sight.h"
#include "core/access.h"
#include "core/first_secretary_reports.h"
#include "storage/audit_chain.h"
#include "storage/rectification_records.h"

namespace grassroots::app {
namespace {

using storage::SpotCheckRecords;

core::Error SpotCheckNotFound(const std::string& month) {
  return core::Error::NotFound("no spot check was drawn for " + month, "month")
      .With("spot_check_not_found", {{"month", month}});
}

core::Error OrgNotDrawn(const std::string& month, const std::string& code) {
  return core::Error::NotFound(code + " was not drawn in the spot check of " + month, "org")
      .With("spot_check_org_not_found", {{"month", month}, {"org", code}});
}

// The findings of `all` the caller may read.
core::Result<std::vector<storage::FindingRecord>> Visible(storage::Tx& tx,
                                                          const core::Principal& who,
                                                          std::vector<storage::FindingRecord> all) {
  if (core::ReadsEveryOrganization(who)) return all;
  std::vector<storage::FindingRecord> out;
  for (storage::FindingRecord& f : all) {
    core::Result<SpotSight> sight = SpotSightOf(tx, who, f.org_code);
    if (!sight.ok()) return sight.error();
    if (sight.value().read) out.push_back(std::move(f));
  }
  return out;
}

core::Status LoadView(storage::Tx& tx, const core::Principal& who, const std::string& month,
                      SpotCheckView& view) {
  SpotCheckRecords records(tx);
  core::Result<std::optional<storage::SpotCheckRecord>> check = records.Get(month);
  if (!check.ok()) return check.error();
  if (!check.value()) return SpotCheckNotFound(month);
  view.check = *check.value();
  core::Result<std::vector<storage::DrawnRecord>> drawn = records.Drawn(month);
  if (!drawn.ok()) return drawn.error();
  if (core::ReadsEveryOrganization(who))
    view.drawn_total = static_cast<std::int64_t>(drawn.value().size());
  for (storage::DrawnRecord& d : drawn.value()) {
    core::Result<SpotSight> sight = SpotSightOf(tx, who, d.org_code);
    if (!sight.ok()) return sight.error();
    if (!sight.value().read) continue;
    if (sight.value().record) view.may_record.push_back(d.org_code);
    view.drawn.push_back(std::move(d));
  }
  core::Result<std::vector<storage::FindingRecord>> findings = records.Findings(month);
  if (!findings.ok()) return findings.error();
  core::Result<std::vector<storage::FindingRecord>> seen =
      Visible(tx, who, std::move(findings).value());
  if (!seen.ok()) return seen.error();
  view.findings = std::move(seen).value();
  return core::Status::Ok();
}

std::uint64_t DerivedSeed(const std::string& month, const std::string& head) {
  return core::SeedFromSha256Hex(storage::Sha256Hex(core::SeedMaterial(month, head))).value_or(0);
}

// The day a finding was checked on: `text` (YYYY-MM-DD), from the month's first day to the
// county's today, or today when empty.
core::Result<core::CivilDate> CheckedOn(const std::string& text, const core::DayRange& month,
                                        core::UnixSeconds now) {
  const core::CivilDate today = core::CountyDate(now);
  if (text.empty()) return today;
  const std::optional<core::CivilDate> day = core::ParseIsoDate(text);
  if (!day || *day < month.first || today < *day) {
    return core::Error::Invalid("checked_on must be a day YYYY-MM-DD from " +
                                    core::FormatIsoDate(month.first) + " to today",
                                "checked_on")
        .With("checked_on_out_of_range", {{"value", text},
                                          {"min", core::FormatIsoDate(month.first)},
                                          {"max", core::FormatIsoDate(today)}});
  }
  return *day;
}

}  // namespace

core::Result<std::vector<core::SpotCandidate>> CandidatesNow(storage::Tx& tx,
                                                             const core::DayRange& month,
                                                             std::optional<int>* assessment_year) {
  SpotCheckRecords records(tx);
  core::Result<storage::CandidateFacts> facts =
      records.LiveCandidateFacts(core::FormatIsoDate(month.first), month.first.year);
  if (!facts.ok()) return facts.error();
  const core::CivilDate before =
      core::CivilFromDays(core::DaysFromCivil(month.first) - 1);  // last month's last day
  core::Result<std::vector<std::string>> last =
      records.DrawnCodes(core::FormatYearMonth(core::MonthOf(before)));
  if (!last.ok()) return last.error();
  const std::set<std::string> selected(facts.value().selected.begin(),
                                       facts.value().selected.end());
  const std::set<std::string> drawn_last(last.value().begin(), last.value().end());
  std::vector<core::SpotCandidate> out;
  out.reserve(facts.value().orgs.size());
  for (const storage::CandidateFacts::Org& org : facts.value().orgs) {
    std::optional<core::PlanProgress> plan;
    if (auto it = facts.value().plans.find(org.code); it != facts.value().plans.end()) {
      plan = it->second;
    }
    out.push_back({org.code, org.type, core::UnderRectification(selected.count(org.code) > 0, plan),
                   drawn_last.count(org.code) > 0});
  }
  if (assessment_year != nullptr) *assessment_year = facts.value().assessment_year;
  return out;
}

core::Result<SpotCheckView> RunSpotCheck(storage::Store& store, const core::Principal& who,
                                         const std::string& month,
                                         std::optional<std::uint64_t> seed,
                                         const core::Policy& policy, const storage::Actor& actor) {
  if (!core::MayRunSpotCheck(who)) {
    return core::Error::Forbidden("only the organization department draws the spot check")
        .With("spot_check_not_permitted");
  }
  core::Result<core::DayRange> days = core::ParseMonth("month", month);
  if (!days.ok()) return days.error();
  SpotCheckView view;
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    core::Result<storage::ChainHead> head = storage::ReadAuditHead(tx.db());
    if (!head.ok()) return head.error();
    storage::SpotCheckRecord record;
    record.month = month;
    record.audit_head = storage::FormatAuditHead(head.value());
    record.seed_source = seed ? "given" : "derived";
    record.seed = seed ? *seed : DerivedSeed(month, record.audit_head);
    record.ratio_ppm = policy.spot_check_ppm;
    record.min_selected = policy.spot_check_min_selected;
    core::Result<std::vector<core::SpotCandidate>> candidates =
        CandidatesNow(tx, days.value(), &record.assessment_year);
    if (!candidates.ok()) return candidates.error();
    record.candidate_count = static_cast<std::int64_t>(candidates.value().size());
    record.candidates_digest = storage::Sha256Hex(core::CandidateLines(candidates.value()));
    record.run_by = actor.name;
    record.run_at = core::FormatUtc(tx.db().clock().Now());
    const core::SpotDraw draw =
        core::DrawSpotCheck(candidates.value(), record.ratio_ppm, record.min_selected, record.seed);
    SpotCheckRecords records(tx);
    if (core::Status s = records.Create(record, candidates.value(), draw); !s.ok()) return s;
    return LoadView(tx, who, month, view);
  });
  if (!status.ok()) return status.error();
  return view;
}

core::Result<std::vector<storage::SpotCheckRecord>> ListSpotChecks(storage::Store& store) {
  std::vector<storage::SpotCheckRecord> out;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    core::Result<std::vector<storage::SpotCheckRecord>> list = SpotCheckRecords(tx).List();
    if (!list.ok()) return list.error();
    out = std::move(list).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return out;
}

core::Result<SpotCheckView> GetSpotCheck(storage::Store& store, const core::Principal& who,
                                         const std::string& month) {
  if (core::Result<core::DayRange> days = core::ParseMonth("month", month); !days.ok()) {
    return days.error();
  }
  SpotCheckView view;
  core::Status status = store.Read([&](storage::Tx& tx) { return LoadView(tx, who, month, view); });
  if (!status.ok()) return status.error();
  return view;
}

core::Result<SpotVerification> VerifySpotCheck(storage::Store& store, const core::Principal& who,
                                               const std::string& month) {
  core::Result<core::DayRange> days = core::ParseMonth("month", month);
  if (!days.ok()) return days.error();
  SpotVerification out;
  out.month = month;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    SpotCheckRecords records(tx);
    core::Result<std::optional<storage::SpotCheckRecord>> check = records.Get(month);
    if (!check.ok()) return check.error();
    if (!check.value()) return SpotCheckNotFound(month);
    const storage::SpotCheckRecord& stored = *check.value();
    core::Result<std::vector<core::SpotCandidate>> then = records.Candidates(month);
    if (!then.ok()) return then.error();
    core::Result<std::vector<core::SpotCandidate>> now = CandidatesNow(tx, days.value(), nullptr);
    if (!now.ok()) return now.error();
    core::Result<std::vector<storage::DrawnRecord>> drawn = records.Drawn(month);
    if (!drawn.ok()) return drawn.error();
    out.stored_count = static_cast<std::int64_t>(then.value().size());
    out.now_count = static_cast<std::int64_t>(now.value().size());
    const core::SpotDraw again =
        core::DrawSpotCheck(now.value(), stored.ratio_ppm, stored.min_selected, stored.seed);
    const std::size_t longest = std::max(again.codes.size(), drawn.value().size());
    out.draw_same = true;
    for (std::size_t i = 0; i < longest; ++i) {
      const bool same = i < again.codes.size() && i < drawn.value().size() &&
                        again.codes[i] == drawn.value()[i].org_code &&
                        again.numbers[i] == drawn.value()[i].number;
      if (!same) {
        out.draw_same = false;
        out.position = static_cast<int>(i + 1);
        break;
      }
    }
    if (stored.seed_source == "derived" && DerivedSeed(month, stored.audit_head) != stored.seed) {
      out.difference = "seed";
    } else if (storage::Sha256Hex(core::CandidateLines(then.value())) != stored.candidates_digest) {
      out.difference = "digest";
    } else if (auto changed = core::FirstCandidateDifference(then.value(), now.value())) {
      out.difference = "candidates";
      core::Result<SpotSight> sight = SpotSightOf(tx, who, changed->code);
      if (!sight.ok()) return sight.error();
      if (!sight.value().read) changed->code.clear();
      out.candidate = std::move(changed);
    } else if (!out.draw_same) {
      out.difference = "draw";
    }
    out.identical = out.difference.empty();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return out;
}

core::Result<storage::FindingRecord> RecordFinding(
    storage::Store& store, const core::Principal& who, const std::string& month,
    const NewFinding& finding, const storage::Actor& actor, core::UnixSeconds now) {
  core::Result<core::DayRange> days = core::ParseMonth("month", month);
  if (!days.ok()) return days.error();
  core::Result<core::SpotOutcome> outcome = core::ParseSpotOutcome(finding.outcome);
  if (!outcome.ok()) return outcome.error();
  if (core::Status s = core::CheckFindingNote(outcome.value(), finding.note); !s.ok()) {
    return s.error();
  }
  core::Result<core::CivilDate> checked = CheckedOn(finding.checked_on, days.value(), now);
  if (!checked.ok()) return checked.error();
  storage::FindingRecord stored;
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    SpotCheckRecords records(tx);
    core::Result<std::optional<storage::SpotCheckRecord>> check = records.Get(month);
    if (!check.ok()) return check.error();
    if (!check.value()) return SpotCheckNotFound(month);
    core::Result<std::vector<std::string>> drawn = records.DrawnCodes(month);
    if (!drawn.ok()) return drawn.error();
    core::Result<SpotSight> sight = SpotSightOf(tx, who, finding.org_code);
    if (!sight.ok()) return sight.error();
    if (std::find(drawn.value().begin(), drawn.value().end(), finding.org_code) ==
            drawn.value().end() ||
        !sight.value().read) {
      return OrgNotDrawn(month, finding.org_code);
    }
    if (!sight.value().record) {
      return core::Error::Forbidden("not permitted to record findings of " + finding.org_code)
          .With("spot_finding_not_permitted");
    }
    storage::FindingRecord row;
    row.month = month;
    row.org_code = finding.org_code;
    row.outcome = std::string(core::ToString(outcome.value()));
    row.note = finding.note;
    row.checked_on = core::FormatIsoDate(checked.value());
    core::Result<storage::FindingRecord> added = records.AddFinding(row);
    if (!added.ok()) return added.error();
    core::Result<std::optional<storage::FindingRecord>> read = records.Finding(added.value().id);
    if (!read.ok()) return read.error();
    stored = *read.value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return stored;
}

core::Result<std::vector<storage::FindingRecord>> ListFindings(storage::Store& store,
                                                               const core::Principal& who,
                                                               const std::string& month) {
  if (core::Result<core::DayRange> days = core::ParseMonth("month", month); !days.ok()) {
    return days.error();
  }
  std::vector<storage::FindingRecord> out;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    SpotCheckRecords records(tx);
    core::Result<std::optional<storage::SpotCheckRecord>> check = records.Get(month);
    if (!check.ok()) return check.error();
    if (!check.value()) return SpotCheckNotFound(month);
    core::Result<std::vector<storage::FindingRecord>> all = records.Findings(month);
    if (!all.ok()) return all.error();
    core::Result<std::vector<storage::FindingRecord>> seen =
        Visible(tx, who, std::move(all).value());
    if (!seen.ok()) return seen.error();
    out = std::move(seen).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return out;
}

core::Result<ItemView> OpenItemFromFinding(storage::Store& store, const core::Principal& who,
                                           std::int64_t finding_id, const NewItem& item,
                                           const storage::Actor& actor, core::UnixSeconds now) {
  ItemView view;
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    SpotCheckRecords records(tx);
    core::Result<std::optional<storage::FindingRecord>> finding = records.Finding(finding_id);
    if (!finding.ok()) return finding.error();
    if (!finding.value()) return SpotFindingNotFound(finding_id);
    const storage::FindingRecord& f = *finding.value();
    core::Result<SpotSight> sight = SpotSightOf(tx, who, f.org_code);
    if (!sight.ok()) return sight.error();
    if (!sight.value().read) return SpotFindingNotFound(finding_id);
    if (f.outcome != core::ToString(core::SpotOutcome::kProblemFound)) {
      return core::Error::Conflict("only a finding with a problem opens a rectification item")
          .With("finding_not_a_problem");
    }
    if (f.item_id) {
      return core::Error::Conflict("this finding opened item " + std::to_string(*f.item_id) +
                                   " already")
          .With("finding_item_exists", {{"item", std::to_string(*f.item_id)}});
    }
    const int year = core::ParseMonth("month", f.month).value().first.year;
    storage::RectificationRecords plans(tx);
    core::Result<std::optional<storage::PlanRecord>> plan = plans.PlanOf(f.org_code, year);
    if (!plan.ok()) return plan.error();
    if (!plan.value()) {
      return core::Error::Conflict(f.org_code + " has no rectification plan for " +
                                   std::to_string(year) +
                                   ": an item is added to a plan, and only organizations the " +
                                   "year's assessment selected have one")
          .With("no_plan_for_finding", {{"org", f.org_code}, {"year", std::to_string(year)}});
    }
    core::Result<ItemView> added = internal::AddItemIn(tx, who, plan.value()->id, item, now);
    if (!added.ok()) return added.error();
    if (core::Status s = records.LinkItem(f, added.value().item.id); !s.ok()) return s;
    view = std::move(added).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return view;
}

core::Result<std::vector<storage::FindingRecord>> SpotCheckFindings(storage::Store& store,
                                                                    const core::Principal& who,
                                                                    const core::DayRange& days) {
  std::vector<storage::FindingRecord> out;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    core::Result<std::vector<storage::FindingRecord>> all = SpotCheckRecords(tx).FindingsBetween(
        core::FormatIsoDate(days.first), core::FormatIsoDate(days.last));
    if (!all.ok()) return all.error();
    core::Result<std::vector<storage::FindingRecord>> seen =
        Visible(tx, who, std::move(all).value());
    if (!seen.ok()) return seen.error();
    out = std::move(seen).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return out;
}

core::Result<std::optional<storage::FindingRecord>> FailedSpotCheck(storage::Store& store,
                                                                    const core::Principal& who,
                                                                    const std::string& org_code,
                                                                    const core::DayRange& days) {
  std::optional<storage::FindingRecord> out;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    core::Result<SpotSight> sight = SpotSightOf(tx, who, org_code);
    if (!sight.ok()) return sight.error();
    if (!sight.value().read) return core::Status::Ok();
    core::Result<std::vector<storage::FindingRecord>> problems =
        SpotCheckRecords(tx).ProblemsOf(org_code);
    if (!problems.ok()) return problems.error();
    for (storage::FindingRecord& f : problems.value()) {
      const std::optional<core::CivilDate> day = core::ParseIsoDate(f.checked_on);
      if (day && days.Contains(*day)) {
        out = std::move(f);
        break;
      }
    }
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return out;
}

core::Result<std::map<std::string, storage::FindingRecord>> FailedSpotChecks(
    storage::Store& store, const core::Principal& who, const core::DayRange& days) {
  core::Result<std::vector<storage::FindingRecord>> findings = SpotCheckFindings(store, who, days);
  if (!findings.ok()) return findings.error();
  std::map<std::string, storage::FindingRecord> out;
  // By day then id: a later problem of the same organization replaces an earlier one.
  for (storage::FindingRecord& f : findings.value()) {
    if (f.outcome == core::ToString(core::SpotOutcome::kProblemFound)) {
      out.insert_or_assign(f.org_code, std::move(f));
    }
  }
  return out;
}

}  // namespace grassroots::app
