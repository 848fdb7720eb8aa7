#include "app/checklist_service.h"

#include "core/evidence.h"
#include "core/field_access.h"
#include "core/text.h"
#include "storage/audit_chain.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

using storage::AnswerRow;
using storage::ChecklistRecords;
using storage::Tx;

std::vector<core::ItemAnswer> ItemAnswersOf(const std::vector<AnswerRow>& rows,
                                            const std::string& checklist) {
  std::vector<core::ItemAnswer> answers;
  for (const AnswerRow& row : rows) {
    if (row.checklist != checklist) continue;
    answers.push_back({row.item,
                       core::ParseAnswerState(row.state).value_or(core::AnswerState::kNotMet),
                       row.note});
  }
  return answers;
}

core::Error OrganizationNotFound(const std::string& code) {
  return core::Error::NotFound("no organization with code " + code, "code")
      .With("not_found", {{"code", code}});
}

// The checklist `id` of the set when `type` fills it.
core::Result<const core::Checklist*> FilledChecklist(const core::ChecklistSet& set,
                                                     const std::string& id, core::OrgType type) {
  const core::Checklist* checklist = set.Find(id);
  if (checklist == nullptr || !core::AppliesTo(*checklist, type)) {
    const std::string shown = core::Excerpt(id, core::kMaxChecklistKeyLength);
    return core::Error::NotFound("no checklist " + shown + " for this organization", "checklist")
        .With("checklist_not_found", {{"checklist", shown}});
  }
  return checklist;
}

// [{"item","text","state"}...]: the items as answered when applied.
std::string ItemsJson(const core::Checklist& checklist,
                      const std::vector<core::ItemAnswer>& answers) {
  std::string out = "[";
  for (const core::ChecklistItem& item : checklist.items) {
    std::string state;
    for (const core::ItemAnswer& a : answers) {
      if (a.item == item.key) state = std::string(core::ToString(a.state));
    }
    if (out.size() > 1) out += ",";
    out += "{\"item\":" + storage::JsonQuote(item.key) +
           ",\"text\":" + storage::JsonQuote(item.text) +
           ",\"state\":" + storage::JsonQuote(state) + "}";
  }
  return out + "]";
}

}  // namespace

