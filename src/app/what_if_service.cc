#include "app/what_if_service.h"

#include <utility>

#include "app/assessment_service.h"
#include "core/organization.h"
#include "storage/assessment_records.h"
#include "storage/hand_decision_records.h"
#include "storage/organization_subject.h"
#include "storage/score_subject.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

struct Evaluation {
  core::OrgTable orgs;
  core::AssessmentResult result;
};

// Runs the engine on the stored data of `year` with `policy`, storing nothing.
core::Result<Evaluation> Evaluate(storage::Store& store, const core::Policy& policy, int year) {
  Evaluation out;
  core::YearScores scores;
  core::AssessmentInput input;
  input.year = year;
  // The inputs in one snapshot; the engine runs outside it.
  core::Status loaded = store.Read([&](storage::Tx& tx) -> core::Status {
    auto orgs = OrganizationsAssessedIn(store, year);
    if (!orgs.ok()) return orgs.error();
    out.orgs = std::move(orgs).value();
    auto stored_scores = storage::ScoreRecords(tx).OfYear(year, out.orgs);
    if (!stored_scores.ok()) return stored_scores.error();
    scores = std::move(stored_scores).value();
    storage::AssessmentRecords stored(tx);
    for (int back = 1; back < policy.consecutive_years; ++back) {
      auto selection = stored.Selection(year - back, out.orgs);
      if (!selection.ok()) return selection.error();
      input.previous_selected.push_back(selection.value() ? std::move(*selection.value())
                                                          : std::vector<std::uint8_t>{});
    }
    auto manual = storage::HandDecisionRecords(tx).Aligned(year, out.orgs);
    if (!manual.ok()) return manual.error();
    input.manual = std::move(manual).value();
    return core::Status::Ok();
  });
  if (!loaded.ok()) return loaded.error();
  input.orgs = &out.orgs;
  input.scores = &scores;
  auto result = core::Assess(policy, input);
  if (!result.ok()) return result.error();
  out.result = std::move(result).value();
  return out;
}

// The ancestry of organization i from the table (code first), for scope checks in memory.
std::vector<std::string> AncestryAt(const core::OrgTable& orgs, std::size_t i) {
  std::vector<std::string> out;
  for (std::int32_t at = static_cast<std::int32_t>(i); at >= 0 && out.size() < 64;
       at = orgs.parent[at]) {
    out.push_back(orgs.code[at]);
  }
  return out;
}

}  // namespace

core::Result<WhatIfOutcome> EvaluateWhatIf(storage::Store& store, const core::Policy& changed,
                                           const core::Policy& active, int year) {
  auto evaluation = Evaluate(store, changed, year);
  if (!evaluation.ok()) return evaluation.error();
  WhatIfOutcome out{std::move(evaluation.value().orgs), std::move(evaluation.value().result), {}};
  auto stored = storage::ReadValue(store, [&](storage::Tx& tx) {
    return storage::AssessmentRecords(tx).Selection(year, out.orgs);
  });
  if (!stored.ok()) return stored.error();
  if (stored.value()) {
    out.before = std::move(*stored.value());
  } else {
    auto base = Evaluate(store, active, year);
    if (!base.ok()) return base.error();
    out.before = std::move(base.value().result.selected);
  }
  out.before.resize(out.orgs.size(), 0);
  return out;
}

WhatIfPage PageOfWhatIf(const WhatIfOutcome& outcome, const WhatIfQuery& query) {
  const core::OrgTable& orgs = outcome.orgs;
  const auto& after = outcome.result.selected;
  WhatIfPage page;
  for (std::size_t i = 0; i < orgs.size(); ++i) {
    const bool was = outcome.before[i] != 0, is = after[i] != 0;
    if (!was && !is) continue;  // neither count nor list holds it: spare the checks below
    if (!query.type.empty() && core::ToString(orgs.type[i]) != query.type) continue;
    if (!query.unit.empty() && orgs.unit_codes[orgs.unit[i]] != query.unit) continue;
    if (query.who != nullptr &&
        !core::MayAccessOrganization(*query.who, AncestryAt(orgs, i), core::OrgAction::kRead)) {
      continue;
    }
    page.before += was;
    page.after += is;
    const bool entering = is && !was, leaving = was && !is;
    page.entering += entering;
    page.leaving += leaving;
    if (query.change == WhatIfChange::kEntering ? !entering : !leaving) continue;
    if (page.total >= query.offset && page.total < query.offset + query.limit) {
      page.items.push_back(i);
    }
    ++page.total;
  }
  return page;
}

core::Result<std::map<std::string, storage::AssessmentRow>> StoredRowsOf(
    storage::Store& store, int year, const std::vector<std::string>& codes) {
  std::map<std::string, storage::AssessmentRow> rows;
  if (codes.empty()) return rows;
  storage::OrgFilter only;
  only.restrict_to_scope = true;
  only.only = codes;
  only.limit = static_cast<std::int64_t>(codes.size());
  auto stored = storage::ReadValue(
      store, [&](storage::Tx& tx) { return storage::AssessmentRecords(tx).Rows(year, only); });
  if (!stored.ok()) return stored.error();
  for (auto& row : stored.value().items) rows.emplace(row.code, std::move(row));
  if (rows.size() == codes.size()) return rows;
  auto orgs = storage::ReadValue(
      store, [&](storage::Tx& t) { return storage::OrganizationRecords(t).List(only); });
  if (!orgs.ok()) return orgs.error();
  for (const core::Organization& org : orgs.value().items) {
    storage::AssessmentRow row;
    row.code = org.code;
    row.name = org.name;
    row.type = core::ToString(org.type);
    row.unit = org.unit;
    rows.emplace(org.code, std::move(row));
  }
  return rows;
}

}  // namespace grassroots::app
