// The server's organizations, members and scores (issue 3): filtered, paged lists, one
// organization with its counts and ancestry, and single-row saves, each audited with the row
// before and after as JSON.
#include <variant>

#include "storage/audit_chain.h"
#include "storage/audited_rows.h"
#include "storage/organization_writes.h"
#include "storage/server_sql.h"
#include "storage/sql_store.h"

namespace grassroots::storage {
namespace {

constexpr int kMaxAncestry = 64;  // deeper than any real hierarchy; stops a cycle

core::Result<std::optional<core::Organization>> FindOrg(Database& db, const std::string& code) {
  return QueryOne<core::Organization>(
      db, "SELECT " + std::string(kOrgColumns) + " FROM organizations o WHERE o.code = ?", {code},
      [](const Statement& s) { return ReadOrg(s, 0); });
}

core::Result<std::optional<core::Member>> FindMember(Database& db, const std::string& id) {
  return QueryOne<core::Member>(
      db, "SELECT " + std::string(kMemberColumns) + " FROM members WHERE id = ?", {id}, ReadMember);
}

core::Result<std::optional<core::ScoreRecord>> FindScore(Database& db, const std::string& code,
                                                         int year) {
  return QueryOne<core::ScoreRecord>(
      db,
      "SELECT " + std::string(kScoreColumns) + " FROM scores s WHERE s.org_code = ? AND s.year = ?",
      {code, std::int64_t{year}}, ReadScore);
}

core::Status WriteOrg(Database& db, const core::Organization& org) {
  if (core::Status s = Execute(
          db, "INSERT INTO units (code) VALUES (?) ON CONFLICT (code) DO NOTHING", {org.unit});
      !s.ok()) {
    return s;
  }
  return Execute(
      db,
      "INSERT INTO organizations (code, name, type, kind, parent_code, secretary,"
      " unit_code) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET"
      " name = excluded.name, type = excluded.type, kind = excluded.kind,"
      " parent_code = excluded.parent_code, secretary = excluded.secretary,"
      " unit_code = excluded.unit_code",
      {org.code, org.name, std::string(core::ToString(org.type)),
       std::string(core::ToString(org.kind)), NullIfEmpty(org.parent), org.secretary, org.unit});
}

core::Status WriteMember(Database& db, const core::Member& m) {
  return Execute(
      db,
      "INSERT INTO members (id, name, org_code, status, joined) VALUES (?, ?, ?, ?, ?)"
      " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
      " org_code = excluded.org_code, status = excluded.status,"
      " joined = excluded.joined",
      {m.id, m.name, m.org, std::string(core::ToString(m.status)), NullIfEmpty(m.joined)});
}

core::Status WriteScore(Database& db, const core::ScoreRecord& r) {
  std::vector<SqlParam> params = {r.code, std::int64_t{r.year}};
  for (double d : r.dimensions) params.emplace_back(d);
  params.emplace_back(r.committee_grade ? SqlParam(std::string(core::ToString(*r.committee_grade)))
                                        : SqlParam(std::monostate()));
  params.emplace_back(NullIfEmpty(r.reason));
  return Execute(db,
                 "INSERT INTO scores (org_code, year, team, leader, venue, routine, service,"
                 " members, grade, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                 " ON CONFLICT (year, org_code) DO UPDATE SET team = excluded.team,"
                 " leader = excluded.leader, venue = excluded.venue,"
                 " routine = excluded.routine, service = excluded.service,"
                 " members = excluded.members, grade = excluded.grade,"
                 " reason = excluded.reason",
                 params);
}

}  // namespace

// --- Organizations ---

core::Result<Page<core::Organization>> SqlStore::ListOrganizations(const OrgFilter& filter) {
  return Guarded("listing organizations", [&]() -> core::Result<Page<core::Organization>> {
    const FilteredQuery query{"organizations o", std::string(kOrgColumns), "", {}, "o.code", ""};
    return ListPage<core::Organization>(db_, query, filter,
                                        [](const Statement& s) { return ReadOrg(s, 0); });
  });
}

core::Result<std::int64_t> SqlStore::VisitOrganizations(
    const OrgFilter& filter, const std::function<void(const OrgRowView&)>& row) {
  return Guarded("listing organizations", [&]() -> core::Result<std::int64_t> {
    const FilteredQuery query{"organizations o", std::string(kOrgColumns), "", {}, "o.code", ""};
    return VisitPage(db_, query, filter, [&](const Statement& s) {
      // Text of a NULL (the parent of a direct organization) is empty.
      row(OrgRowView{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5), s.Text(6),
                     s.Text(7), s.Text(8), s.Text(9)});
    });
  });
}

