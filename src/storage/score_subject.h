// Organizations' yearly scores as storage over a transaction (tx.h; issue 11): one
// organization's scores, the score list and the year's score sheet, a year's scores aligned
// with the table the engine reads, and the single audited save ("score.save" on
// "score:CODE:YEAR", the row before and after as JSON, audited_rows.h). Values arrive checked by
// core (core::CheckScoreChange and the import's validation). SQL shared by SQLite and
// PostgreSQL. Many rows at once are an import (import_writer.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/assessment.h"
#include "core/error.h"
#include "core/org_table.h"
#include "core/score.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::storage {

class ScoreRecords {
 public:
  explicit ScoreRecords(Tx& tx) : tx_(&tx) {}

  // Every score of `org_code`, by year.
  core::Result<std::vector<core::ScoreRecord>> Of(const std::string& org_code);
  // The score of (code, year), or nullopt.
  core::Result<std::optional<core::ScoreRecord>> Find(const std::string& code, int year);
  // A page of `year`'s scores of the organizations `filter` admits, by code.
  core::Result<Page<core::ScoreRecord>> List(int year, const OrgFilter& filter);
  // A page of `year`'s score sheet in code order: `which` organizations, filtered like the
  // organization list, each with its name, type and unit and its score of the year if any.
  core::Result<Page<ScoreSheetRow>> Sheet(int year, SheetRows which, const OrgFilter& filter);
  // Year's scores aligned with `orgs` (rows of organizations the table lacks are skipped).
  core::Result<core::YearScores> OfYear(int year, const core::OrgTable& orgs);
  // Whether `year` has any score: one row looked at, not a count of a country's 5.2 million.
  core::Result<bool> Any(int year);

  // Creates or replaces the score of (score.code, score.year). True when it was created.
  core::Result<bool> Save(const core::ScoreRecord& score);

 private:
  Tx* tx_;
};

}  // namespace grassroots::storage
