#include "cli/demo_checklists.h"

#include <string>
#include <string_view>
#include <vector>

#include "app/checklist_service.h"
#include "app/score_sheet.h"
#include "cli/demo_photo.h"
#include "demo/rng.h"

namespace grassroots::cli {
namespace {

// How many organizations fill their checklists, and every how many of them applies them.
constexpr int kFilled = 24;
constexpr int kApplyEvery = 6;

constexpr std::string_view kNotMetNotes[] = {"台账不全，已要求补齐", "场所正在修缮", "记录缺少签字",
                                             "未按期更新"};

}  // namespace

core::Status FillChecklistDemo(storage::Store& store, const core::ChecklistSet& set, int year,
                               std::uint64_t seed) {
  storage::OrgFilter first;
  first.limit = kFilled;
  auto sheet = app::ScoreSheet(store, year, storage::SheetRows::kScored, first);
  if (!sheet.ok()) return sheet.error();
  const storage::Actor actor{"unit_admin", "cli"};
  core::Principal who;
  who.name = "demo";
  who.role = core::Role::kAdmin;
  demo::Rng rng(seed ^ 0xc4ec'4115'7ULL);
  int index = 0;
  for (const storage::ScoreSheetRow& row : sheet.value().items) {
    auto type = core::ParseOrgType(row.type);
    if (!type) continue;
    for (const core::Checklist* checklist : core::ChecklistsFor(set, *type)) {
      std::vector<core::ItemAnswer> answers;
      for (const core::ChecklistItem& item : checklist->items) {
        const int draw = rng.Between(1, 100);
        core::ItemAnswer answer{item.key, core::AnswerState::kMet, ""};
        if (draw > 92) {
          answer.state = core::AnswerState::kNotApplicable;
        } else if (draw > 72) {
          answer.state = core::AnswerState::kNotMet;
          answer.note = std::string(kNotMetNotes[draw % 4]);
        }
        answers.push_back(std::move(answer));
      }
      if (core::Status s =
              app::SaveAnswers(store, set, row.code, year, checklist->id, answers, actor);
          !s.ok()) {
        return s;
      }
      if (index % 3 == 0) {
        auto answer = app::AnswerAt(store, row.code, year, checklist->id, answers.front().item);
        if (!answer.ok()) return answer.error();
        if (answer.value()) {
          auto added =
              app::AddAnswerEvidence(store, *answer.value(), "现场照片.png", kDemoPhotoPng, actor);
          if (!added.ok()) return added.error();
        }
      }
    }
    if (index % kApplyEvery == kApplyEvery - 1) {
      auto applied = app::ApplyToScores(store, set, who, row.code, year, actor);
      if (!applied.ok() && applied.error().code != core::ErrorCode::kConflict) {
        return applied.error();
      }
    }
    ++index;
  }
  return core::Status::Ok();
}

}  // namespace grassroots::cli