core::Result<std::optional<OrgDetail>> SqlStore::GetOrganization(const std::string& code) {
  return Guarded("reading organization " + code, [&]() -> core::Result<std::optional<OrgDetail>> {
    core::Result<Transaction> snapshot = Transaction::BeginRead(db_);
    if (!snapshot.ok()) return snapshot.error();
    core::Result<std::optional<core::Organization>> org = FindOrg(db_, code);
    if (!org.ok()) return org.error();
    if (!org.value()) return std::optional<OrgDetail>();
    OrgDetail detail;
    detail.org = std::move(*org.value());
    // Members who left are counted apart (status '' here), never with those on the roll.
    core::Result<Statement> counts = db_.Prepare(
        "SELECT CASE WHEN left_on IS NULL THEN status ELSE '' END, COUNT(*) FROM members"
        " WHERE org_code = ? GROUP BY 1");
    if (!counts.ok()) return counts.error();
    counts.value().BindText(1, code);
    for (;;) {
      core::Result<bool> row = counts.value().Step();
      if (!row.ok()) return row.error();
      if (!row.value()) break;
      if (counts.value().Text(0).empty()) {
        detail.members_left = counts.value().Int(1);
      } else if (auto status = core::ParseMemberStatus(counts.value().Text(0))) {
        detail.member_counts[static_cast<std::size_t>(*status)] = counts.value().Int(1);
      }
    }
    core::Result<std::optional<std::int64_t>> children =
        QueryOne<std::int64_t>(db_,
                               "SELECT COUNT(*) FROM organizations WHERE parent_code = ?"
                               " AND ended_on IS NULL",
                               {code}, [](const Statement& s) { return s.Int(0); });
    if (!children.ok()) return children.error();
    detail.children = children.value().value_or(0);
    return std::optional<OrgDetail>(std::move(detail));
  });
}

core::Result<std::vector<std::string>> SqlStore::Ancestry(const std::string& code) {
  return Guarded(
      "reading the ancestry of " + code, [&]() -> core::Result<std::vector<std::string>> {
        core::Result<Statement> stmt =
            db_.Prepare("SELECT parent_code FROM organizations WHERE code = ?");
        if (!stmt.ok()) return stmt.error();
        std::vector<std::string> chain;
        std::string current = code;
        for (int depth = 0; depth < kMaxAncestry; ++depth) {
          stmt.value().Reset();
          stmt.value().BindText(1, current);
          core::Result<bool> row = stmt.value().Step();
          if (!row.ok()) return row.error();
          if (!row.value()) return chain;  // unknown code (only possible for the first)
          chain.push_back(current);
          if (stmt.value().IsNull(0)) return chain;
          current = std::string(stmt.value().Text(0));
        }
        return core::Error::Internal("organization " + code + " has more than " +
                                     std::to_string(kMaxAncestry) + " ancestors (a cycle?)");
      });
}

core::Result<std::optional<core::Organization>> FindOrganization(Tx& tx, const std::string& code) {
  return FindOrg(tx.db(), code);
}

core::Result<bool> SaveOrganization(Tx& tx, const core::Organization& org) {
  if (core::Status s = tx.RequireWritable(); !s.ok()) return s.error();
  if (org.unit.empty()) return core::Error::Invalid("the unit is not resolved", "unit");
  core::Result<std::optional<core::Organization>> before = FindOrg(tx.db(), org.code);
  if (!before.ok()) return before.error();
  if (core::Status s = WriteOrg(tx.db(), org); !s.ok()) return s.error();
  const bool created = !before.value().has_value();
  core::Status audited = tx.Audit(
      created ? "organization.create" : "organization.update", OrgEntity(org.code),
      created ? std::nullopt : std::optional<std::string>(OrgJson(*before.value())), OrgJson(org));
  if (!audited.ok()) return audited.error();
  return created;
}

core::Result<bool> SaveMember(Tx& tx, const core::Member& member) {
  if (core::Status s = tx.RequireWritable(); !s.ok()) return s.error();
  core::Result<std::optional<core::Member>> before = FindMember(tx.db(), member.id);
  if (!before.ok()) return before.error();
  if (core::Status s = WriteMember(tx.db(), member); !s.ok()) return s.error();
  const bool created = !before.value().has_value();
  core::Status audited =
      tx.Audit("member.save", MemberEntity(member.id),
               created ? std::nullopt : std::optional<std::string>(MemberJson(*before.value())),
               MemberJson(member));
  if (!audited.ok()) return audited.error();
  return created;
}

