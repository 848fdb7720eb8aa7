// Bulk upserts: one transaction per import, one prepared statement per table reused for
// every row, rows written in key order so that the B-trees are appended to rather than
// split at random. Each row is first compared with the stored one: only new and changed rows
// are written, each recorded in the audit trail with its values before and after
// (audit_changes.h); rows written with the values they had record nothing.
#include <algorithm>
#include <numeric>
#include <unordered_set>

#include "storage/audit_chain.h"
#include "storage/audit_changes.h"
#include "storage/audited_rows.h"
#include "storage/sqlite_store.h"

namespace grassroots::storage {
namespace {

// An upsert in the parts a multi-row statement repeats: INSERT ... VALUES (row), (row), ...
// ON CONFLICT ... Rows of one batch have unique keys (validation ensures it), which
// PostgreSQL requires of a multi-row upsert too. The DO UPDATE skips rows that would not
// change (IS DISTINCT FROM, so that NULLs compare as values): re-importing the same file
// then rewrites no index entries.
struct UpsertSql {
  std::string_view insert;  // up to VALUES
  int columns = 0;
  std::string_view conflict;
};

constexpr UpsertSql kUpsertOrganizations = {
    "INSERT INTO organizations (code, name, type, kind, parent_code, secretary, unit_code)"
    " VALUES ",
    7,
    " ON CONFLICT (code) DO UPDATE SET name = excluded.name, type = excluded.type,"
    " kind = excluded.kind, parent_code = excluded.parent_code,"
    " secretary = excluded.secretary, unit_code = excluded.unit_code"
    " WHERE (organizations.name, organizations.type, organizations.kind,"
    " organizations.parent_code, organizations.secretary, organizations.unit_code)"
    " IS DISTINCT FROM (excluded.name, excluded.type, excluded.kind, excluded.parent_code,"
    " excluded.secretary, excluded.unit_code)"};

constexpr UpsertSql kUpsertMembers = {
    "INSERT INTO members (id, name, org_code, status, joined) VALUES ", 5,
    " ON CONFLICT (id) DO UPDATE SET name = excluded.name, org_code = excluded.org_code,"
    " status = excluded.status, joined = excluded.joined"
    " WHERE (members.name, members.org_code, members.status, members.joined)"
    " IS DISTINCT FROM (excluded.name, excluded.org_code, excluded.status, excluded.joined)"};

constexpr UpsertSql kUpsertScores = {
    "INSERT INTO scores (org_code, year, team, leader, venue, routine, service, members,"
    " grade, reason) VALUES ",
    10,
    " ON CONFLICT (year, org_code) DO UPDATE SET team = excluded.team,"
    " leader = excluded.leader, venue = excluded.venue, routine = excluded.routine,"
    " service = excluded.service, members = excluded.members, grade = excluded.grade,"
    " reason = excluded.reason"
    " WHERE (scores.team, scores.leader, scores.venue, scores.routine, scores.service,"
    " scores.members, scores.grade, scores.reason) IS DISTINCT FROM (excluded.team,"
    " excluded.leader, excluded.venue, excluded.routine, excluded.service, excluded.members,"
    " excluded.grade, excluded.reason)"};

constexpr std::string_view kInsertUnit =
    "INSERT INTO units (code) VALUES (?) ON CONFLICT (code) DO NOTHING";

// SQLite spends 3-4 us on each statement execution before the first row (cursors, the
// statement journal an upsert needs); 128 rows per execution cut an import of a million
// organizations from 9 s to under 3 s. 128 x 10 parameters stays far below SQLite's limit.
constexpr std::size_t kBatchRows = 128;

std::string MultiRowSql(const UpsertSql& sql, std::size_t rows) {
  std::string row = "(?";
  for (int c = 1; c < sql.columns; ++c) row += ", ?";
  row += ")";
  std::string text(sql.insert);
  for (std::size_t r = 0; r < rows; ++r) text += (r == 0 ? "" : ", ") + row;
  return text + std::string(sql.conflict);
}

// Writes rows[order[0]], rows[order[1]], ... `kBatchRows` at a time. bind(stmt, param, i)
// binds row i's columns from parameter `param` on; key(i) names row i in an error.
template <typename Bind, typename Key>
core::Status WriteBatched(Database& db, const UpsertSql& sql,
                          const std::vector<std::uint32_t>& order, Bind bind, Key key) {
  const std::size_t full_batches = order.size() / kBatchRows;
  const std::size_t tail = order.size() % kBatchRows;
  for (std::size_t rows : {kBatchRows, tail}) {
    if (rows == 0 || (rows == kBatchRows && full_batches == 0)) continue;
    core::Result<Statement> stmt = db.Prepare(MultiRowSql(sql, rows));
    if (!stmt.ok()) return stmt.error();
    const std::size_t first = rows == kBatchRows ? 0 : full_batches * kBatchRows;
    const std::size_t last = rows == kBatchRows ? full_batches * kBatchRows : order.size();
    for (std::size_t done = first; done < last; done += rows) {
      for (std::size_t r = 0; r < rows; ++r) {
        bind(stmt.value(), static_cast<int>(r) * sql.columns + 1, order[done + r]);
      }
      if (core::Status status = stmt.value().Run(); !status.ok()) {
        return WithContext(status.error(), "in the rows from " + key(order[done]) + " to " +
                                               key(order[done + rows - 1]));
      }
    }
  }
  return core::Status::Ok();
}

// The positions of `rows` in the order of `less`; the identity when already in order, which
// is the usual case for files exported from another system.
template <typename Row, typename Less>
std::vector<std::uint32_t> KeyOrder(const std::vector<Row>& rows, Less less) {
  std::vector<std::uint32_t> order(rows.size());
  std::iota(order.begin(), order.end(), 0u);
  const auto by_key = [&](std::uint32_t a, std::uint32_t b) { return less(rows[a], rows[b]); };
  if (!std::is_sorted(order.begin(), order.end(), by_key)) {
    std::sort(order.begin(), order.end(), by_key);
  }
  return order;
}

// A direct organization without a unit belongs to the default unit (SPEC.md §7); a child's
// unit is its parent's, which validation resolves, so an empty one here is a caller's bug.
core::Status CheckUnits(const std::vector<core::Organization>& orgs) {
  for (const core::Organization& org : orgs) {
    if (org.unit.empty() && !org.parent.empty()) {
      return core::Error::Invalid(
          "organization " + org.code + " has no assessing unit; validate the batch first",
          org.code);
    }
  }
  return core::Status::Ok();
}

std::string_view UnitOf(const core::Organization& org) {
  return org.unit.empty() ? core::kDefaultUnit : std::string_view(org.unit);
}

core::Status InsertUnits(Database& db, const std::vector<core::Organization>& orgs) {
  std::unordered_set<std::string_view> units;
  for (const core::Organization& org : orgs) units.insert(UnitOf(org));
  core::Result<Statement> insert = db.Prepare(kInsertUnit);
  if (!insert.ok()) return insert.error();
  for (std::string_view unit : units) {
    if (core::Status status = insert.value().BindText(1, unit).Run(); !status.ok()) return status;
  }
  return core::Status::Ok();
}

// --- What differs between the three kinds of row: keys, lookups, comparison, binding. ---

struct OrgRows {
  using Row = core::Organization;
  static constexpr const UpsertSql& kUpsert = kUpsertOrganizations;
  static constexpr std::string_view kTable = "organizations";
  static constexpr std::string_view kLookup =
      "SELECT o.code, o.name, o.type, o.kind,"
      " o.parent_code, o.secretary, o.unit_code"
      " FROM organizations o WHERE o.code IN (";
  static constexpr int kLookupPrefixParams = 0;

