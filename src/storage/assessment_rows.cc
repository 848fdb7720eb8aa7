#include "storage/assessment_rows.h"

#include <sodium.h>

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstring>
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
// optional is NULL. Built once and both bound (Bind) and digested (RowDigest), so that what is
// stored and what a later run compares it by cannot disagree.
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

// The digest of a row's values (column row_digest): SipHash-2-4 (libsodium's crypto_shorthash)
// over each column after (year, org_code) in Bind's order, every value marked present or absent
// and written at a fixed width or with its length, so that no two rows share a text. The key is
// fixed: the digest guards against chance, not against someone who writes the database (that is
// `verify`'s work, which recomputes every row). Digests that differ only make a replacement
// rewrite a row, so a change to this text costs one full rewrite of each year, never a wrong
// row.
class RowDigest {
 public:
  RowDigest() { [[maybe_unused]] static const int initialized = sodium_init(); }

  std::int64_t Of(const ResultRow& row) {
    // The text is written through a pointer into a buffer made large enough first: appending
    // to a string value by value took twice as long (perf, a first run's 10.4 million rows:
    // 2.4 s of CPU, 1.3 s this way).
    const auto size = [](const std::optional<std::string_view>& text) {
      return text ? text->size() : 0;
    };
    const std::size_t most = kFixedMost + size(row.grade) + row.unit.size() + row.type.size() +
                             size(row.parent) + size(row.committee_grade) +
                             size(row.committee_reason) + size(row.manual_reason);
    if (text_.size() < most) text_.resize(most);
    out_ = text_.data();
    Optional(row.score_cents);
    Optional(row.grade);
    Optional(row.rank);
    Int(row.selected);
    Int(row.reasons);
    Int(row.consecutive);
    Text(row.unit);
    Text(row.type);
    Optional(row.parent);
    Present(row.dimensions != nullptr);
    if (row.dimensions != nullptr) {
      for (int d = 0; d < core::kDimensionCount; ++d)
        Int(std::bit_cast<std::int64_t>(row.dimensions[d]));
    }
    Optional(row.committee_grade);
    Optional(row.committee_reason);
    Optional(row.manual_include);
    Optional(row.manual_reason);
    Int(row.previous_selected);
    assert(out_ <= text_.data() + text_.size());
    static constexpr unsigned char kKey[crypto_shorthash_KEYBYTES] = {
        'g', 'r', 'a', 's', 's', 'r', 'o', 'o', 't', 's', '-', 'r', 'o', 'w', 's', '1'};
    unsigned char hash[crypto_shorthash_BYTES];
    crypto_shorthash(hash, reinterpret_cast<const unsigned char*>(text_.data()),
                     static_cast<unsigned long long>(out_ - text_.data()), kKey);
    std::uint64_t value = 0;
    for (unsigned char byte : hash) value = value << 8 | byte;
    return std::bit_cast<std::int64_t>(value);
  }

 private:
  // The most a row's text takes besides its strings' characters: 21 values (the 14 columns
  // besides the dimensions, the dimensions' mark and the 6 dimensions), each at most a mark
  // and 8 bytes.
  static constexpr std::size_t kFixedMost = 21 * 9;

  void Present(bool present) { *out_++ = present ? '+' : '-'; }
  // Eight bytes, most significant first.
  void Int(std::int64_t value) {
    auto bits = std::bit_cast<std::uint64_t>(value);
    for (int i = 7; i >= 0; --i, bits >>= 8) out_[i] = static_cast<char>(bits & 0xff);
    out_ += 8;
  }
  void Text(std::string_view value) {
    Int(static_cast<std::int64_t>(value.size()));
    std::memcpy(out_, value.data(), value.size());
    out_ += value.size();
  }
  void Optional(const std::optional<std::int64_t>& value) {
    Present(value.has_value());
    if (value) Int(*value);
  }
  void Optional(const std::optional<std::string_view>& value) {
    Present(value.has_value());
    if (value) Text(*value);
  }

  std::string text_;     // reused for each row, never shorter than the row's text
  char* out_ = nullptr;  // where the next byte of the text goes
};

constexpr int kResultColumnCount = 23;
// The written columns, in Bind's order: a bulk load's, and kInsertSql's (checked below).
constexpr std::string_view kResultColumns =
    "year, org_code, score_cents, grade, rank_in_type, selected, reasons, consecutive,"
    " unit_code, type, parent_code, team, leader, venue, routine, service, members,"
    " committee_grade, committee_reason, manual_include, manual_reason, previous_selected,"
    " row_digest";
constexpr std::string_view kInsertSql =
    "INSERT INTO assessment_results (year, org_code, score_cents, grade, rank_in_type,"
    " selected, reasons, consecutive, unit_code, type, parent_code, team, leader, venue,"
    " routine, service, members, committee_grade, committee_reason, manual_include,"
    " manual_reason, previous_selected, row_digest) VALUES ";
static_assert(kInsertSql.find(kResultColumns) ==
              std::string_view("INSERT INTO assessment_results (").size());
// A replacement compares each stored row by its digest alone (migration 033): two columns
// read instead of twenty-one.
constexpr std::string_view kStoredSql =
    "SELECT org_code, row_digest FROM assessment_results"
    " WHERE year = ? AND org_code > ? ORDER BY org_code LIMIT ?";
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

// Binds `row` of `year` and its digest from parameter p on, in kInsertSql's column order.
void Bind(Statement& stmt, int p, int year, const ResultRow& row, RowDigest& digest) {
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
  stmt.BindInt(p + 21, row.previous_selected).BindInt(p + 22, digest.Of(row));
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
  RowDigest digest;
  Statement& row = load.value().row();
  for (std::uint32_t i : order) {
    Bind(row, 1, result.year, rows.Row(i), digest);
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
  RowDigest digest;
  return WriteBatched(
      db, kInsert, order,
      [&](Statement& stmt, int p, std::uint32_t i) {
        Bind(stmt, p, result.year, rows.Row(i), digest);
      },
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
  RowDigest digest;
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
          // A row stored before migration 033 has no digest: it is rewritten once.
          if (s.IsNull(1) || s.Int(1) != digest.Of(rows.Row(order[next]))) {
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
