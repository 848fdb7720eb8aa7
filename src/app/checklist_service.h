// Checklists filled per organization and year, applied to scores, and where a dimension's score
// came from (issue 14, standards). The checklists are data (core::ChecklistSet, read from the
// TOML file beside the policy); the rules are core/checklist.h's (answers, the score mapping)
// and core/field_access.h's (a score change may not touch the committee's grade). The caller
// has checked the organization's scope: reading with OrgAction::kRead; filling and applying
// with OrgAction::kWriteScores (a checklist is the assessors' input, like a score).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/checklist.h"
#include "core/error.h"
#include "storage/checklist_records.h"
#include "storage/evidence_store.h"
#include "storage/store.h"

namespace grassroots::app {

// One checklist of an organization's year: the definition, the stored answers, and the score
// its answers give now when it feeds a dimension (nullopt, with `score_error`'s reason, when
// they give none yet).
struct ChecklistView {
  const core::Checklist* checklist = nullptr;
  std::vector<storage::AnswerRow> answers;
  std::optional<core::ChecklistScore> score;
  std::optional<core::Error> score_error;
};

struct OrgChecklists {
  core::Organization org;
  int year = 0;
  std::vector<ChecklistView> checklists;  // those its type fills, in the file's order
};

// The checklists `code` fills in `year` with their answers. kNotFound (field "code") when the
// organization does not exist.
core::Result<OrgChecklists> ChecklistsOf(storage::Store& store, const core::ChecklistSet& set,
                                         const std::string& code, int year);

// Stores `answers` of checklist `id` for `code` in `year`, audited. kNotFound (field
// "checklist", reason checklist_not_found {checklist}) for an id the set has not or the
// organization's type does not fill; core::CheckAnswers' errors.
core::Status SaveAnswers(storage::Store& store, const core::ChecklistSet& set,
                         const std::string& code, int year, const std::string& id,
                         const std::vector<core::ItemAnswer>& answers, const storage::Actor& actor);

// Applies every checklist of `code`'s type that feeds a dimension to the stored score of
// `year` (core::ChecklistScoreOf), in one transaction: each dimension written as a score write
// is (audited "score.save"), each application recorded as it was (audited "checklist.apply").
// All or nothing. kConflict: no_feeding_checklist when its type has none; score_missing
// {code, year} when the organization has no score that year (the other dimensions are the
// assessors' to enter first); a checklist's checklist_incomplete / checklist_nothing_applicable.
core::Result<std::vector<storage::ApplicationRow>> ApplyToScores(storage::Store& store,
                                                                 const core::ChecklistSet& set,
                                                                 const core::Principal& who,
                                                                 const std::string& code, int year,
                                                                 const storage::Actor& actor);

// Where each dimension of `code`'s score in `year` came from: the newest application of each
// dimension as stored then, and whether the stored score still holds the value it wrote.
struct DimensionSource {
  std::string dimension;
  std::optional<storage::ApplicationRow> application;
  std::optional<double> current;  // the stored score's value, when there is a score
  bool current_from_application = false;
};
core::Result<std::vector<DimensionSource>> ScoreSources(storage::Store& store,
                                                        const std::string& code, int year);

// The answer of `item` of `checklist` for `code` in `year`, or nullopt when not answered.
core::Result<std::optional<storage::AnswerRow>> AnswerAt(storage::Store& store,
                                                         const std::string& code, int year,
                                                         const std::string& checklist,
                                                         const std::string& item);
// Attaches a file (core::CheckEvidenceFile) to `answer`, audited.
core::Result<storage::EvidenceRecord> AddAnswerEvidence(storage::Store& store,
                                                        const storage::AnswerRow& answer,
                                                        const std::string& file_name,
                                                        std::string_view bytes,
                                                        const storage::Actor& actor);
core::Result<std::vector<storage::EvidenceRecord>> AnswerEvidence(storage::Store& store,
                                                                  std::int64_t answer_id);
struct AnswerFile {
  storage::EvidenceRecord file;
  std::string org_code;  // the answer's organization, for the caller's scope check
  std::string bytes;
};
core::Result<std::optional<AnswerFile>> AnswerFileOf(storage::Store& store, std::int64_t id);

}  // namespace grassroots::app