  static bool Less(const Row& a, const Row& b) { return a.code < b.code; }
  static int CompareKey(const Row& a, const Row& b) { return a.code.compare(b.code); }
  static bool SamePartition(const Row&, const Row&) { return true; }
  static std::string_view PartitionSql() { return "SELECT EXISTS (SELECT 1 FROM organizations)"; }
  static void BindPartition(Statement&, const Row&) {}
  static void BindLookupPrefix(Statement&, const Row&) {}
  static void BindKey(Statement& stmt, int p, const Row& row) { stmt.BindText(p, row.code); }
  static Row Read(const Statement& s) { return ReadOrg(s, 0); }
  static bool Same(const Row& stored, const Row& row) {
    return stored.name == row.name && stored.type == row.type && stored.kind == row.kind &&
           stored.parent == row.parent && stored.secretary == row.secretary &&
           stored.unit == UnitOf(row);
  }
  static std::string Entity(const Row& row) { return OrgEntity(row.code); }
  static std::string Json(const Row& row) {
    if (!row.unit.empty()) return OrgJson(row);
    Row resolved = row;  // a direct organization of the default unit
    resolved.unit = UnitOf(row);
    return OrgJson(resolved);
  }
  static std::string Name(const Row& row) { return "organization " + row.code; }
  static void Bind(Statement& stmt, int p, const Row& org) {
    stmt.BindText(p, org.code)
        .BindText(p + 1, org.name)
        .BindText(p + 2, core::ToString(org.type))
        .BindText(p + 3, core::ToString(org.kind))
        .BindTextOrNull(p + 4, org.parent)
        .BindText(p + 5, org.secretary)
        .BindText(p + 6, UnitOf(org));
  }
};

struct MemberRows {
  using Row = core::Member;
  static constexpr const UpsertSql& kUpsert = kUpsertMembers;
  static constexpr std::string_view kTable = "members";
  static constexpr std::string_view kLookup =
      "SELECT id, name, org_code, status, joined FROM members WHERE id IN (";
  static constexpr int kLookupPrefixParams = 0;

