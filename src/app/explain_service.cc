#include "app/explain_service.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/audit_trail.h"
#include "storage/assessment_records.h"

namespace grassroots::app {
namespace {

using Json = nlohmann::json;

Json Parsed(const std::string& text) {
  if (text.empty()) return nullptr;
  return Json::parse(text, nullptr, false);  // discarded (not thrown) when malformed
}

// Whether an entry changed `keys` of its document (all of it when `keys` is empty). An entry
// that rewrote the same values (a re-import of an unchanged row) changed nothing.
bool Changes(const storage::AuditRecord& entry, std::initializer_list<const char*> keys) {
  const Json before = Parsed(entry.before_json);
  const Json after = Parsed(entry.after_json);
  if (keys.size() == 0 || !before.is_object() || !after.is_object()) return before != after;
  for (const char* key : keys) {
    if (before.value(key, Json()) != after.value(key, Json())) return true;
  }
  return false;
}

core::RecordChange ChangeOf(const storage::AuditRecord& entry, core::ChangeSubject subject) {
  core::RecordChange change;
  change.audit_id = entry.id;
  change.at = entry.at;
  change.actor = entry.actor;
  change.action = entry.action;
  change.subject = subject;
  if (!entry.before_json.empty()) change.before_json = entry.before_json;
  if (!entry.after_json.empty()) change.after_json = entry.after_json;
  return change;
}

// The entries after the run that changed what the explanation of `code` rests on: its score
// of the year (committee grade and reason included), its hand decision of the year, and of
// its organization record only the type, unit or parent (a new name changes no ranking).
core::Result<std::vector<core::RecordChange>> ChangesSince(storage::Store& store,
                                                           const storage::AssessmentInfo& info,
                                                           const std::string& code) {
  const std::string score = ScoreEntity(code, info.year);
  const std::string manual = ManualEntity(code, info.year);
  const std::string organization = OrganizationEntity(code);
  // Single writes and the per-row records of bulk writes and imports alike.
  auto read = AuditChangesOf(store, {score, manual, organization}, info.audit_id);
  if (!read.ok()) return read.error();
  std::vector<storage::AuditRecord> entries = std::move(read).value();
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return a.id < b.id; });
  std::vector<core::RecordChange> changes;
  for (const storage::AuditRecord& entry : entries) {
    if (entry.entity == organization) {
      if (Changes(entry, {"type", "unit", "parent"})) {
        changes.push_back(ChangeOf(entry, core::ChangeSubject::kOrganization));
      }
    } else if (Changes(entry, {})) {
      changes.push_back(ChangeOf(entry, entry.entity == score ? core::ChangeSubject::kScore
                                                              : core::ChangeSubject::kManual));
    }
  }
  return changes;
}

core::ExplainedInputs InputsOf(const storage::StoredResultRecord& record, int year) {
  core::ExplainedInputs inputs;
  inputs.dimensions = record.dimensions;
  inputs.committee_grade = record.committee_grade;
  inputs.committee_reason = record.committee_reason;
  if (record.manual_include)
    inputs.manual = core::HandDecision{*record.manual_include, record.manual_reason};
  for (int k = 0; k < 32; ++k) {
    if (record.previous_selected >> k & 1u) inputs.previous_selected_years.push_back(year - 1 - k);
  }
  return inputs;
}

core::Explanation FromRecord(const storage::AssessmentInfo& info,
                             const storage::StoredResultRecord& record) {
  const storage::AssessmentRow& row = record.row;
  core::Explanation out;
  out.year = info.year;
  out.code = row.code;
  out.type = row.type;
  out.unit = row.unit;
  out.parent = record.parent;
  out.score_cents = row.score_cents;
  if (row.grade) out.grade = core::ParseGrade(*row.grade);
  out.rank = row.rank;
  out.selected = row.selected;
  out.reasons = row.reasons;
  out.consecutive = row.consecutive;
  for (core::ActionKind kind : core::ProposedActionKinds(row.consecutive, !record.parent.empty())) {
    out.actions.emplace_back(kind,
                             kind == core::ActionKind::kRemoveSecretary ? row.code : record.parent);
  }
  if (info.inputs_stored) out.inputs = InputsOf(record, info.year);
  out.policy_version = info.policy_version;
  out.run_at = info.run_at;
  out.audit_hash = info.audit_hash;
  return out;
}

}  // namespace

std::string ScoreEntity(const std::string& code, int year) {
  return "score:" + code + ":" + std::to_string(year);
}
std::string ManualEntity(const std::string& code, int year) {
  return "manual:" + code + ":" + std::to_string(year);
}
std::string OrganizationEntity(const std::string& code) { return "organization:" + code; }

core::Result<core::Explanation> ExplainResult(storage::Store& store, int year,
                                              const std::string& code) {
  // The record and the audit entries after it read in one snapshot.
  storage::ReadingScope snapshot(store);
  const std::string year_text = std::to_string(year);
  std::optional<storage::AssessmentInfo> info;
  core::Explanation explanation;
  core::Status read = store.Read([&](storage::Tx& tx) -> core::Status {
    storage::AssessmentRecords stored(tx);
    auto run = stored.Info(year);
    if (!run.ok()) return run.error();
    info = std::move(run).value();
    if (!info) {
      return core::Error::NotFound("year " + year_text +
                                       " has not been assessed: run its assessment first (it "
                                       "needs scores)",
                                   "year")
          .With("year_not_assessed", {{"year", year_text}});
    }
    auto record = stored.Record(year, code);
    if (!record.ok()) return record.error();
    if (!record.value()) {
      return core::Error::NotFound(
                 "organization " + code + " was not in the assessment of " + year_text, "code")
          .With("not_in_assessment", {{"code", code}, {"year", year_text}});
    }
    explanation = FromRecord(*info, *record.value());
    auto group = stored.QuotaGroup(year, explanation.unit, explanation.type);
    if (!group.ok()) return group.error();
    if (const auto& g = group.value()) {
      explanation.group =
          core::ExplainedGroup{g->count, g->ratio_ppm, g->quota, g->cut_cents, g->taken};
    }
    return core::Status::Ok();
  });
  if (!read.ok()) return read.error();
  auto changes = ChangesSince(store, *info, code);
  if (!changes.ok()) return changes.error();
  explanation.changed_since = std::move(changes).value();
  return explanation;
}

}  // namespace grassroots::app
