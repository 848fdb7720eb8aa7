// Imports: one transaction each, the batch compared with the stored rows and the changed ones
// written and recorded (bulk_write.h); what differs between organizations, members and scores
// is described here, one Kind each.
#include <unordered_set>

#include "storage/audit_chain.h"
#include "storage/audit_changes.h"
#include "storage/audited_rows.h"
#include "storage/bulk_write.h"
#include "storage/sql_store.h"

namespace grassroots::storage {
namespace {

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

// A direct organization without a unit belongs to the default unit (docs/contract.md); a child's
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
      " o.parent_code, o.secretary, o.unit_code, o.ended_on, o.end_kind, o.merged_into,"
      " o.end_reason FROM organizations o WHERE o.code IN (";
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
      "SELECT id, name, org_code, status, joined, left_on, left_kind, left_reason FROM members"
      " WHERE id IN (";
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

core::Result<WriteSummary> SqlStore::UpsertOrganizations(
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

core::Result<WriteSummary> SqlStore::UpsertMembers(const std::vector<core::Member>& members,
                                                   const Actor& actor) {
  return Guarded("importing members", [&] {
    return WriteBatch(db_, "members", "import.members", members.size(), actor,
                      [&](ChangeRecorder& recorder, WriteSummary& summary) {
                        return WriteChanged<MemberRows>(db_, members, recorder, summary);
                      });
  });
}

core::Result<WriteSummary> SqlStore::UpsertScores(const std::vector<core::ScoreRecord>& scores,
                                                  const Actor& actor) {
  return Guarded("importing scores", [&] {
    return WriteBatch(db_, "scores", "import.scores", scores.size(), actor,
                      [&](ChangeRecorder& recorder, WriteSummary& summary) {
                        return WriteChanged<ScoreRows>(db_, scores, recorder, summary);
                      });
  });
}

}  // namespace grassroots::storage
