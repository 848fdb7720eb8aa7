// Checklists as data (issue 14, standards): the 十有 venue standard, the 20 items of internal
// Party work (20项党建内业) and each organization type's standard, as a county writes them in a
// TOML file beside the policy (config/checklist_file.h reads it). Each organization answers a
// checklist's items per year — met, not met or not applicable — and a checklist that feeds a
// dimension turns its answers into that dimension's score by the one mapping below. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/organization.h"
#include "core/score.h"

namespace grassroots::core {

inline constexpr std::size_t kMaxChecklistKeyLength = 40;  // checklist ids and item keys
inline constexpr std::size_t kMaxChecklistNameLength = 100;
inline constexpr std::size_t kMaxChecklistItemText = 500;
inline constexpr std::size_t kMaxChecklistItems = 200;
inline constexpr std::size_t kMaxChecklistNote = 1000;  // an answer's note

// An item's answer: 达标 met, 未达标 not met, 不适用 not applicable.
enum class AnswerState : std::uint8_t { kMet, kNotMet, kNotApplicable };
std::string_view ToString(AnswerState state);
std::optional<AnswerState> ParseAnswerState(std::string_view text);  // met|not_met|not_applicable
inline constexpr std::string_view kAnswerStateNames = "met, not_met, not_applicable";

struct ChecklistItem {
  std::string key;   // lower_snake, unique within its checklist
  std::string text;  // what the item asks, as the standard words it
};

struct Checklist {
  std::string id;    // lower_snake, unique in the file
  std::string name;  // "“十有”阵地建设标准"
  // The organization types that fill it; empty: every type.
  std::vector<OrgType> types;
  // The dimension whose score it gives (ChecklistScoreOf), when it feeds one.
  std::optional<Dimension> feeds;
  std::vector<ChecklistItem> items;

  const ChecklistItem* Item(std::string_view key) const;
};

// Every checklist of one file. `name` names the file's set ("mohe-2016").
struct ChecklistSet {
  std::string name;
  std::vector<Checklist> checklists;

  const Checklist* Find(std::string_view id) const;
};

bool AppliesTo(const Checklist& checklist, OrgType type);
// The checklists an organization of `type` fills, in the file's order.
std::vector<const Checklist*> ChecklistsFor(const ChecklistSet& set, OrgType type);

// What a set must hold: ids and item keys lower_snake (a-z, 0-9, _; 1..40), unique; names and
// item texts 1..100 and 1..500 characters; 1..200 items; and at most one checklist feeding a
// dimension for any organization type, so a dimension's source is never ambiguous. kInvalid,
// `field` the key path as the file writes it ("checklist[2].items[3].key"), reason
// checklist_definition_invalid {key, problem}; `index` of the error's checklist in `field`.
Status ValidateChecklistSet(const ChecklistSet& set);

// One item's stored answer.
struct ItemAnswer {
  std::string item;
  AnswerState state = AnswerState::kNotMet;
  std::string note;
};

// Answers a client wants stored for `checklist`: each names an item of it once (reason
// unknown_checklist_item {item} / duplicate_checklist_item {item}), the note a text of at most
// kMaxChecklistNote characters. kInvalid, field "items[i].item" or "items[i].note".
Status CheckAnswers(const Checklist& checklist, const std::vector<ItemAnswer>& answers);

// The mapping from a checklist's answers to a dimension's score (documented in
// docs/checklists.md): score = met ÷ applicable × 100, where applicable = items not answered
// not_applicable, rounded to 2 decimals half away from zero. Every item of the checklist must
// be answered, and at least one must apply.
inline constexpr std::string_view kChecklistMapping =
    "score = met / applicable x 100 (applicable: items not marked not_applicable), rounded to "
    "2 decimals half away from zero; every item answered, at least one applicable";

struct ChecklistScore {
  int met = 0;
  int applicable = 0;
  std::int32_t cents = 0;  // the score in hundredths, 0..10000
  double Score() const { return cents / 100.0; }
};

// The score `answers` give `checklist` by kChecklistMapping. Answers of items the checklist no
// longer has are ignored. kConflict (field "items") reason checklist_incomplete {checklist,
// missing: the count} when an item is unanswered, checklist_nothing_applicable {checklist}
// when every item is not applicable.
Result<ChecklistScore> ChecklistScoreOf(const Checklist& checklist,
                                        const std::vector<ItemAnswer>& answers);

}  // namespace grassroots::core
