#include "storage/assessment_rows.h"

#include <algorithm>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/bulk_write.h"
#include "storage/paged_read.h"

namespace grassroots::storage {
namespace {

// One organization's row as written, column by column after (year, org_code); an absent
// optional is NULL. Built once and both bound (Bind) and compared with a stored row (Same),
// so that the two cannot disagree.
struct ResultRow {
  std::string_view code;
  std::optional<std::int64_t> score_cents;
  std::optional<std::string_view> grade;
  std::optional<std::int64_t> rank;
  std::int64_t selected = 0;
  std::int64_t reasons = 0;
  std::int64_t consecutive = 0;
  std::string_view unit;
  std::string_view type;
  std::optional<std::string_view> parent;
  const double* dimensions = nullptr;  // kDimensionCount values, or null when unscored
  std::optional<std::string_view> committee_grade;
  std::optional<std::string_view> committee_reason;
  std::optional<std::int64_t> manual_include;
  std::optional<std::string_view> manual_reason;
  std::int64_t previous_selected = 0;
};

constexpr int kResultColumnCount = 22;
// The written columns, in Bind's order: a bulk load's, and kInsertSql's (checked below).
constexpr std::string_view kResultColumns =
    "year, org_code, score_cents, grade, rank_in_type, selected, reasons, consecutive,"
    " unit_code, type, parent_code, team, leader, venue, routine, service, members,"
    " committee_grade, committee_reason, manual_include, manual_reason, previous_selected";
constexpr std::string_view kInsertSql =
    "INSERT INTO assessment_results (year, org_code, score_cents, grade, rank_in_type,"
    " selected, reasons, consecutive, unit_code, type, parent_code, team, leader, venue,"
    " routine, service, members, committee_grade, committee_reason, manual_include,"
    " manual_reason, previous_selected) VALUES ";
static_assert(kInsertSql.find(kResultColumns) ==
              std::string_view("INSERT INTO assessment_results (").size());
constexpr std::string_view kStoredSql =
    "SELECT org_code, score_cents, grade, rank_in_type, selected, reasons, consecutive,"
    " unit_code, type, parent_code, team, leader, venue, routine, service, members,"
    " committee_grade, committee_reason, manual_include, manual_reason, previous_selected"
    " FROM assessment_results WHERE year = ? AND org_code > ? ORDER BY org_code LIMIT ?";
// Stored rows are compared a page at a time (keyset by code; codes are never empty): a backend
// that reads a whole result before the first row (PostgreSQL here) holds one page, not a
// country's year.
constexpr int kComparePage = 8192;

std::optional<std::string_view> NonEmpty(std::string_view text) {
  return text.empty() ? std::nullopt : std::optional(text);
}

// The sparse inputs (hand decisions, committee reasons), sorted by organization index.
template <typename Item>
std::vector<const Item*> ByOrg(const std::vector<Item>& items) {
  std::vector<const Item*> sorted;
  sorted.reserve(items.size());
  for (const Item& item : items) sorted.push_back(&item);
  std::sort(sorted.begin(), sorted.end(),
            [](const Item* a, const Item* b) { return a->org < b->org; });
  return sorted;
}

template <typename Item>
const Item* Find(const std::vector<const Item*>& sorted, std::size_t org) {
  const auto it = std::lower_bound(sorted.begin(), sorted.end(), org,
                                   [](const Item* item, std::size_t o) { return item->org < o; });
  return it != sorted.end() && (*it)->org == org ? *it : nullptr;
}

class RowMaker {
 public:
  RowMaker(const core::AssessmentInput& input, const core::AssessmentResult& result)
      : input_(input),
        result_(result),
        reasons_(ByOrg(input.scores->committee_reasons)),
        decisions_(ByOrg(input.manual)) {}

  ResultRow Row(std::size_t i) const {
    const core::OrgTable& orgs = *input_.orgs;
    const core::YearScores& scores = *input_.scores;
    ResultRow row;
    row.code = orgs.code[i];
    if (result_.score_cents[i] != core::kNoScore) row.score_cents = result_.score_cents[i];
    if (result_.grade[i] >= 0)
      row.grade = core::ToString(static_cast<core::Grade>(result_.grade[i]));
    if (result_.rank[i] > 0) row.rank = result_.rank[i];
    row.selected = result_.selected[i];
    row.reasons = result_.reasons[i];
    row.consecutive = result_.consecutive[i];
    row.unit = orgs.unit_codes[orgs.unit[i]];
    row.type = core::ToString(orgs.type[i]);
    if (orgs.parent[i] != core::kNoParent) {
      row.parent = orgs.code[static_cast<std::size_t>(orgs.parent[i])];
    }
    if (scores.has_score[i]) {
      row.dimensions = &scores.dimensions[i * core::kDimensionCount];
      const std::int8_t grade = scores.committee_grade[i];
      if (grade >= 0) row.committee_grade = core::ToString(static_cast<core::Grade>(grade));
    }
    if (const core::CommitteeReason* reason = Find(reasons_, i)) {
      row.committee_reason = NonEmpty(reason->text);
    }
    if (const core::ManualDecision* manual = Find(decisions_, i)) {
      row.manual_include = manual->include ? 1 : 0;
      row.manual_reason = NonEmpty(manual->reason);
    }
    for (std::size_t k = 0; k < input_.previous_selected.size() && k < 31; ++k) {
      const std::vector<std::uint8_t>& year = input_.previous_selected[k];
      if (i < year.size() && year[i]) row.previous_selected |= std::int64_t{1} << k;
    }
    return row;
  }

