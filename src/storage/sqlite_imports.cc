// Bulk upserts: one transaction per import, one prepared statement per table reused for
// every row, rows written in key order so that the B-trees are appended to rather than
// split at random.
#include <algorithm>
#include <numeric>
#include <unordered_set>

#include "storage/audit_chain.h"
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

core::Status WriteOrganizations(Database& db, const std::vector<core::Organization>& orgs) {
  if (core::Status status = InsertUnits(db, orgs); !status.ok()) return status;
  const auto by_code = [](const core::Organization& a, const core::Organization& b) {
    return a.code < b.code;
  };
  const auto bind = [&](Statement& stmt, int p, std::uint32_t i) {
    const core::Organization& org = orgs[i];
    stmt.BindText(p, org.code)
        .BindText(p + 1, org.name)
        .BindText(p + 2, core::ToString(org.type))
        .BindText(p + 3, core::ToString(org.kind))
        .BindTextOrNull(p + 4, org.parent)
        .BindText(p + 5, org.secretary)
        .BindText(p + 6, UnitOf(org));
  };
  return WriteBatched(db, kUpsertOrganizations, KeyOrder(orgs, by_code), bind,
                      [&](std::uint32_t i) { return "organization " + orgs[i].code; });
}

core::Status WriteMembers(Database& db, const std::vector<core::Member>& members) {
  const auto by_id = [](const core::Member& a, const core::Member& b) { return a.id < b.id; };
  const auto bind = [&](Statement& stmt, int p, std::uint32_t i) {
    const core::Member& member = members[i];
    stmt.BindText(p, member.id)
        .BindText(p + 1, member.name)
        .BindText(p + 2, member.org)
        .BindText(p + 3, core::ToString(member.status))
        .BindTextOrNull(p + 4, member.joined);
  };
  return WriteBatched(db, kUpsertMembers, KeyOrder(members, by_id), bind,
                      [&](std::uint32_t i) { return "member " + members[i].id; });
}

void BindScore(Statement& stmt, int p, const core::ScoreRecord& score) {
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

core::Status WriteScores(Database& db, const std::vector<core::ScoreRecord>& scores) {
  const auto by_key = [](const core::ScoreRecord& a, const core::ScoreRecord& b) {
    return a.year != b.year ? a.year < b.year : a.code < b.code;
  };
  return WriteBatched(
      db, kUpsertScores, KeyOrder(scores, by_key),
      [&](Statement& stmt, int p, std::uint32_t i) { BindScore(stmt, p, scores[i]); },
      [&](std::uint32_t i) {
        return "the score of " + scores[i].code + " for " + std::to_string(scores[i].year);
      });
}

std::string SummaryJson(std::size_t rows, const WriteSummary& summary) {
  return "{\"rows\":" + std::to_string(rows) + ",\"inserted\":" + std::to_string(summary.inserted) +
         ",\"updated\":" + std::to_string(summary.updated) + "}";
}

}  // namespace

core::Result<WriteSummary> SqliteStore::WriteBatch(std::string_view table, std::string_view action,
                                                   std::size_t rows, const Actor& actor,
                                                   const std::function<core::Status()>& write) {
  const std::string what = "importing " + std::string(table) + " (nothing was written)";
  const std::string count_sql = "SELECT COUNT(*) FROM " + std::string(table);
  core::Result<Transaction> txn = Transaction::Begin(db_);
  if (!txn.ok()) return WithContext(txn.error(), what);
  core::Result<std::int64_t> before = db_.QueryInt(count_sql);
  if (!before.ok()) return WithContext(before.error(), what);
  if (core::Status status = write(); !status.ok()) return WithContext(status.error(), what);
  core::Result<std::int64_t> after = db_.QueryInt(count_sql);
  if (!after.ok()) return WithContext(after.error(), what);

  WriteSummary summary;
  summary.inserted = after.value() - before.value();
  summary.updated = static_cast<std::int64_t>(rows) - summary.inserted;
  AuditEntry entry;
  entry.actor = actor.name;
  entry.origin = actor.origin;
  entry.action = std::string(action);
  entry.entity = std::string(table);
  entry.after_json = SummaryJson(rows, summary);
  if (core::Status status = AppendAudit(db_, std::move(entry)); !status.ok()) {
    return WithContext(status.error(), what);
  }
  // Deferred foreign keys (a parent that exists nowhere) are checked here.
  if (core::Status status = txn.value().Commit(); !status.ok()) {
    return WithContext(status.error(), what);
  }
  return summary;
}

core::Result<WriteSummary> SqliteStore::UpsertOrganizations(
    const std::vector<core::Organization>& orgs, const Actor& actor) {
  return Guarded("importing organizations", [&]() -> core::Result<WriteSummary> {
    if (core::Status status = CheckUnits(orgs); !status.ok()) return status.error();
    auto written = WriteBatch("organizations", "import.orgs", orgs.size(), actor,
                              [&] { return WriteOrganizations(db_, orgs); });
    if (!written.ok()) return written;
    // The committed import stands whatever happens here: statistics only steer plans.
    (void)RefreshStatistics(db_, "organizations");
    return written;
  });
}

core::Result<WriteSummary> SqliteStore::UpsertMembers(const std::vector<core::Member>& members,
                                                      const Actor& actor) {
  return Guarded("importing members", [&] {
    return WriteBatch("members", "import.members", members.size(), actor,
                      [&] { return WriteMembers(db_, members); });
  });
}

core::Result<WriteSummary> SqliteStore::UpsertScores(const std::vector<core::ScoreRecord>& scores,
                                                     const Actor& actor) {
  return Guarded("importing scores", [&] {
    return WriteBatch("scores", "import.scores", scores.size(), actor,
                      [&] { return WriteScores(db_, scores); });
  });
}

}  // namespace grassroots::storage
