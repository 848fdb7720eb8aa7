// Validation of imported rows against each other and against what is stored, before anything
// is written (SPEC.md §7: a file is imported whole or not at all). Pure.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/organization.h"
#include "core/score.h"

namespace grassroots::core {

// An error about one line of an input file; the adapter prefixes the file name. `field` names
// the column (its header name, e.g. "parent") when the error is about one column, so that a
// preview can mark the cell; it is empty for an error about the row or the file as a whole.
// The CLI prints `FILE:LINE: message` and ignores it (SPEC.md §7). `reason` and `params` name
// the rule that failed without words, as in core::Error, so a preview can word it in the
// user's language.
struct LineError {
  LineError() = default;
  LineError(int line_number, std::string text, std::string column = {}, std::string why = {},
            Params values = {})
      : line(line_number),
        message(std::move(text)),
        field(std::move(column)),
        reason(std::move(why)),
        params(std::move(values)) {}

  int line = 0;  // 1-based physical line where the record starts
  std::string message;
  std::string field;
  std::string reason;
  Params params;
};

template <typename T>
struct Row {
  int line = 0;
  T value;
};

// What the store holds of an organization, as far as validation needs it.
struct StoredOrg {
  std::string parent;
  std::string unit;
  bool ended = false;  // dissolved or merged: nothing new is placed below it
};
using StoredOrgs = std::unordered_map<std::string, StoredOrg>;

// Checks a batch of organizations as one change: duplicate codes in the batch, a parent that
// exists neither in the batch nor in the store, a stored parent that has ended (reason
// "parent_ended"), an organization that is its own ancestor
// (cycle) once the batch is applied. On success `rows` have their unit resolved (empty means
// the parent's unit, or kDefaultUnit for a direct organization). Errors are sorted by line.
std::vector<LineError> ValidateOrganizations(std::vector<Row<Organization>>& rows,
                                             const StoredOrgs& stored);

// Checks members: duplicate ids in the batch, organization unknown to batch-free store.
std::vector<LineError> ValidateMembers(const std::vector<Row<Member>>& rows,
                                       const std::unordered_set<std::string>& org_codes);

// Checks scores: duplicate (code, year) in the batch, unknown organization.
std::vector<LineError> ValidateScores(const std::vector<Row<ScoreRecord>>& rows,
                                      const std::unordered_set<std::string>& org_codes);

}  // namespace grassroots::core