 private:
  const core::AssessmentInput& input_;
  const core::AssessmentResult& result_;
  std::vector<const core::CommitteeReason*> reasons_;
  std::vector<const core::ManualDecision*> decisions_;
};

void BindOptional(Statement& stmt, int p, const std::optional<std::int64_t>& value) {
  value ? stmt.BindInt(p, *value) : stmt.BindNull(p);
}
void BindOptional(Statement& stmt, int p, const std::optional<std::string_view>& value) {
  value ? stmt.BindText(p, *value) : stmt.BindNull(p);
}

// Binds `row` of `year` from parameter p on, in kInsertSql's column order.
void Bind(Statement& stmt, int p, int year, const ResultRow& row) {
  stmt.BindInt(p, year).BindText(p + 1, row.code);
  BindOptional(stmt, p + 2, row.score_cents);
  BindOptional(stmt, p + 3, row.grade);
  BindOptional(stmt, p + 4, row.rank);
  stmt.BindInt(p + 5, row.selected).BindInt(p + 6, row.reasons).BindInt(p + 7, row.consecutive);
  stmt.BindText(p + 8, row.unit).BindText(p + 9, row.type);
  BindOptional(stmt, p + 10, row.parent);
  for (int d = 0; d < core::kDimensionCount; ++d) {
    row.dimensions ? stmt.BindDouble(p + 11 + d, row.dimensions[d]) : stmt.BindNull(p + 11 + d);
  }
  BindOptional(stmt, p + 17, row.committee_grade);
  BindOptional(stmt, p + 18, row.committee_reason);
  BindOptional(stmt, p + 19, row.manual_include);
  BindOptional(stmt, p + 20, row.manual_reason);
  stmt.BindInt(p + 21, row.previous_selected);
}

bool SameOptional(const Statement& s, int column, const std::optional<std::int64_t>& value) {
  return s.IsNull(column) ? !value : value && s.Int(column) == *value;
}
bool SameOptional(const Statement& s, int column, const std::optional<std::string_view>& value) {
  return s.IsNull(column) ? !value : value && s.Text(column) == *value;
}

// Whether the stored row under kStoredSql's cursor holds exactly `row`'s values (its code is
// column 0 and already matched).
bool Same(const Statement& s, const ResultRow& row) {
  if (!SameOptional(s, 1, row.score_cents) || !SameOptional(s, 2, row.grade) ||
      !SameOptional(s, 3, row.rank) || s.IsNull(4) || s.Int(4) != row.selected || s.IsNull(5) ||
      s.Int(5) != row.reasons || s.IsNull(6) || s.Int(6) != row.consecutive ||
      !SameOptional(s, 7, std::optional(row.unit)) ||
      !SameOptional(s, 8, std::optional(row.type)) || !SameOptional(s, 9, row.parent)) {
    return false;
  }
  for (int d = 0; d < core::kDimensionCount; ++d) {
    const int column = 10 + d;
    if (s.IsNull(column) != (row.dimensions == nullptr)) return false;
    if (row.dimensions != nullptr && s.Double(column) != row.dimensions[d]) return false;
  }
  return SameOptional(s, 16, row.committee_grade) && SameOptional(s, 17, row.committee_reason) &&
         SameOptional(s, 18, row.manual_include) && SameOptional(s, 19, row.manual_reason) &&
         !s.IsNull(20) && s.Int(20) == row.previous_selected;
}

// The organizations' indices in code order (the order OrganizationRecords::Table gives: usually no
// sort).
std::vector<std::uint32_t> CodeOrder(const core::OrgTable& orgs) {
  std::vector<std::uint32_t> order(orgs.size());
  std::iota(order.begin(), order.end(), 0u);
  if (!std::is_sorted(orgs.code.begin(), orgs.code.end())) {
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return orgs.code[a] < orgs.code[b]; });
  }
  return order;
}