  static bool Less(const Row& a, const Row& b) { return a.id < b.id; }
  static int CompareKey(const Row& a, const Row& b) { return a.id.compare(b.id); }
  static bool SamePartition(const Row&, const Row&) { return true; }
  static std::string_view PartitionSql() { return "SELECT EXISTS (SELECT 1 FROM members)"; }
  static void BindPartition(Statement&, const Row&) {}
  static void BindLookupPrefix(Statement&, const Row&) {}
  static void BindKey(Statement& stmt, int p, const Row& row) { stmt.BindText(p, row.id); }
  static Row Read(const Statement& s) { return ReadMember(s); }
  static bool Same(const Row& stored, const Row& row) {
    return stored.name == row.name && stored.org == row.org && stored.status == row.status &&
           stored.joined == row.joined;
  }
  static std::string Entity(const Row& row) { return MemberEntity(row.id); }
  static std::string Json(const Row& row) { return MemberJson(row); }
  static std::string Name(const Row& row) { return "member " + row.id; }
  static void Bind(Statement& stmt, int p, const Row& member) {
    stmt.BindText(p, member.id)
        .BindText(p + 1, member.name)
        .BindText(p + 2, member.org)
        .BindText(p + 3, core::ToString(member.status))
        .BindTextOrNull(p + 4, member.joined);
  }
};

// Scores are keyed by (year, code); a lookup asks for codes of one year.
struct ScoreRows {
  using Row = core::ScoreRecord;
  static constexpr const UpsertSql& kUpsert = kUpsertScores;
  static constexpr std::string_view kTable = "scores";
  static constexpr std::string_view kLookup =
      "SELECT s.org_code, s.year, s.team, s.leader, s.venue, s.routine, s.service, s.members,"
      " s.grade, s.reason FROM scores s WHERE s.year = ? AND s.org_code IN (";
  static constexpr int kLookupPrefixParams = 1;

