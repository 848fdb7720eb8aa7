#include "app/score_entry.h"

#include <map>
#include <optional>
#include <string>

#include "core/field_access.h"
#include "storage/import_writer.h"
#include "storage/score_subject.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

// The stored scores of each organization the entries name, read once per organization.
class StoredScores {
 public:
  explicit StoredScores(storage::Store& store) : store_(store) {}

  // The stored score of (code, year), nullopt when none; an Error when the store fails.
  core::Result<std::optional<core::ScoreRecord>> Find(const std::string& code, int year) {
    auto it = by_code_.find(code);
    if (it == by_code_.end()) {
      auto scores = storage::ReadValue(
          store_, [&](storage::Tx& t) { return storage::ScoreRecords(t).Of(code); });
      if (!scores.ok()) return scores.error();
      it = by_code_.emplace(code, std::move(scores).value()).first;
    }
    for (const core::ScoreRecord& score : it->second) {
      if (score.year == year) return std::optional<core::ScoreRecord>(score);
    }
    return std::optional<core::ScoreRecord>();
  }

 private:
  storage::Store& store_;
  std::map<std::string, std::vector<core::ScoreRecord>> by_code_;
};

}  // namespace

core::Result<std::vector<core::ScoreRecord>> ResolveScoreEntries(
    storage::Store& store, const core::Principal& who, const std::vector<ScoreEntry>& entries) {
  StoredScores stored(store);
  std::vector<core::ScoreRecord> out;
  out.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const ScoreEntry& entry = entries[i];
    auto before = stored.Find(entry.score.code, entry.score.year);
    if (!before.ok()) return before.error();
    core::ScoreRecord after = entry.score;
    if (entry.keeps_grade) {
      after.committee_grade = before.value() ? before.value()->committee_grade : std::nullopt;
      after.reason = before.value() ? before.value()->reason : std::string();
    }
    const core::ScoreRecord* was = before.value() ? &*before.value() : nullptr;
    if (core::Status may = core::CheckScoreChange(who, was, after); !may.ok()) {
      core::Error refused = may.error();
      refused.params.emplace_back("line", std::to_string(i + 1));
      return refused;
    }
    out.push_back(std::move(after));
  }
  return out;
}

core::Result<SavedScore> SaveScoreEntry(storage::Store& store, const core::Principal& who,
                                        const ScoreEntry& entry, const storage::Actor& actor) {
  auto resolved = ResolveScoreEntries(store, who, {entry});
  if (!resolved.ok()) return resolved.error();
  SavedScore saved{std::move(resolved.value().front())};
  auto created = storage::WriteValue(
      store, actor, [&](storage::Tx& t) { return storage::ScoreRecords(t).Save(saved.score); });
  if (!created.ok()) return created.error();
  saved.created = created.value();
  return saved;
}

core::Result<storage::WriteSummary> SaveScoreEntries(storage::Store& store,
                                                     const core::Principal& who,
                                                     const std::vector<ScoreEntry>& entries,
                                                     const storage::Actor& actor) {
  auto scores = ResolveScoreEntries(store, who, entries);
  if (!scores.ok()) return scores.error();
  return storage::ImportBatch(store, actor, scores.value());
}

core::Result<core::ScoreRecord> OverrideCommitteeGrade(storage::Store& store,
                                                       const std::string& code, int year,
                                                       const core::ScoreRecord& wanted,
                                                       const storage::Actor& actor) {
  // The score read and the score written are one transaction.
  return storage::WriteValue(store, actor, [&](storage::Tx& tx) -> core::Result<core::ScoreRecord> {
    storage::ScoreRecords scores(tx);
    auto found = scores.Find(code, year);
    if (!found.ok()) return found.error();
    if (!found.value())
      return core::Error::NotFound("no score of " + code + " in this year", "year");
    core::ScoreRecord score = std::move(*found.value());
    score.committee_grade = wanted.committee_grade;
    score.reason = wanted.reason;
    auto saved = scores.Save(score);
    if (!saved.ok()) return saved.error();
    return score;
  });
}

}  // namespace grassroots::app
