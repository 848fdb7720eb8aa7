#include "storage/score_subject.h"

#include <array>
#include <optional>
#include <string>
#include <variant>

#include "storage/audited_rows.h"
#include "storage/code_index.h"
#include "storage/import_kinds.h"
#include "storage/paged_read.h"
#include "storage/server_sql.h"
#include "storage/sql_store.h"

namespace grassroots::storage {
namespace {

core::Result<std::optional<core::ScoreRecord>> FindScore(Database& db, const std::string& code,
                                                         int year) {
  return QueryOne<core::ScoreRecord>(
      db,
      "SELECT " + std::string(kScoreColumns) + " FROM scores s WHERE s.org_code = ? AND s.year = ?",
      {code, std::int64_t{year}}, ReadScore);
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

core::Result<std::vector<core::ScoreRecord>> ScoreRecords::Of(const std::string& org_code) {
  return QueryAll<core::ScoreRecord>(tx_->db(),
                                     "SELECT " + std::string(kScoreColumns) +
                                         " FROM scores s WHERE s.org_code = ? ORDER BY s.year",
                                     {org_code}, ReadScore);
}

core::Result<std::optional<core::ScoreRecord>> ScoreRecords::Find(const std::string& code,
                                                                  int year) {
  return FindScore(tx_->db(), code, year);
}

core::Result<Page<core::ScoreRecord>> ScoreRecords::List(int year, const OrgFilter& filter) {
  // Scores reference their organization, so without an organization condition the join
  // changes nothing and the query skips it.
  const FilteredQuery query{"scores s JOIN organizations o ON o.code = s.org_code",
                            std::string(kScoreColumns),
                            "s.year = ?",
                            {std::int64_t{year}},
                            "s.org_code",
                            "scores s"};
  return ListPage<core::ScoreRecord>(tx_->db(), query, filter, ReadScore);
}

core::Result<Page<ScoreSheetRow>> ScoreRecords::Sheet(int year, SheetRows which,
                                                      const OrgFilter& filter) {
  // The score columns first (ReadScore reads from column 0), NULL for an organization without
  // a score; then the organization's.
  const std::string columns = std::string(kScoreColumns) + ", o.code, o.name, o.type, o.unit_code";
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
  return ListPage<ScoreSheetRow>(tx_->db(), query, filter, [](const Statement& s) {
    ScoreSheetRow row{std::string(s.Text(10)), std::string(s.Text(11)), std::string(s.Text(12)),
                      std::string(s.Text(13)), std::nullopt};
    if (!s.IsNull(1)) row.score = ReadScore(s);
    return row;
  });
}

core::Result<core::YearScores> ScoreRecords::OfYear(int year, const core::OrgTable& orgs) {
  core::YearScores scores;
  scores.Resize(orgs.size());
  OrgAligner aligner(orgs);
  core::Status status = ReadPagedWith(
      tx_->db(),
      "SELECT org_code, team, leader, venue, routine, service, members, grade, reason"
      " FROM scores WHERE year = ? AND org_code > ? ORDER BY org_code LIMIT ?",
      [&](Statement& s) {
        s.BindInt(1, year);
        return 1;
      },
      [&](const Statement& s) {
        // Scores of organizations the table lacks (added after it was read) are left out.
        const std::optional<std::uint32_t> org = aligner.Next(s.Text(0));
        if (!org) return core::Status::Ok();
        std::array<double, core::kDimensionCount> values{};
        for (int d = 0; d < core::kDimensionCount; ++d) values[d] = s.Double(1 + d);
        const std::optional<core::Grade> grade = StoredGrade(s, 7);
        scores.Set(*org, values, grade);
        if (grade && !s.IsNull(8))
          scores.committee_reasons.push_back({*org, std::string(s.Text(8))});
        return core::Status::Ok();
      });
  if (!status.ok()) return WithContext(status.error(), "loading " + std::to_string(year));
  return scores;
}

core::Result<bool> ScoreRecords::Any(int year) {
  // In key order, so that the key's index answers: PostgreSQL plans EXISTS (...) as a scan of
  // the table, which passes the 5.2 million rows of the year before when they come first.
  core::Result<Statement> stmt =
      tx_->db().Prepare("SELECT 1 FROM scores WHERE year = ? ORDER BY org_code LIMIT 1");
  if (!stmt.ok()) return stmt.error();
  return stmt.value().BindInt(1, year).Step();
}

core::Result<bool> ScoreRecords::Save(const core::ScoreRecord& score) {
  Database& db = tx_->db();
  // Asked first on both backends: PostgreSQL's scores have no key on their organization
  // (import_kinds.h, ScoreRows::kUnknownOrganizations), and the answer names the code.
  core::Result<std::optional<bool>> org =
      QueryOne<bool>(db, "SELECT 1 FROM organizations WHERE code = ?", {score.code},
                     [](const Statement&) { return true; });
  if (!org.ok()) return org.error();
  if (!org.value()) return import_kinds::ScoreRows::UnknownOrganization(score.code);
  return AuditedSave<core::ScoreRecord>(
      *tx_, {"score.save", "score.save", ScoreEntity(score.code, score.year)},
      [&] { return FindScore(db, score.code, score.year); }, [&] { return WriteScore(db, score); },
      ScoreJson, ScoreJson(score));
}

}  // namespace grassroots::storage
