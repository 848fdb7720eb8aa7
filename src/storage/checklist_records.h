// Checklists filled per organization and year (issue 14, standards; migration 027) as storage
// over a transaction (tx.h): each item's answer, the score a checklist was applied to, and each
// application as it was then. What the checklists are is data (core/checklist.h, read by
// config/checklist_file.h); values arrive checked by core. An answer's evidence files are kept
// by storage/evidence_store.h (kChecklistEvidence). Every write appends its audit entry in the
// same transaction. SQL shared by SQLite and PostgreSQL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/checklist.h"
#include "core/error.h"
#include "core/score.h"
#include "storage/tx.h"

namespace grassroots::storage {

struct AnswerRow {
  std::int64_t id = 0;
  std::string org_code;
  int year = 0;
  std::string checklist, item;
  std::string state;  // a core::ItemState name
  std::string note;
  std::string updated_by, updated_at;
  std::int64_t evidence = 0;  // how many files
};

// A checklist applied to a dimension's score, as it was then.
struct ApplicationRow {
  std::int64_t id = 0;
  std::string org_code;
  int year = 0;
  std::string dimension;  // a core::kDimensionKeys name
  std::string checklist, checklist_name;
  int met = 0, applicable = 0;
  std::int32_t score_cents = 0;
  std::string mapping;     // core::kChecklistMapping as it was
  std::string items_json;  // [{"item","text","state"}...] as answered then
  std::string applied_by, applied_at;
};

class ChecklistRecords {
 public:
  explicit ChecklistRecords(Tx& tx) : tx_(&tx) {}

  // Every answer of `code` in `year`, by checklist and item.
  core::Result<std::vector<AnswerRow>> Answers(const std::string& code, int year);
  core::Result<std::optional<AnswerRow>> Answer(std::int64_t id);

  // Stores `answers` of `checklist` (checked by core::CheckAnswers) for `code` in `year`, each
  // replacing that item's answer, now (the connection's clock) by the transaction's actor; one
  // audit entry
  // "checklist.answer" on "checklist:CODE:YEAR:CHECKLIST" with the items before and after.
  core::Status SaveAnswers(const std::string& code, int year, const std::string& checklist,
                           const std::vector<core::ItemAnswer>& answers);

  // The stored score of `code` in `year`, if any.
  core::Result<std::optional<core::ScoreRecord>> Score(const std::string& code, int year);
  // The organization `code` (ended ones too), if any: the checklists it fills follow its type.
  core::Result<std::optional<core::Organization>> Organization(const std::string& code);
  // Writes `after` over the stored score `before` (same organization and year), audited as any
  // single score write is ("score.save" on "score:CODE:YEAR", before and after).
  core::Status ReplaceScore(const core::ScoreRecord& before, const core::ScoreRecord& after);

  // Records an application (its id, applied_by and applied_at set here: the actor, now), audited
  // "checklist.apply" on "checklist_application:ID"; answers the row stored.
  core::Result<ApplicationRow> AddApplication(ApplicationRow application);
  // The applications of `code` in `year`, newest first.
  core::Result<std::vector<ApplicationRow>> Applications(const std::string& code, int year);

 private:
  Tx* tx_;
};

}  // namespace grassroots::storage