  static bool Less(const Row& a, const Row& b) {
    return a.year != b.year ? a.year < b.year : a.code < b.code;
  }
  static int CompareKey(const Row& a, const Row& b) {
    return a.year != b.year ? (a.year < b.year ? -1 : 1) : a.code.compare(b.code);
  }
  static bool SamePartition(const Row& a, const Row& b) { return a.year == b.year; }
  static std::string_view PartitionSql() {
    return "SELECT EXISTS (SELECT 1 FROM scores WHERE year = ?)";
  }
  static void BindPartition(Statement& stmt, const Row& row) { stmt.BindInt(1, row.year); }
  static void BindLookupPrefix(Statement& stmt, const Row& row) { stmt.BindInt(1, row.year); }
  static void BindKey(Statement& stmt, int p, const Row& row) { stmt.BindText(p, row.code); }
  static Row Read(const Statement& s) { return ReadScore(s); }
  static bool Same(const Row& stored, const Row& row) {
    // Exact: a REAL column gives back the double it was given.
    return stored.dimensions == row.dimensions && stored.committee_grade == row.committee_grade &&
           stored.reason == row.reason;
  }
  static std::string Entity(const Row& row) { return ScoreEntity(row.code, row.year); }
  static std::string Json(const Row& row) { return ScoreJson(row); }
  static std::string Name(const Row& row) {
    return "the score of " + row.code + " for " + std::to_string(row.year);
  }
  static void Bind(Statement& stmt, int p, const Row& score) {
    stmt.BindText(p, score.code).BindInt(p + 1, score.year);
    for (int d = 0; d < core::kDimensionCount; ++d) {
      stmt.BindDouble(p + 2 + d, score.dimensions[d]);
    }
    if (score.committee_grade) {
      stmt.BindText(p + 8, core::ToString(*score.committee_grade));
    } else {
      stmt.BindNull(p + 8);
    }
    stmt.BindTextOrNull(p + 9, score.reason);
  }
};

// Keys asked for per lookup; a shorter chunk repeats its last key, so one compiled statement
// serves every lookup.
constexpr std::size_t kLookupKeys = 128;

template <typename Kind>
std::string LookupSql() {
  std::string sql(Kind::kLookup);
  for (std::size_t k = 0; k < kLookupKeys; ++k) sql += k == 0 ? "?" : ", ?";
  return sql + ")";
}

// Compares a batch with what is stored, in key order: each new or changed row is recorded in
// `recorder` and its position added to `changed`; `summary` counts the three outcomes. Rows of
// a partition where nothing is stored yet (an empty table, a year without scores) are new
// without a lookup: the first import of a country is all of that.
template <typename Kind>
core::Status Compare(Database& db, const std::vector<typename Kind::Row>& rows,
                     const std::vector<std::uint32_t>& order, ChangeRecorder& recorder,
                     std::vector<std::uint32_t>& changed, WriteSummary& summary) {
  using Row = typename Kind::Row;
  core::Result<Statement> lookup = db.Prepare(LookupSql<Kind>());
  if (!lookup.ok()) return lookup.error();
  core::Result<Statement> partition = db.Prepare(Kind::PartitionSql());
  if (!partition.ok()) return partition.error();
  std::vector<Row> stored;
  const auto record = [&](std::uint32_t i, const Row* before) -> core::Status {
    changed.push_back(i);
    ++(before ? summary.updated : summary.inserted);
    return recorder.Add(Kind::Entity(rows[i]),
                        before ? std::optional(Kind::Json(*before)) : std::nullopt,
                        Kind::Json(rows[i]));
  };
  const Row* last_partition = nullptr;
  bool partition_empty = false;
  std::size_t next = 0;
  while (next < order.size()) {
    const Row& first = rows[order[next]];
    std::size_t end = next + 1;
    while (end < order.size() && end - next < kLookupKeys &&
           Kind::SamePartition(first, rows[order[end]])) {
      ++end;
    }
    if (last_partition == nullptr || !Kind::SamePartition(*last_partition, first)) {
      Statement& exists = partition.value();
      Kind::BindPartition(exists, first);
      core::Result<bool> any = exists.Step();
      if (!any.ok()) return any.error();
      partition_empty = any.value() && exists.Int(0) == 0;
      exists.Reset();
      last_partition = &first;  // nothing is written before all are compared
    }
    stored.clear();
    if (!partition_empty) {
      Statement& stmt = lookup.value();
      Kind::BindLookupPrefix(stmt, first);
      for (std::size_t k = 0; k < kLookupKeys; ++k) {
        const std::size_t at = std::min(next + k, end - 1);
        Kind::BindKey(stmt, Kind::kLookupPrefixParams + static_cast<int>(k) + 1, rows[order[at]]);
      }
      for (;;) {
        core::Result<bool> row = stmt.Step();
        if (!row.ok()) return row.error();
        if (!row.value()) break;
        stored.push_back(Kind::Read(stmt));
      }
      stmt.Reset();
      std::sort(stored.begin(), stored.end(), Kind::Less);
    }
    std::size_t s = 0;
    for (std::size_t r = next; r < end; ++r) {
      const std::uint32_t i = order[r];
      while (s < stored.size() && Kind::CompareKey(stored[s], rows[i]) < 0) ++s;
      const bool found = s < stored.size() && Kind::CompareKey(stored[s], rows[i]) == 0;
      if (found && Kind::Same(stored[s], rows[i])) {
        ++summary.unchanged;
        continue;
      }
      if (core::Status status = record(i, found ? &stored[s] : nullptr); !status.ok()) {
        return status;
      }
    }
    next = end;
  }
  return core::Status::Ok();
}

// Compares the batch with what is stored, records every changed row and writes those rows.
template <typename Kind>
core::Status WriteChanged(Database& db, const std::vector<typename Kind::Row>& rows,
                          ChangeRecorder& recorder, WriteSummary& summary) {
  std::vector<std::uint32_t> changed;
  if (core::Status status =
          Compare<Kind>(db, rows, KeyOrder(rows, Kind::Less), recorder, changed, summary);
      !status.ok()) {
    return status;
  }
  return WriteBatched(
      db, Kind::kUpsert, changed,
      [&](Statement& stmt, int p, std::uint32_t i) { Kind::Bind(stmt, p, rows[i]); },
      [&](std::uint32_t i) { return Kind::Name(rows[i]); });
}

std::string SummaryJson(std::size_t rows, const WriteSummary& summary) {
  return "{\"rows\":" + std::to_string(rows) + ",\"inserted\":" + std::to_string(summary.inserted) +
         ",\"updated\":" + std::to_string(summary.updated) +
         ",\"unchanged\":" + std::to_string(summary.unchanged) + "}";
}

// One import as one transaction: compares, records and writes the changed rows (`write`),
// appends the entry `action` that covers their change records, commits. Nothing is written
// when any step fails.
core::Result<WriteSummary> WriteBatch(
    Database& db, std::string_view table, std::string_view action, std::size_t rows,
    const Actor& actor, const std::function<core::Status(ChangeRecorder&, WriteSummary&)>& write) {
  const std::string what = "importing " + std::string(table) + " (nothing was written)";
  core::Result<Transaction> txn = Transaction::Begin(db);
  if (!txn.ok()) return WithContext(txn.error(), what);
  core::Result<std::int64_t> entry_id = NextAuditId(db);
  if (!entry_id.ok()) return WithContext(entry_id.error(), what);
  ChangeRecorder recorder(db, entry_id.value());
  WriteSummary summary;
  if (core::Status status = write(recorder, summary); !status.ok()) {
    return WithContext(status.error(), what);
  }
  AuditEntry entry;
  if (core::Status status = recorder.Finish(entry); !status.ok()) {
    return WithContext(status.error(), what);
  }
  entry.actor = actor.name;
  entry.origin = actor.origin;
  entry.action = std::string(action);
  entry.entity = std::string(table);
  entry.after_json = SummaryJson(rows, summary);
  if (core::Status status = AppendAudit(db, std::move(entry)); !status.ok()) {
    return WithContext(status.error(), what);
  }
  // Deferred foreign keys (a parent that exists nowhere) are checked here.
  if (core::Status status = txn.value().Commit(); !status.ok()) {
    return WithContext(status.error(), what);
  }
  return summary;
}

}  // namespace

core::Result<WriteSummary> SqliteStore::UpsertOrganizations(
    const std::vector<core::Organization>& orgs, const Actor& actor) {
  return Guarded("importing organizations", [&]() -> core::Result<WriteSummary> {
    if (core::Status status = CheckUnits(orgs); !status.ok()) return status.error();
    auto written = WriteBatch(db_, "organizations", "import.orgs", orgs.size(), actor,
                              [&](ChangeRecorder& recorder, WriteSummary& summary) {
                                if (core::Status s = InsertUnits(db_, orgs); !s.ok()) return s;
                                return WriteChanged<OrgRows>(db_, orgs, recorder, summary);
                              });
    if (!written.ok()) return written;
    // The committed import stands whatever happens here: statistics only steer plans.
    (void)RefreshStatistics(db_, "organizations");
    return written;
  });
}

core::Result<WriteSummary> SqliteStore::UpsertMembers(const std::vector<core::Member>& members,
                                                      const Actor& actor) {
  return Guarded("importing members", [&] {
    return WriteBatch(db_, "members", "import.members", members.size(), actor,
                      [&](ChangeRecorder& recorder, WriteSummary& summary) {
                        return WriteChanged<MemberRows>(db_, members, recorder, summary);
                      });
  });
}

core::Result<WriteSummary> SqliteStore::UpsertScores(const std::vector<core::ScoreRecord>& scores,
                                                     const Actor& actor) {
  return Guarded("importing scores", [&] {
    return WriteBatch(db_, "scores", "import.scores", scores.size(), actor,
                      [&](ChangeRecorder& recorder, WriteSummary& summary) {
                        return WriteChanged<ScoreRows>(db_, scores, recorder, summary);
                      });
  });
}

}  // namespace grassroots::storage
