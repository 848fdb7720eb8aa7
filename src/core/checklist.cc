#include "core/checklist.h"

#include <algorithm>
#include <array>
#include <set>

#include "core/field_rules.h"
#include "core/text.h"

namespace grassroots::core {
namespace {

bool IsKey(std::string_view key) {
  return !key.empty() && key.size() <= kMaxChecklistKeyLength &&
         std::ranges::all_of(key, [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
         });
}

Error DefinitionError(const std::string& field, const std::string& problem) {
  return Error::Invalid("key \"" + field + "\": " + problem, field)
      .With("checklist_definition_invalid", {{"key", field}, {"problem", problem}});
}

}  // namespace

std::string_view ToString(AnswerState state) {
  switch (state) {
    case AnswerState::kMet:
      return "met";
    case AnswerState::kNotMet:
      return "not_met";
    case AnswerState::kNotApplicable:
      return "not_applicable";
  }
  return "not_met";
}

std::optional<AnswerState> ParseAnswerState(std::string_view text) {
  for (AnswerState state : {AnswerState::kMet, AnswerState::kNotMet, AnswerState::kNotApplicable}) {
    if (text == ToString(state)) return state;
  }
  return std::nullopt;
}

const ChecklistItem* Checklist::Item(std::string_view key) const {
  for (const ChecklistItem& item : items) {
    if (item.key == key) return &item;
  }
  return nullptr;
}

const Checklist* ChecklistSet::Find(std::string_view id) const {
  for (const Checklist& checklist : checklists) {
    if (checklist.id == id) return &checklist;
  }
  return nullptr;
}

bool AppliesTo(const Checklist& checklist, OrgType type) {
  return checklist.types.empty() ||
         std::ranges::find(checklist.types, type) != checklist.types.end();
}

std::vector<const Checklist*> ChecklistsFor(const ChecklistSet& set, OrgType type) {
  std::vector<const Checklist*> out;
  for (const Checklist& checklist : set.checklists) {
    if (AppliesTo(checklist, type)) out.push_back(&checklist);
  }
  return out;
}

Status ValidateChecklistSet(const ChecklistSet& set) {
  std::set<std::string> ids;
  // Which checklist feeds each (type, dimension) so far.
  std::array<std::array<const Checklist*, kDimensionCount>, kOrgTypeCount> feeder{};
  for (std::size_t c = 0; c < set.checklists.size(); ++c) {
    const Checklist& checklist = set.checklists[c];
    const std::string at = "checklist[" + std::to_string(c + 1) + "]";
    if (!IsKey(checklist.id)) {
      return DefinitionError(at + ".id", "must be 1 to 40 of a-z, 0-9 and _");
    }
    if (!ids.insert(checklist.id).second) {
      return DefinitionError(at + ".id", "\"" + checklist.id + "\" is used twice");
    }
    if (checklist.name.empty() || !FitsName(checklist.name, kMaxChecklistNameLength)) {
      return DefinitionError(at + ".name", "must be 1 to 100 characters on one line");
    }
    if (checklist.items.empty() || checklist.items.size() > kMaxChecklistItems) {
      return DefinitionError(at + ".items", "must list 1 to 200 items");
    }
    std::set<std::string> keys;
    for (std::size_t i = 0; i < checklist.items.size(); ++i) {
      const ChecklistItem& item = checklist.items[i];
      const std::string item_at = at + ".items[" + std::to_string(i + 1) + "]";
      if (!IsKey(item.key)) {
        return DefinitionError(item_at + ".key", "must be 1 to 40 of a-z, 0-9 and _");
      }
      if (!keys.insert(item.key).second) {
        return DefinitionError(item_at + ".key", "\"" + item.key + "\" is used twice");
      }
      if (item.text.empty() || !FitsText(item.text, kMaxChecklistItemText)) {
        return DefinitionError(item_at + ".text", "must be 1 to 500 characters");
      }
    }
    if (!checklist.feeds) continue;
    for (OrgType type : kAllOrgTypes) {
      if (!AppliesTo(checklist, type)) continue;
      const Checklist*& slot = feeder[static_cast<int>(type)][static_cast<int>(*checklist.feeds)];
      if (slot != nullptr) {
        return DefinitionError(at + ".feeds",
                               "\"" + checklist.id + "\" and \"" + slot->id + "\" both feed " +
                                   std::string(kDimensionKeys[static_cast<int>(*checklist.feeds)]) +
                                   " for type " + std::string(ToString(type)));
      }
      slot = &checklist;
    }
  }
  return Status::Ok();
}

Status CheckAnswers(const Checklist& checklist, const std::vector<ItemAnswer>& answers) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const ItemAnswer& answer = answers[i];
    const std::string at = "items[" + std::to_string(i) + "]";
    const std::string shown = Excerpt(answer.item, kMaxChecklistKeyLength);
    if (checklist.Item(answer.item) == nullptr) {
      return Error::Invalid("checklist " + checklist.id + " has no item \"" + shown + "\"",
                            at + ".item")
          .With("unknown_checklist_item", {{"item", shown}});
    }
    if (!seen.insert(answer.item).second) {
      return Error::Invalid("item \"" + shown + "\" is answered twice", at + ".item")
          .With("duplicate_checklist_item", {{"item", shown}});
    }
    if (Status s = CheckText(at + ".note", answer.note, kMaxChecklistNote); !s.ok()) return s;
  }
  return Status::Ok();
}

Result<ChecklistScore> ChecklistScoreOf(const Checklist& checklist,
                                        const std::vector<ItemAnswer>& answers) {
  ChecklistScore score;
  int missing = 0;
  for (const ChecklistItem& item : checklist.items) {
    auto answer = std::ranges::find(answers, item.key, &ItemAnswer::item);
    if (answer == answers.end()) {
      ++missing;
      continue;
    }
    if (answer->state == AnswerState::kNotApplicable) continue;
    ++score.applicable;
    if (answer->state == AnswerState::kMet) ++score.met;
  }
  if (missing > 0) {
    return Error::Conflict("checklist " + checklist.id + " has " + std::to_string(missing) +
                               " unanswered items; answer every item first",
                           "items")
        .With("checklist_incomplete",
              {{"checklist", checklist.id}, {"missing", std::to_string(missing)}});
  }
  if (score.applicable == 0) {
    return Error::Conflict(
               "every item of checklist " + checklist.id + " is not applicable: it gives no score",
               "items")
        .With("checklist_nothing_applicable", {{"checklist", checklist.id}});
  }
  // met / applicable x 10000 hundredths, half away from zero, in integers.
  const std::int64_t twice = 2 * std::int64_t{score.met} * 10000 + score.applicable;
  score.cents = static_cast<std::int32_t>(twice / (2 * std::int64_t{score.applicable}));
  return score;
}

}  // namespace grassroots::core
