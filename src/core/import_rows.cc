#include "core/import_rows.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "core/text.h"

namespace grassroots::core {
namespace {

constexpr std::uint32_t kNotInBatch = UINT32_MAX;

void SortByLine(std::vector<LineError>& errors) {
  std::stable_sort(errors.begin(), errors.end(),
                   [](const LineError& a, const LineError& b) { return a.line < b.line; });
}

// The organizations as they will be once the batch is applied: the batch's rows shadow the
// stored ones. Each row's parent is looked up once (LinkParents); the walks that follow move
// by index, which keeps a country-scale import (5.2 million rows) to two hash lookups a row.
class MergedTree {
 public:
  MergedTree(const std::vector<Row<Organization>>& rows, const StoredOrgs& stored)
      : rows_(rows), stored_(stored) {
    index_.reserve(rows.size());
  }

  // Indexes the batch; returns the errors for duplicate codes.
  std::vector<LineError> IndexBatch() {
    std::vector<LineError> errors;
    for (std::uint32_t i = 0; i < rows_.size(); ++i) {
      const auto [it, inserted] = index_.emplace(rows_[i].value.code, i);
      if (!inserted) {
        const std::string first = std::to_string(rows_[it->second].line);
        errors.push_back(
            {rows_[i].line,
             "duplicate code " + Quoted(rows_[i].value.code) + " (first at line " + first + ")",
             "code", "duplicate",
             Params{{"value", Excerpt(rows_[i].value.code)}, {"first_line", first}}});
      }
    }
    return errors;
  }

  // Finds each row's parent in the batch or the store; returns the errors for missing ones.
  std::vector<LineError> LinkParents() {
    std::vector<LineError> errors;
    parent_.assign(rows_.size(), kNotInBatch);
    for (std::uint32_t i = 0; i < rows_.size(); ++i) {
      const std::string& parent = rows_[i].value.parent;
      if (parent.empty()) continue;
      parent_[i] = BatchIndex(parent);
      if (parent_[i] == kNotInBatch && !IsStored(parent)) {
        errors.push_back(
            {rows_[i].line,
             "parent " + Quoted(parent) + " of " + Quoted(rows_[i].value.code) +
                 " does not exist (neither in this file nor stored)",
             "parent", "parent_missing",
             Params{{"parent", Excerpt(parent)}, {"code", Excerpt(rows_[i].value.code)}}});
      } else if (parent_[i] == kNotInBatch && stored_.at(parent).ended) {
        errors.push_back({rows_[i].line,
                          "parent " + Quoted(parent) + " of " + Quoted(rows_[i].value.code) +
                              " has been dissolved or merged",
                          "parent", "parent_ended", Params{{"parent", Excerpt(parent)}}});
      }
    }
    return errors;
  }

  // The nearest ancestor of row i that is in the batch (passing through stored organizations),
  // or kNotInBatch when the chain reaches the top first.
  std::uint32_t NextBatchAncestor(std::uint32_t i) const {
    if (parent_[i] != kNotInBatch || stored_.empty()) return parent_[i];
    std::string code = rows_[i].value.parent;
    for (std::size_t guard = 0; !code.empty() && guard <= stored_.size(); ++guard) {
      if (const std::uint32_t j = BatchIndex(code); j != kNotInBatch) return j;
      const auto it = stored_.find(code);
      if (it == stored_.end()) break;
      code = it->second.parent;
    }
    return kNotInBatch;
  }

  std::uint32_t ParentIndex(std::uint32_t i) const { return parent_[i]; }
  std::string_view StoredUnitOf(const std::string& code) const {
    const auto it = stored_.find(code);
    return it == stored_.end() ? kDefaultUnit : std::string_view(it->second.unit);
  }

 private:
  std::uint32_t BatchIndex(std::string_view code) const {
    const auto it = index_.find(code);
    return it == index_.end() ? kNotInBatch : it->second;
  }
  bool IsStored(const std::string& code) const { return stored_.count(code) > 0; }

