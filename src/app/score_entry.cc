#include "app/score_entry.h"

#include <map>
#include <optional>
#include <string>

#include "core/field_access.h"

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
      auto scores = store_.ScoresOf(code);
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

}  // namespace grassroots::app