// The same rows as InsertRows's statements, through one bulk load (COPY on PostgreSQL: the
// server parses text rows instead of executing a 22-column, 128-row INSERT per batch). The
// values are those Bind gives a statement, so both paths store the same.
core::Status LoadRows(Database& db, const core::AssessmentInput& input,
                      const core::AssessmentResult& result,
                      const std::vector<std::uint32_t>& order) {
  core::Result<BulkLoad> load = db.BeginBulkLoad("assessment_results", kResultColumns);
  if (!load.ok()) return load.error();
  const RowMaker rows(input, result);
  Statement& row = load.value().row();
  for (std::uint32_t i : order) {
    Bind(row, 1, result.year, rows.Row(i));
    if (core::Status added = row.Run(); !added.ok()) {
      return WithContext(added.error(), "at the result row of " + input.orgs->code[i]);
    }
  }
  if (core::Status done = load.value().Finish(); !done.ok()) {
    return WithContext(done.error(), "writing the " + std::to_string(order.size()) +
                                         " result rows of " + std::to_string(result.year));
  }
  return core::Status::Ok();
}

// Writes the rows of input.orgs[order[0]], [order[1]], ... (none of them stored).
core::Status InsertRows(Database& db, const core::AssessmentInput& input,
                        const core::AssessmentResult& result,
                        const std::vector<std::uint32_t>& order) {
  if (order.empty()) return core::Status::Ok();
  if (db.CanBulkLoad()) return LoadRows(db, input, result, order);
  static constexpr UpsertSql kInsert{kInsertSql, kResultColumnCount, ""};
  const RowMaker rows(input, result);
  return WriteBatched(
      db, kInsert, order,
      [&](Statement& stmt, int p, std::uint32_t i) { Bind(stmt, p, result.year, rows.Row(i)); },
      [&](std::uint32_t i) { return input.orgs->code[i]; });
}

core::Status DeleteRows(Database& db, int year, const std::vector<std::string_view>& codes) {
  core::Result<Statement> stmt =
      db.Prepare("DELETE FROM assessment_results WHERE year = ? AND org_code = ?");
  if (!stmt.ok()) return stmt.error();
  for (std::string_view code : codes) {
    if (core::Status status = stmt.value().BindInt(1, year).BindText(2, code).Run(); !status.ok()) {
      return status;
    }
  }
  return core::Status::Ok();
}

core::Status DeleteAllRows(Database& db, int year) {
  core::Result<Statement> stmt = db.Prepare("DELETE FROM assessment_results WHERE year = ?");
  if (!stmt.ok()) return stmt.error();
  return stmt.value().BindInt(1, year).Run();
}

// What ReplaceResultRows changes: the organizations whose rows are (re)written, in code order,
// and the stored rows deleted first (of those, and of organizations no longer assessed).
struct RowChanges {
  std::vector<std::uint32_t> write;
  std::vector<std::string_view> remove;  // codes: of `orgs`, or in `gone`
  std::vector<std::string> gone;
};

core::Status CompareStored(Database& db, const core::AssessmentInput& input,
                           const core::AssessmentResult& result,
                           const std::vector<std::uint32_t>& order, RowChanges& changes) {
  const core::OrgTable& orgs = *input.orgs;
  const RowMaker rows(input, result);
  std::size_t next = 0;
  core::Status status = ReadPagedWith(
      db, kStoredSql,
      [&](Statement& s) {
        s.BindInt(1, result.year);
        return 1;
      },
      [&](const Statement& s) {
        const std::string_view code = s.Text(0);
        while (next < order.size() && orgs.code[order[next]] < code) {
          changes.write.push_back(order[next++]);
        }
        if (next < order.size() && orgs.code[order[next]] == code) {
          if (!Same(s, rows.Row(order[next]))) {
            changes.remove.push_back(orgs.code[order[next]]);
            changes.write.push_back(order[next]);
          }
          ++next;
        } else {
          changes.gone.emplace_back(code);
        }
        return core::Status::Ok();
      },
      kComparePage);
  if (!status.ok()) return status;
  while (next < order.size()) changes.write.push_back(order[next++]);
  for (const std::string& code : changes.gone) changes.remove.push_back(code);
  return core::Status::Ok();
}

}  // namespace

core::Status InsertResultRows(Database& db, const core::AssessmentInput& input,
                              const core::AssessmentResult& result) {
  return InsertRows(db, input, result, CodeOrder(*input.orgs));
}

core::Status ReplaceResultRows(Database& db, const core::AssessmentInput& input,
                               const core::AssessmentResult& result) {
  const std::vector<std::uint32_t> order = CodeOrder(*input.orgs);
  RowChanges changes;
  if (core::Status status = CompareStored(db, input, result, order, changes); !status.ok()) {
    return status;
  }
  // Past a quarter of the rows, one DELETE of the year and a full insert cost less than
  // deleting row by row.
  if (changes.remove.size() > order.size() / 4) {
    if (core::Status status = DeleteAllRows(db, result.year); !status.ok()) return status;
    return InsertRows(db, input, result, order);
  }
  if (core::Status status = DeleteRows(db, result.year, changes.remove); !status.ok()) {
    return status;
  }
  return InsertRows(db, input, result, changes.write);
}

}  // namespace grassroots::storage
