// Scores as an assessment reads them, aligned with an OrgTable by code.
#include "storage/code_index.h"
#include "storage/sql_store.h"

namespace grassroots::storage {
namespace {

std::optional<core::Grade> StoredGrade(const Statement& stmt, int column) {
  if (stmt.IsNull(column)) return std::nullopt;
  return core::ParseGrade(stmt.Text(column));
}

}  // namespace

core::Result<core::YearScores> SqlStore::LoadScores(int year, const core::OrgTable& orgs) {
  return Guarded("loading scores", [&]() -> core::Result<core::YearScores> {
    core::Result<Statement> stmt = db_.Prepare(
        "SELECT org_code, team, leader, venue, routine, service, members, grade, reason"
        " FROM scores WHERE year = ? ORDER BY org_code");
    if (!stmt.ok()) return stmt.error();
    stmt.value().BindInt(1, year);
    core::YearScores scores;
    scores.Resize(orgs.size());
    core::Status status =
        ForEachOrgRow(stmt.value(), orgs, [&](std::uint32_t org, const Statement& s) {
          std::array<double, core::kDimensionCount> values{};
          for (int d = 0; d < core::kDimensionCount; ++d) values[d] = s.Double(1 + d);
          const std::optional<core::Grade> grade = StoredGrade(s, 7);
          scores.Set(org, values, grade);
          if (grade && !s.IsNull(8))
            scores.committee_reasons.push_back({org, std::string(s.Text(8))});
          return core::Status::Ok();
        });
    if (!status.ok()) return WithContext(status.error(), "loading " + std::to_string(year));
    return scores;
  });
}

core::Result<std::int64_t> SqlStore::CountScores(int year) {
  return Guarded("counting scores", [&]() -> core::Result<std::int64_t> {
    core::Result<Statement> stmt = db_.Prepare("SELECT COUNT(*) FROM scores WHERE year = ?");
    if (!stmt.ok()) return stmt.error();
    core::Result<bool> row = stmt.value().BindInt(1, year).Step();
    if (!row.ok()) return row.error();
    return stmt.value().Int(0);
  });
}

}  // namespace grassroots::storage
