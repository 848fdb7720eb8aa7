#include "core/import_checks.h"

#include <algorithm>
#include <functional>

#include "core/organization.h"
#include "core/text.h"

namespace grassroots::core {
namespace {

void SortByLine(std::vector<LineError>& errors) {
  std::stable_sort(errors.begin(), errors.end(),
                   [](const LineError& a, const LineError& b) { return a.line < b.line; });
}

LineError UnknownOrganization(int line, std::string_view code, const char* field) {
  return {line, "organization " + Quoted(code) + " does not exist", field, "unknown_organization",
          Params{{"code", Excerpt(code)}}};
}

}  // namespace

// --- CodeSet ---

std::uint32_t CodeSet::HashOf(std::string_view code) {
  return static_cast<std::uint32_t>(std::hash<std::string_view>{}(code));
}

std::size_t CodeSet::SlotOf(std::string_view code, std::uint32_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = hash & mask;
  while (slots_[slot].number != 0 &&
         (slots_[slot].hash != hash || (*this)[slots_[slot].number - 1] != code)) {
    slot = (slot + 1) & mask;
  }
  return slot;
}

void CodeSet::Place(Slot kept) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = kept.hash & mask;
  while (slots_[slot].number != 0) slot = (slot + 1) & mask;
  slots_[slot] = kept;
}

void CodeSet::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(std::max<std::size_t>(16, old.size() * 2), Slot{});
  for (const Slot& kept : old) {
    if (kept.number != 0) Place(kept);
  }
}

// Every code so far into a table with room for as many again.
void CodeSet::Index() {
  std::size_t capacity = 16;
  while (capacity * 3 < (size() + 1) * 8) capacity *= 2;
  slots_.assign(capacity, Slot{});
  for (std::uint32_t i = 0; i < size(); ++i) Place({i + 1, HashOf((*this)[i])});
}

std::uint32_t CodeSet::Append(std::string_view code) {
  bytes_.append(code);
  ends_.push_back(bytes_.size());
  return static_cast<std::uint32_t>(ends_.size() - 1);
}

