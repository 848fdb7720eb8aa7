// Stored assessments read whole for the dashboard: every row of a year with the names a
// summary shows, and the year's quota groups.
#include "storage/server_sql.h"
#include "storage/sql_store.h"

namespace grassroots::storage {
namespace {

std::string TextOrEmpty(const Statement& s, int column) {
  return s.IsNull(column) ? std::string() : std::string(s.Text(column));
}

SummaryRow ReadSummaryRow(const Statement& s) {
  SummaryRow row;
  row.code = s.Text(0);
  row.name = TextOrEmpty(s, 1);
  row.type = TextOrEmpty(s, 2);
  row.unit = TextOrEmpty(s, 3);
  row.parent = TextOrEmpty(s, 4);
  if (!s.IsNull(5)) row.score_cents = static_cast<std::int32_t>(s.Int(5));
  if (!s.IsNull(6)) row.grade = std::string(s.Text(6));
  row.selected = s.Int(7) != 0;
  row.reasons = static_cast<std::uint8_t>(s.Int(8));
  row.consecutive = s.Int(9) != 0;
  return row;
}

}  // namespace

core::Result<std::vector<SummaryRow>> SqlStore::LoadSummaryRows(int year) {
  return Guarded("reading a stored assessment", [&] {
    // A left join: a result is history and outlives its organization. Type, unit and parent are
    // the result's own, those it was ranked in (the parent is the one its actions named).
    return QueryAll<SummaryRow>(
        db_,
        "SELECT r.org_code, o.name, r.type, r.unit_code, r.parent_code, r.score_cents, r.grade,"
        " r.selected, r.reasons, r.consecutive FROM assessment_results r"
        " LEFT JOIN organizations o ON o.code = r.org_code WHERE r.year = ? ORDER BY r.org_code",
        {std::int64_t{year}}, ReadSummaryRow);
  });
}

core::Result<std::vector<StoredQuota>> SqlStore::LoadQuotas(int year) {
  return Guarded("reading the quotas of an assessment", [&] {
    return QueryAll<StoredQuota>(
        db_,
        "SELECT unit_code, type, count, ratio_ppm, quota, cut_cents, taken FROM assessment_quotas"
        " WHERE year = ? ORDER BY unit_code, type",
        {std::int64_t{year}}, ReadQuota);
  });
}

}  // namespace grassroots::storage