core::Result<bool> SqlStore::SaveOrganization(const core::Organization& org, const Actor& actor) {
  bool created = false;
  core::Status status = Write(actor, [&](Tx& tx) -> core::Status {
    core::Result<bool> saved = storage::SaveOrganization(tx, org);
    if (!saved.ok()) return saved.error();
    created = saved.value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return created;
}

// --- Members ---

core::Result<Page<core::Member>> SqlStore::ListMembers(const std::string& org_code,
                                                       std::int64_t offset, std::int64_t limit) {
  return Guarded("listing members of " + org_code, [&]() -> core::Result<Page<core::Member>> {
    if (core::Status s = CheckPaging(offset, limit); !s.ok()) return s.error();
    core::Result<Transaction> snapshot = Transaction::BeginRead(db_);
    if (!snapshot.ok()) return snapshot.error();
    Page<core::Member> page;
    core::Result<Statement> count = db_.Prepare("SELECT COUNT(*) FROM members WHERE org_code = ?");
    if (!count.ok()) return count.error();
    count.value().BindText(1, org_code);
    core::Result<bool> row = count.value().Step();
    if (!row.ok()) return row.error();
    page.total = count.value().Int(0);
    core::Result<std::vector<core::Member>> items =
        QueryAll<core::Member>(db_,
                               "SELECT " + std::string(kMemberColumns) +
                                   " FROM members WHERE org_code = ? ORDER BY id LIMIT ? OFFSET ?",
                               {org_code, limit, offset}, ReadMember);
    if (!items.ok()) return items.error();
    page.items = std::move(items).value();
    return page;
  });
}

core::Result<std::optional<core::Member>> SqlStore::GetMember(const std::string& id) {
  return Guarded("reading member " + id, [&] { return FindMember(db_, id); });
}

core::Result<bool> SqlStore::SaveMember(const core::Member& member, const Actor& actor) {
  return Guarded("saving member " + member.id, [&]() -> core::Result<bool> {
    return AuditedWrite<core::Member>(
        db_, actor, {"member.save", "member.save", MemberEntity(member.id)},
        [&] { return FindMember(db_, member.id); }, [&] { return WriteMember(db_, member); },
        MemberJson, MemberJson(member));
  });
}

// --- Scores ---

core::Result<std::vector<core::ScoreRecord>> SqlStore::ScoresOf(const std::string& org_code) {
  return Guarded("reading scores of " + org_code, [&] {
    return QueryAll<core::ScoreRecord>(db_,
                                       "SELECT " + std::string(kScoreColumns) +
                                           " FROM scores s WHERE s.org_code = ?" +
                                           " ORDER BY s.year",
                                       {org_code}, ReadScore);
  });
}

core::Result<Page<core::ScoreRecord>> SqlStore::ListScores(int year, const OrgFilter& filter) {
  return Guarded("listing scores", [&]() -> core::Result<Page<core::ScoreRecord>> {
    // Scores reference their organization, so without an organization condition the join
    // changes nothing and the query skips it.
    const FilteredQuery query{"scores s JOIN organizations o ON o.code = s.org_code",
                              std::string(kScoreColumns),
                              "s.year = ?",
                              {std::int64_t{year}},
                              "s.org_code",
                              "scores s"};
    return ListPage<core::ScoreRecord>(db_, query, filter, ReadScore);
  });
}

core::Result<Page<ScoreSheetRow>> SqlStore::ListScoreSheet(int year, SheetRows which,
                                                           const OrgFilter& filter) {
  return Guarded("listing the score sheet", [&]() -> core::Result<Page<ScoreSheetRow>> {
    // The score columns first (ReadScore reads from column 0), NULL for an organization without
    // a score; then the organization's.
    const std::string columns =
        std::string(kScoreColumns) + ", o.code, o.name, o.type, o.unit_code";
    // core::AssessedIn as SQL: an organization that ended on D is ranked in the years before
    // D's year (dates are stored as YYYY-MM-DD, so they compare as text).
    const std::string assessed = "(o.ended_on IS NULL OR o.ended_on >= ?)";
    const std::string next_year = std::to_string(year + 1) + "-01-01";
    FilteredQuery query;
    if (which == SheetRows::kScored) {
      query = {"scores s JOIN organizations o ON o.code = s.org_code",
               columns,
               "s.year = ?",
               {std::int64_t{year}},
               "s.org_code",
               "scores s",
               true};
    } else {
      query.from = "organizations o LEFT JOIN scores s ON s.year = ? AND s.org_code = o.code";
      query.columns = columns;
      query.where = which == SheetRows::kUnscored ? "s.org_code IS NULL AND " + assessed
                                                  : "(s.org_code IS NOT NULL OR " + assessed + ")";
      query.params = {std::int64_t{year}, next_year};
      query.order = "o.code";
    }
    return ListPage<ScoreSheetRow>(db_, query, filter, [](const Statement& s) {
      ScoreSheetRow row{std::string(s.Text(10)), std::string(s.Text(11)), std::string(s.Text(12)),
                        std::string(s.Text(13)), std::nullopt};
      if (!s.IsNull(1)) row.score = ReadScore(s);
      return row;
    });
  });
}

core::Result<bool> SqlStore::SaveScore(const core::ScoreRecord& score, const Actor& actor) {
  const std::string entity = ScoreEntity(score.code, score.year);
  return Guarded("saving " + entity, [&]() -> core::Result<bool> {
    return AuditedWrite<core::ScoreRecord>(
        db_, actor, {"score.save", "score.save", entity},
        [&] { return FindScore(db_, score.code, score.year); },
        [&] { return WriteScore(db_, score); }, ScoreJson, ScoreJson(score));
  });
}

}  // namespace grassroots::storage
