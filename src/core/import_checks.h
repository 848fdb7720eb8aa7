// The cross-row checks of an import (duplicates, unknown organizations, parents, cycles, units)
// fed one row at a time and kept compact, so that a country's file (5.2 million organizations,
// 10.4 million scores) is checked in a few hundred MiB without holding its rows (issue 11).
// core::ValidateOrganizations / ValidateMembers / ValidateScores (import_rows.h) are these
// checks over rows held in memory: one rule, two ways to feed it. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/import_rows.h"

namespace grassroots::core {

// A set of strings packed into one buffer, numbered in the order they were added; besides its
// characters, a code takes 8 bytes and, once indexed, 11 to 21 of the index.
//
// While every code added is greater than the one before (the stored organizations, read in code
// order), the set is only that buffer, searched by bisection: no index is built, which at a
// country's 5.2 million codes was 2 s of `import scores` spent before its first row could be
// checked, on the thread that then writes (issue 11). The first code added out of order builds
// the index: open addressing, each slot keeping its code's hash beside its number, so that a
// probe reads the code's characters (two more cache misses) only when the hashes agree, and
// growing never hashes a code again.
class CodeSet {
 public:
  // The number of `code`, added when new; second is true when it was added.
  std::pair<std::uint32_t, bool> Insert(std::string_view code);
  std::optional<std::uint32_t> Find(std::string_view code) const;
  // Find, trying the number `guess` first: a file in code order finds each code right after the
  // one before, a string comparison where a search costs several cache misses.
  std::optional<std::uint32_t> Find(std::string_view code, std::uint32_t guess) const {
    if (guess < size() && (*this)[guess] == code) return guess;
    return Find(code);
  }
  std::string_view operator[](std::uint32_t i) const {
    return std::string_view(bytes_).substr(ends_[i] - Length(i), Length(i));
  }
  std::size_t size() const { return ends_.size(); }

 private:
  struct Slot {
    std::uint32_t number = 0;  // the code's number + 1, or 0 when free
    std::uint32_t hash = 0;
  };
  static std::uint32_t HashOf(std::string_view code);
  std::uint32_t Length(std::uint32_t i) const { return ends_[i] - (i == 0 ? 0 : ends_[i - 1]); }
  std::uint32_t Append(std::string_view code);
  std::optional<std::uint32_t> Bisect(std::string_view code) const;
  std::size_t SlotOf(std::string_view code, std::uint32_t hash) const;
  void Place(Slot slot);
  void Index();
  void Grow();

  // Every code greater than the one before: no index yet.
  bool InOrder() const { return slots_.empty(); }

  std::string bytes_;
  std::vector<std::uint64_t> ends_;
  std::vector<Slot> slots_;  // once out of order: open addressing, at most three quarters full
};

// Checks a batch of organizations against each other and the store as ValidateOrganizations
// does: feed the stored organizations (AddStored), then the file's rows in order (AddRow for a
// row that parsed, AddFailedRow for one that did not: its code and parent then count as known,
// so that its children are not told their parent does not exist), then Finish.
class OrgBatchCheck {
 public:
  void AddStored(std::string_view code, std::string_view parent, std::string_view unit, bool ended);
  void AddRow(int line, std::string_view code, std::string_view parent, std::string_view unit);
  void AddFailedRow(std::string_view code, std::string_view parent);

  // The unit of the `row`-th row added with AddRow (from 0) as far as the rows before it and the
  // stored organizations tell: its own, else its parent's so far (the stored one's when the
  // parent has not come yet), else the default unit at the top; nullopt while an ancestor is
  // still to come (a parent further on that is not stored). What lets a file whose parents come
  // before their children be written as it is read; UnitsAsSoFar says afterwards whether that
  // held.
  std::optional<std::string_view> UnitSoFar(std::size_t row) const {
    const std::uint32_t unit = row_unit_so_far_[row];
    if (unit == kNone) return std::nullopt;
    return units_[unit];
  }

  // The errors, sorted by line. When there are none, UnitOf gives each row's unit resolved.
  std::vector<LineError> Finish();
  // The unit of the `row`-th row added with AddRow (from 0), after a Finish without errors.
  std::string_view UnitOf(std::size_t row) const { return units_[row_unit_[row]]; }
  // After a Finish without errors: whether every row's unit resolved is its UnitSoFar. Not so
  // when a parent came after its child, or a stored parent came after its children with
  // another unit.
  bool UnitsAsSoFar() const { return row_unit_so_far_ == row_unit_; }
  std::size_t rows() const { return row_node_.size(); }

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  std::uint32_t Node(std::string_view code);
  std::uint32_t Unit(std::string_view unit);
  std::uint32_t NextBatchAncestor(std::uint32_t row) const;
  std::uint32_t ResolveSoFar(std::uint32_t row);
  void LinkParents(std::vector<LineError>& errors) const;
  void CheckCycles(std::vector<LineError>& errors) const;
  void ResolveUnits();

  CodeSet codes_;
  // Per code: its first row in the batch, and what is stored of it.
  std::vector<std::uint32_t> batch_row_;
  std::vector<std::uint32_t> stored_parent_;
  std::vector<std::uint32_t> stored_unit_;
  std::vector<std::uint8_t> stored_;  // 0 not stored, 1 stored, 2 stored and ended
  std::size_t stored_count_ = 0;
  // Per row of the batch.
  std::vector<std::uint32_t> row_node_;
  std::vector<std::uint32_t> row_parent_;  // a code's number, or kNone for a direct organization
  std::vector<std::uint32_t> row_unit_;    // kNone until resolved when the file leaves it empty
  std::vector<std::uint32_t> row_unit_so_far_;  // UnitSoFar's unit, or kNone
  std::vector<int> row_line_;
  std::vector<LineError> errors_;  // duplicates, found as rows come
  // The few unit codes.
  std::vector<std::string> units_;
  std::unordered_map<std::string, std::uint32_t> unit_numbers_;
  std::uint32_t default_unit_ = kNone;  // kDefaultUnit's number, once needed
};

// Checks member rows as ValidateMembers does: duplicate ids, unknown organizations.
class MemberBatchCheck {
 public:
  // `org_codes` must outlive the check.
  explicit MemberBatchCheck(const CodeSet& org_codes) : orgs_(org_codes) {}
  void AddRow(int line, std::string_view id, std::string_view org);
  std::vector<LineError> Finish();

 private:
  const CodeSet& orgs_;
  std::uint32_t last_org_ = 0;  // the last row's organization: its members usually come together
  CodeSet ids_;
  std::vector<int> first_line_;
  std::vector<LineError> duplicates_;
  std::vector<LineError> unknown_;
};

// Checks score rows as ValidateScores does: duplicate (code, year), unknown organizations.
class ScoreBatchCheck {
 public:
  // `org_codes` must outlive the check.
  explicit ScoreBatchCheck(const CodeSet& org_codes) : orgs_(org_codes) {}
  void AddRow(int line, std::string_view code, int year);
  std::vector<LineError> Finish();

 private:
  struct Key {
    std::uint64_t key;  // the year << 32 | the code's number
    int line;
  };
  std::string_view CodeOf(std::uint64_t key) const;

  const CodeSet& orgs_;
  std::uint32_t next_guess_ = 0;  // the number after the last row's organization
  CodeSet unknown_codes_;         // numbered after the organizations'
  std::vector<Key> keys_;
  std::vector<LineError> unknown_;
};

}  // namespace grassroots::core