core::Result<OrgChecklists> ChecklistsOf(storage::Store& store, const core::ChecklistSet& set,
                                         const std::string& code, int year) {
  OrgChecklists out;
  out.year = year;
  std::vector<AnswerRow> answers;
  core::Status status = store.Read([&](Tx& tx) -> core::Status {
    ChecklistRecords records(tx);
    auto org = records.Organization(code);
    if (!org.ok()) return org.error();
    if (!org.value()) return OrganizationNotFound(code);
    out.org = *org.value();
    auto rows = records.Answers(code, year);
    if (!rows.ok()) return rows.error();
    answers = std::move(rows).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  for (const core::Checklist* checklist : core::ChecklistsFor(set, out.org.type)) {
    ChecklistView view;
    view.checklist = checklist;
    for (const AnswerRow& row : answers) {
      if (row.checklist == checklist->id) view.answers.push_back(row);
    }
    if (checklist->feeds) {
      auto score = core::ChecklistScoreOf(*checklist, ItemAnswersOf(answers, checklist->id));
      if (score.ok()) {
        view.score = score.value();
      } else {
        view.score_error = score.error();
      }
    }
    out.checklists.push_back(std::move(view));
  }
  return out;
}

core::Status SaveAnswers(storage::Store& store, const core::ChecklistSet& set,
                         const std::string& code, int year, const std::string& id,
                         const std::vector<core::ItemAnswer>& answers,
                         const storage::Actor& actor) {
  return store.Write(actor, [&](Tx& tx) -> core::Status {
    ChecklistRecords records(tx);
    auto org = records.Organization(code);
    if (!org.ok()) return org.error();
    if (!org.value()) return OrganizationNotFound(code);
    auto checklist = FilledChecklist(set, id, org.value()->type);
    if (!checklist.ok()) return checklist.error();
    if (core::Status s = core::CheckAnswers(*checklist.value(), answers); !s.ok()) return s;
    return records.SaveAnswers(code, year, id, answers);
  });
}

core::Result<std::vector<storage::ApplicationRow>> ApplyToScores(storage::Store& store,
                                                                 const core::ChecklistSet& set,
                                                                 const core::Principal& who,
                                                                 const std::string& code, int year,
                                                                 const storage::Actor& actor) {
  std::vector<storage::ApplicationRow> applied;
  core::Status status = store.Write(actor, [&](Tx& tx) -> core::Status {
    ChecklistRecords records(tx);
    auto org = records.Organization(code);
    if (!org.ok()) return org.error();
    if (!org.value()) return OrganizationNotFound(code);
    auto answers = records.Answers(code, year);
    if (!answers.ok()) return answers.error();
    auto before = records.Score(code, year);
    if (!before.ok()) return before.error();
    std::vector<storage::ApplicationRow> rows;
    std::optional<core::ScoreRecord> after = before.value();
    for (const core::Checklist* checklist : core::ChecklistsFor(set, org.value()->type)) {
      if (!checklist->feeds) continue;
      const std::vector<core::ItemAnswer> given = ItemAnswersOf(answers.value(), checklist->id);
      auto score = core::ChecklistScoreOf(*checklist, given);
      if (!score.ok()) return score.error();
      if (!after) {
        return core::Error::Conflict(code + " has no score in " + std::to_string(year) +
                                         "; enter the year's score first, then apply",
                                     "year")
            .With("score_missing", {{"code", code}, {"year", std::to_string(year)}});
      }
      const int d = static_cast<int>(*checklist->feeds);
      after->dimensions[d] = score.value().Score();
      storage::ApplicationRow row;
      row.org_code = code;
      row.year = year;
      row.dimension = std::string(core::kDimensionKeys[d]);
      row.checklist = checklist->id;
      row.checklist_name = checklist->name;
      row.met = score.value().met;
      row.applicable = score.value().applicable;
      row.score_cents = score.value().cents;
      row.mapping = std::string(core::kChecklistMapping);
      row.items_json = ItemsJson(*checklist, given);
      rows.push_back(std::move(row));
    }
    if (rows.empty()) {
      return core::Error::Conflict("no checklist of this organization's type feeds a score", "code")
          .With("no_feeding_checklist", {{"type", std::string(core::ToString(org.value()->type))}});
    }
    if (core::Status may = core::CheckScoreChange(who, &*before.value(), *after); !may.ok()) {
      return may;
    }
    if (core::Status s = records.ReplaceScore(*before.value(), *after); !s.ok()) return s;
    for (storage::ApplicationRow& row : rows) {
      auto stored = records.AddApplication(std::move(row));
      if (!stored.ok()) return stored.error();
      applied.push_back(std::move(stored).value());
    }
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return applied;
}

core::Result<std::vector<DimensionSource>> ScoreSources(storage::Store& store,
                                                        const std::string& code, int year) {
  std::vector<DimensionSource> sources;
  core::Status status = store.Read([&](Tx& tx) -> core::Status {
    ChecklistRecords records(tx);
    auto applications = records.Applications(code, year);
    if (!applications.ok()) return applications.error();
    auto score = records.Score(code, year);
    if (!score.ok()) return score.error();
    for (int d = 0; d < core::kDimensionCount; ++d) {
      DimensionSource source;
      source.dimension = std::string(core::kDimensionKeys[d]);
      for (const storage::ApplicationRow& a : applications.value()) {
        if (a.dimension == source.dimension) {
          source.application = a;  // newest first
          break;
        }
      }
      if (score.value()) {
        source.current = score.value()->dimensions[d];
        source.current_from_application =
            source.application &&
            core::RoundToCents(*source.current) == source.application->score_cents;
      }
      sources.push_back(std::move(source));
    }
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return sources;
}

core::Result<std::optional<AnswerRow>> AnswerAt(storage::Store& store, const std::string& code,
                                                int year, const std::string& checklist,
                                                const std::string& item) {
  std::optional<AnswerRow> found;
  core::Status status = store.Read([&](Tx& tx) -> core::Status {
    auto answers = ChecklistRecords(tx).Answers(code, year);
    if (!answers.ok()) return answers.error();
    for (AnswerRow& row : answers.value()) {
      if (row.checklist == checklist && row.item == item) found = std::move(row);
    }
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return found;
}

core::Result<storage::EvidenceRecord> AddAnswerEvidence(storage::Store& store,
                                                        const AnswerRow& answer,
                                                        const std::string& file_name,
                                                        std::string_view bytes,
                                                        const storage::Actor& actor) {
  core::Result<std::string> type = core::CheckEvidenceFile(file_name, bytes);
  if (!type.ok()) return type.error();
  storage::EvidenceRecord stored;
  core::Status status = store.Write(actor, [&](Tx& tx) -> core::Status {
    auto added = storage::EvidenceStore(tx, storage::kChecklistEvidence)
                     .Add(answer.id, file_name, type.value(), bytes);
    if (!added.ok()) return added.error();
    stored = std::move(added).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return stored;
}

core::Result<std::vector<storage::EvidenceRecord>> AnswerEvidence(storage::Store& store,
                                                                  std::int64_t answer_id) {
  std::vector<storage::EvidenceRecord> files;
  core::Status status = store.Read([&](Tx& tx) -> core::Status {
    auto found = storage::EvidenceStore(tx, storage::kChecklistEvidence).OfItem(answer_id);
    if (!found.ok()) return found.error();
    files = std::move(found).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return files;
}

core::Result<std::optional<AnswerFile>> AnswerFileOf(storage::Store& store, std::int64_t id) {
  std::optional<AnswerFile> found;
  core::Status status = store.Read([&](Tx& tx) -> core::Status {
    storage::EvidenceStore files(tx, storage::kChecklistEvidence);
    auto file = files.Get(id);
    if (!file.ok()) return file.error();
    if (!file.value()) return core::Status::Ok();
    auto answer = ChecklistRecords(tx).Answer(file.value()->item_id);
    if (!answer.ok()) return answer.error();
    if (!answer.value()) return core::Status::Ok();
    auto bytes = files.Content(*file.value());
    if (!bytes.ok()) return bytes.error();
    found = AnswerFile{*file.value(), answer.value()->org_code, std::move(bytes).value()};
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return found;
}

}  // namespace grassroots::app
