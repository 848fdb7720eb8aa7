// What differs between the three kinds of imported row (organizations, members, scores) for
// bulk_write.h: keys, lookups, comparison, binding; shared by the Store's upserts
// (sql_imports.cc) and the streamed import's writer (import_writer.cc). Internal to src/storage.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "storage/audit_changes.h"
#include "storage/audited_rows.h"
#include "storage/bulk_write.h"
#include "storage/sql_store.h"

namespace grassroots::storage::import_kinds {

inline constexpr UpsertSql kUpsertOrganizations = {
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

inline constexpr UpsertSql kUpsertMembers = {
    "INSERT INTO members (id, name, org_code, status, joined) VALUES ", 5,
    " ON CONFLICT (id) DO UPDATE SET name = excluded.name, org_code = excluded.org_code,"
    " status = excluded.status, joined = excluded.joined"
    " WHERE (members.name, members.org_code, members.status, members.joined)"
    " IS DISTINCT FROM (excluded.name, excluded.org_code, excluded.status, excluded.joined)"};

inline constexpr UpsertSql kUpsertScores = {
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

inline constexpr std::string_view kInsertUnit =
    "INSERT INTO units (code) VALUES (?) ON CONFLICT (code) DO NOTHING";

inline std::string_view UnitOf(const core::Organization& org) {
  return org.unit.empty() ? core::kDefaultUnit : std::string_view(org.unit);
}

inline core::Status InsertUnits(Database& db, const std::vector<core::Organization>& orgs) {
  std::unordered_set<std::string_view> units;
  for (const core::Organization& org : orgs) units.insert(UnitOf(org));
  core::Result<Statement> insert = db.Prepare(kInsertUnit);
  if (!insert.ok()) return insert.error();
  for (std::string_view unit : units) {
    if (core::Status status = insert.value().BindText(1, unit).Run(); !status.ok()) return status;
  }
  return core::Status::Ok();
}

// The import entry's after_json: {"rows","inserted","updated","unchanged"}.
inline std::string SummaryJson(std::size_t rows, const WriteSummary& summary) {
  return "{\"rows\":" + std::to_string(rows) + ",\"inserted\":" + std::to_string(summary.inserted) +
         ",\"updated\":" + std::to_string(summary.updated) +
         ",\"unchanged\":" + std::to_string(summary.unchanged) + "}";
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
  static std::string RecordJson(const Row& row) {
    if (!row.unit.empty()) return OrgCompactJson(row);
    Row resolved = row;  // a direct organization of the default unit
    resolved.unit = UnitOf(row);
    return OrgCompactJson(resolved);
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
  static std::string RecordJson(const Row& row) { return MemberCompactJson(row); }
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
  static std::string RecordJson(const Row& row) { return ScoreCompactJson(row); }
  static std::string Name(const Row& row) {
    return "the score of " + row.code + " for " + std::to_string(row.year);
  }
  // PostgreSQL's scores carry no foreign key on their organization (its migration 036: the key's
  // per-row trigger was most of a yearly import's excess there), so each chunk written in bulk
  // there is checked by StagedUpsert::Write: of the organizations its changed rows name (one
  // text[] parameter, StagedUpsert's TextArray), how many are not stored, and the least. Each is
  // looked up by a subquery on purpose: as a join the planner may hash every organization for a
  // chunk (NOT EXISTS over a key range was planned so: minutes at country scale). A range of keys
  // instead of the chunk's own codes would read rows of other chunks when the file is not in
  // code order. PostgreSQL's SQL: StagedUpsert runs only where the backend has bulk loads.
  static constexpr std::string_view kUnknownOrganizations =
      "SELECT COUNT(*), MIN(chunk.code) FROM unnest(CAST(? AS TEXT[])) AS chunk (code)"
      " WHERE (SELECT 1 FROM organizations o WHERE o.code = chunk.code COLLATE \"C\") IS NULL";
  static std::string_view Organization(const Row& row) { return row.code; }
  // Refusing a score whose organization is not stored; the single save's words too.
  static core::Error UnknownOrganization(std::string_view code) {
    return core::Error::Invalid("organization " + std::string(code) + " does not exist", "code")
        .With("unknown_organization", {{"code", std::string(code)}});
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

}  // namespace grassroots::storage::import_kinds