  const std::vector<Row<Organization>>& rows_;
  const StoredOrgs& stored_;
  std::unordered_map<std::string_view, std::uint32_t> index_;
  std::vector<std::uint32_t> parent_;
};

std::string CycleMessage(const std::string& code, const std::string& chain) {
  return "organization " + Quoted(code) + " would be its own ancestor (cycle: " + chain + ")";
}

// Walks up from each batch row; a walk that meets its own path has found a cycle. Each batch
// row is walked once (state 2 = known to reach the top).
void CheckCycles(const std::vector<Row<Organization>>& rows, const MergedTree& tree,
                 std::vector<LineError>& errors) {
  std::vector<std::uint8_t> state(rows.size(), 0);  // 0 new, 1 on the current path, 2 done
  std::vector<std::uint32_t> path;
  for (std::uint32_t start = 0; start < rows.size(); ++start) {
    path.clear();
    for (std::uint32_t i = start; i != kNotInBatch && state[i] != 2;
         i = tree.NextBatchAncestor(i)) {
      if (state[i] == 1) {
        const auto cycle_start = std::find(path.begin(), path.end(), i);
        std::string chain;
        for (auto it = cycle_start; it != path.end(); ++it) chain += rows[*it].value.code + " → ";
        chain += rows[i].value.code;
        for (auto it = cycle_start; it != path.end(); ++it) {
          errors.push_back({rows[*it].line, CycleMessage(rows[*it].value.code, chain), "parent",
                            "cycle",
                            Params{{"code", Excerpt(rows[*it].value.code)}, {"chain", chain}}});
        }
        break;
      }
      state[i] = 1;
      path.push_back(i);
    }
    for (std::uint32_t i : path) state[i] = 2;
  }
}

// Fills empty units from the parent (batch or stored), or the default unit at the top. Rows
// resolved once are not walked again.
void ResolveUnits(std::vector<Row<Organization>>& rows, const MergedTree& tree) {
  std::vector<std::uint32_t> chain;
  for (std::uint32_t start = 0; start < rows.size(); ++start) {
    chain.clear();
    std::uint32_t i = start;
    std::string unit;
    while (true) {
      const Organization& org = rows[i].value;
      if (!org.unit.empty()) {
        unit = org.unit;
        break;
      }
      chain.push_back(i);
      if (org.parent.empty()) {
        unit = std::string(kDefaultUnit);
        break;
      }
      const std::uint32_t parent = tree.ParentIndex(i);
      if (parent == kNotInBatch) {
        unit = std::string(tree.StoredUnitOf(org.parent));
        break;
      }
      i = parent;
    }
    for (std::uint32_t j : chain) rows[j].value.unit = unit;
  }
}

// `field` is the column the duplicate key is reported under; `describe` names the key in
// words, `key_params` in params (the line of the first row is added as first_line).
template <typename Key, typename T, typename KeyOf, typename Describe, typename KeyParams>
void CheckDuplicates(const std::vector<Row<T>>& rows, KeyOf key_of, Describe describe,
                     KeyParams key_params, const char* field, std::vector<LineError>& errors) {
  std::unordered_map<Key, int> first_line;
  first_line.reserve(rows.size());
  for (const auto& row : rows) {
    const auto [it, inserted] = first_line.emplace(key_of(row.value), row.line);
    if (!inserted) {
      const std::string first = std::to_string(it->second);
      Params params = key_params(row.value);
      params.emplace_back("first_line", first);
      errors.push_back({row.line,
                        "duplicate " + describe(row.value) + " (first at line " + first + ")",
                        field, "duplicate", std::move(params)});
    }
  }
}

template <typename T, typename CodeOf>
void CheckOrgsKnown(const std::vector<Row<T>>& rows, CodeOf code_of, const char* field,
                    const std::unordered_set<std::string>& org_codes,
                    std::vector<LineError>& errors) {
  for (const auto& row : rows) {
    const std::string& code = code_of(row.value);
    if (org_codes.count(code) == 0) {
      errors.push_back({row.line, "organization " + Quoted(code) + " does not exist", field,
                        "unknown_organization", Params{{"code", Excerpt(code)}}});
    }
  }
}

}  // namespace

std::vector<LineError> ValidateOrganizations(std::vector<Row<Organization>>& rows,
                                             const StoredOrgs& stored) {
  MergedTree tree(rows, stored);
  std::vector<LineError> errors = tree.IndexBatch();
  for (LineError& error : tree.LinkParents()) errors.push_back(std::move(error));
  if (errors.empty()) CheckCycles(rows, tree, errors);
  if (errors.empty()) ResolveUnits(rows, tree);
  SortByLine(errors);
  return errors;
}

std::vector<LineError> ValidateMembers(const std::vector<Row<Member>>& rows,
                                       const std::unordered_set<std::string>& org_codes) {
  std::vector<LineError> errors;
  CheckDuplicates<std::string_view>(
      rows, [](const Member& m) { return std::string_view(m.id); },
      [](const Member& m) { return "member id " + Quoted(m.id); },
      [](const Member& m) {
        return Params{{"value", Excerpt(m.id)}};
      },
      "id", errors);
  CheckOrgsKnown(
      rows, [](const Member& m) -> const std::string& { return m.org; }, "org", org_codes, errors);
  SortByLine(errors);
  return errors;
}

std::vector<LineError> ValidateScores(const std::vector<Row<ScoreRecord>>& rows,
                                      const std::unordered_set<std::string>& org_codes) {
  std::vector<LineError> errors;
  CheckDuplicates<std::string>(
      rows, [](const ScoreRecord& s) { return s.code + "\n" + std::to_string(s.year); },
      [](const ScoreRecord& s) {
        return "score of " + Quoted(s.code) + " for " + std::to_string(s.year);
      },
      [](const ScoreRecord& s) {
        return Params{{"value", Excerpt(s.code)}, {"year", std::to_string(s.year)}};
      },
      "code", errors);
  CheckOrgsKnown(
      rows, [](const ScoreRecord& s) -> const std::string& { return s.code; }, "code", org_codes,
      errors);
  SortByLine(errors);
  return errors;
}

}  // namespace grassroots::core
