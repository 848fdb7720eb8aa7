// Finds an organization's position in an OrgTable by its code, to align rows read by code
// (scores, decisions, results) with the table's columns.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "core/error.h"
#include "core/org_table.h"
#include "core/score.h"
#include "storage/database.h"

namespace grassroots::storage {

class CodeIndex {
 public:
  // Keeps a reference to `orgs`, which must outlive the index. A table sorted by code (as
  // OrganizationRecords::Table returns it) is searched in place; any other gets a hash map.
  explicit CodeIndex(const core::OrgTable& orgs);

  // The index of `code`, or nullopt. `hint` is where the caller expects it: rows read in
  // code order pass the previous index + 1 and are found without a search.
  std::optional<std::uint32_t> Find(std::string_view code, std::uint32_t hint = 0) const;

 private:
  const core::OrgTable& orgs_;
  bool sorted_ = true;
  std::unordered_map<std::string_view, std::uint32_t> map_;
};

// Aligns rows read in code order with `orgs`: Next(code) is the row's index in the table, or
// nullopt for an organization the table lacks (added after it was loaded: the caller works on
// the table it holds). Each found row hints the next, so rows in code order need no search.
class OrgAligner {
 public:
  explicit OrgAligner(const core::OrgTable& orgs) : index_(orgs) {}
  std::optional<std::uint32_t> Next(std::string_view code) {
    const std::optional<std::uint32_t> org = index_.Find(code, hint_);
    if (org) hint_ = *org + 1;
    return org;
  }

 private:
  CodeIndex index_;
  std::uint32_t hint_ = 0;
};

// Walks the rows of `stmt` whose column 0 is an organization's code, in code order, calling
// on_row(index, stmt) for those in `orgs` (OrgAligner).
template <typename OnRow>
core::Status ForEachOrgRow(Statement& stmt, const core::OrgTable& orgs, OnRow on_row) {
  OrgAligner aligner(orgs);
  for (;;) {
    core::Result<bool> row = stmt.Step();
    if (!row.ok()) return row.error();
    if (!row.value()) return core::Status::Ok();
    const std::optional<std::uint32_t> org = aligner.Next(stmt.Text(0));
    if (!org) continue;
    if (core::Status status = on_row(*org, stmt); !status.ok()) return status;
  }
}

// The committee grade stored in `column`, or nullopt when NULL.
inline std::optional<core::Grade> StoredGrade(const Statement& stmt, int column) {
  if (stmt.IsNull(column)) return std::nullopt;
  return core::ParseGrade(stmt.Text(column));
}

}  // namespace grassroots::storage