std::optional<std::uint32_t> CodeSet::Bisect(std::string_view code) const {
  std::uint32_t low = 0;
  std::uint32_t high = static_cast<std::uint32_t>(size());
  while (low < high) {
    const std::uint32_t middle = low + (high - low) / 2;
    if ((*this)[middle] < code) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  if (low < size() && (*this)[low] == code) return low;
  return std::nullopt;
}

std::pair<std::uint32_t, bool> CodeSet::Insert(std::string_view code) {
  if (InOrder()) {
    if (size() == 0 || (*this)[static_cast<std::uint32_t>(size() - 1)] < code) {
      return {Append(code), true};
    }
    if (const std::optional<std::uint32_t> found = Bisect(code)) return {*found, false};
    Index();
  }
  if ((size() + 1) * 4 > slots_.size() * 3) Grow();
  const std::uint32_t hash = HashOf(code);
  const std::size_t slot = SlotOf(code, hash);
  if (slots_[slot].number != 0) return {slots_[slot].number - 1, false};
  const std::uint32_t number = Append(code);
  slots_[slot] = {number + 1, hash};
  return {number, true};
}

std::optional<std::uint32_t> CodeSet::Find(std::string_view code) const {
  if (InOrder()) return Bisect(code);
  const std::size_t slot = SlotOf(code, HashOf(code));
  if (slots_[slot].number == 0) return std::nullopt;
  return slots_[slot].number - 1;
}

// --- OrgBatchCheck ---

std::uint32_t OrgBatchCheck::Node(std::string_view code) {
  const auto [node, added] = codes_.Insert(code);
  if (added) {
    batch_row_.push_back(kNone);
    stored_parent_.push_back(kNone);
    stored_unit_.push_back(kNone);
    stored_.push_back(0);
  }
  return node;
}

std::uint32_t OrgBatchCheck::Unit(std::string_view unit) {
  const auto [it, added] =
      unit_numbers_.try_emplace(std::string(unit), static_cast<std::uint32_t>(units_.size()));
  if (added) units_.emplace_back(unit);
  return it->second;
}

void OrgBatchCheck::AddStored(std::string_view code, std::string_view parent, std::string_view unit,
                              bool ended) {
  const std::uint32_t node = Node(code);
  if (stored_[node] != 0) return;
  stored_[node] = ended ? 2 : 1;
  ++stored_count_;
  stored_unit_[node] = Unit(unit);
  if (!parent.empty()) stored_parent_[node] = Node(parent);
}

void OrgBatchCheck::AddFailedRow(std::string_view code, std::string_view parent) {
  if (!code.empty()) AddStored(code, parent, kDefaultUnit, false);
}

void OrgBatchCheck::AddRow(int line, std::string_view code, std::string_view parent,
                           std::string_view unit) {
  const auto row = static_cast<std::uint32_t>(row_node_.size());
  const std::uint32_t node = Node(code);
  row_node_.push_back(node);
  row_line_.push_back(line);
  row_parent_.push_back(parent.empty() ? kNone : Node(parent));
  row_unit_.push_back(unit.empty() ? kNone : Unit(unit));
  row_unit_so_far_.push_back(ResolveSoFar(row));
  if (batch_row_[node] == kNone) {
    batch_row_[node] = row;
    return;
  }
  const std::string first = std::to_string(row_line_[batch_row_[node]]);
  errors_.push_back({line, "duplicate code " + Quoted(code) + " (first at line " + first + ")",
                     "code", "duplicate", Params{{"value", Excerpt(code)}, {"first_line", first}}});
}

// ResolveUnits' walk with only the rows before `row` in the batch.
std::uint32_t OrgBatchCheck::ResolveSoFar(std::uint32_t row) {
  if (row_unit_[row] != kNone) return row_unit_[row];
  const std::uint32_t parent = row_parent_[row];
  if (parent == kNone) {
    if (default_unit_ == kNone) default_unit_ = Unit(kDefaultUnit);
    return default_unit_;
  }
  if (batch_row_[parent] != kNone) return row_unit_so_far_[batch_row_[parent]];
  return stored_[parent] != 0 ? stored_unit_[parent] : kNone;
}

void OrgBatchCheck::LinkParents(std::vector<LineError>& errors) const {
  for (std::size_t row = 0; row < row_node_.size(); ++row) {
    const std::uint32_t parent = row_parent_[row];
    if (parent == kNone || batch_row_[parent] != kNone) continue;
    const std::string_view code = codes_[row_node_[row]];
    const std::string_view parent_code = codes_[parent];
    if (stored_[parent] == 0) {
      errors.push_back({row_line_[row],
                        "parent " + Quoted(parent_code) + " of " + Quoted(code) +
                            " does not exist (neither in this file nor stored)",
                        "parent", "parent_missing",
                        Params{{"parent", Excerpt(parent_code)}, {"code", Excerpt(code)}}});
    } else if (stored_[parent] == 2) {
      errors.push_back({row_line_[row],
                        "parent " + Quoted(parent_code) + " of " + Quoted(code) +
                            " has been dissolved or merged",
                        "parent", "parent_ended", Params{{"parent", Excerpt(parent_code)}}});
    }
  }
}

// The nearest ancestor of `row` that is in the batch, passing through stored organizations, or
// kNone when the chain reaches the top first. The guard stops a walk round stored codes only.
std::uint32_t OrgBatchCheck::NextBatchAncestor(std::uint32_t row) const {
  std::uint32_t node = row_parent_[row];
  for (std::size_t guard = 0; node != kNone && guard <= stored_count_; ++guard) {
    if (batch_row_[node] != kNone) return batch_row_[node];
    if (stored_[node] == 0) break;
    node = stored_parent_[node];
  }
  return kNone;
}

// Walks up from each row; a walk that meets its own path has found a cycle. Each row is walked
// once (state 2 = known to reach the top).
void OrgBatchCheck::CheckCycles(std::vector<LineError>& errors) const {
  std::vector<std::uint8_t> state(row_node_.size(), 0);  // 0 new, 1 on the path, 2 done
  std::vector<std::uint32_t> path;
  for (std::uint32_t start = 0; start < row_node_.size(); ++start) {
    path.clear();
    for (std::uint32_t i = start; i != kNone && state[i] != 2; i = NextBatchAncestor(i)) {
      if (state[i] == 1) {
        const auto cycle_start = std::find(path.begin(), path.end(), i);
        std::string chain;
        for (auto it = cycle_start; it != path.end(); ++it) {
          chain.append(codes_[row_node_[*it]]).append(" → ");
        }
        chain.append(codes_[row_node_[i]]);
        for (auto it = cycle_start; it != path.end(); ++it) {
          const std::string code(codes_[row_node_[*it]]);
          errors.push_back(
              {row_line_[*it],
               "organization " + Quoted(code) + " would be its own ancestor (cycle: " + chain + ")",
               "parent", "cycle", Params{{"code", Excerpt(code)}, {"chain", chain}}});
        }
        break;
      }
      state[i] = 1;
      path.push_back(i);
    }
    for (std::uint32_t i : path) state[i] = 2;
  }
}

// Fills the empty units from the parent (batch or stored), or the default unit at the top.
void OrgBatchCheck::ResolveUnits() {
  const std::uint32_t fallback = Unit(kDefaultUnit);
  std::vector<std::uint32_t> chain;
  for (std::uint32_t start = 0; start < row_node_.size(); ++start) {
    chain.clear();
    std::uint32_t row = start;
    std::uint32_t unit = kNone;
    while (unit == kNone) {
      if (row_unit_[row] != kNone) {
        unit = row_unit_[row];
        break;
      }
      chain.push_back(row);
      const std::uint32_t parent = row_parent_[row];
      if (parent == kNone) {
        unit = fallback;
      } else if (batch_row_[parent] == kNone) {
        unit = stored_[parent] != 0 ? stored_unit_[parent] : fallback;
      } else {
        row = batch_row_[parent];
      }
    }
    for (std::uint32_t j : chain) row_unit_[j] = unit;
  }
}

std::vector<LineError> OrgBatchCheck::Finish() {
  std::vector<LineError> errors = std::move(errors_);
  LinkParents(errors);
  if (errors.empty()) CheckCycles(errors);
  if (errors.empty()) ResolveUnits();
  SortByLine(errors);
  return errors;
}

// --- MemberBatchCheck ---

void MemberBatchCheck::AddRow(int line, std::string_view id, std::string_view org) {
  const auto [number, added] = ids_.Insert(id);
  if (added) {
    first_line_.push_back(line);
  } else {
    const std::string first = std::to_string(first_line_[number]);
    duplicates_.push_back(
        {line, "duplicate member id " + Quoted(id) + " (first at line " + first + ")", "id",
         "duplicate", Params{{"value", Excerpt(id)}, {"first_line", first}}});
  }
  if (const std::optional<std::uint32_t> known = orgs_.Find(org, last_org_)) {
    last_org_ = *known;
  } else {
    unknown_.push_back(UnknownOrganization(line, org, "org"));
  }
}

std::vector<LineError> MemberBatchCheck::Finish() {
  std::vector<LineError> errors = std::move(duplicates_);
  errors.insert(errors.end(), std::make_move_iterator(unknown_.begin()),
                std::make_move_iterator(unknown_.end()));
  SortByLine(errors);
  return errors;
}

// --- ScoreBatchCheck ---

void ScoreBatchCheck::AddRow(int line, std::string_view code, int year) {
  std::uint64_t number = 0;
  if (const std::optional<std::uint32_t> known = orgs_.Find(code, next_guess_)) {
    number = *known;
    next_guess_ = *known + 1;
  } else {
    number = orgs_.size() + unknown_codes_.Insert(code).first;
    unknown_.push_back(UnknownOrganization(line, code, "code"));
  }
  keys_.push_back({std::uint64_t{static_cast<std::uint32_t>(year)} << 32 | number, line});
}

std::string_view ScoreBatchCheck::CodeOf(std::uint64_t key) const {
  const std::uint64_t number = key & 0xffffffffu;
  return number < orgs_.size() ? orgs_[static_cast<std::uint32_t>(number)]
                               : unknown_codes_[static_cast<std::uint32_t>(number - orgs_.size())];
}

std::vector<LineError> ScoreBatchCheck::Finish() {
  const auto key_then_line = [](const Key& a, const Key& b) {
    return a.key != b.key ? a.key < b.key : a.line < b.line;
  };
  // A file sorted by year, then code, gives its keys in order already (the organizations are
  // numbered in code order): checked in one pass rather than sorted again, a second of a
  // country's first pass.
  if (!std::is_sorted(keys_.begin(), keys_.end(), key_then_line)) {
    std::sort(keys_.begin(), keys_.end(), key_then_line);
  }
  std::vector<LineError> errors;
  for (std::size_t i = 1; i < keys_.size(); ++i) {
    std::size_t first = i - 1;
    while (i < keys_.size() && keys_[i].key == keys_[first].key) {
      const std::string code(CodeOf(keys_[i].key));
      const std::string year = std::to_string(static_cast<std::int32_t>(keys_[i].key >> 32));
      const std::string line = std::to_string(keys_[first].line);
      errors.push_back(
          {keys_[i].line,
           "duplicate score of " + Quoted(code) + " for " + year + " (first at line " + line + ")",
           "code", "duplicate",
           Params{{"value", Excerpt(code)}, {"year", year}, {"first_line", line}}});
      ++i;
    }
  }
  std::vector<Key>().swap(keys_);
  errors.insert(errors.end(), std::make_move_iterator(unknown_.begin()),
                std::make_move_iterator(unknown_.end()));
  SortByLine(errors);
  return errors;
}

}  // namespace grassroots::core
