// Stored assessments as lists read them: a year's rows a page at a time with today's names and
// hand decisions, every row of a year with the names a summary shows, and the quota groups.
#include "storage/assessment_records.h"
#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

AssessmentRow ReadAssessmentRow(const Statement& s) {
  AssessmentRow row;
  row.code = s.Text(0);
  row.type = s.Text(1);
  row.unit = s.Text(2);
  if (!s.IsNull(3)) row.score_cents = static_cast<std::int32_t>(s.Int(3));
  if (!s.IsNull(4)) row.grade = std::string(s.Text(4));
  if (!s.IsNull(5)) row.rank = static_cast<std::int32_t>(s.Int(5));
  row.selected = s.Int(6) != 0;
  row.reasons = static_cast<std::uint8_t>(s.Int(7));
  row.consecutive = s.Int(8) != 0;
  row.name = s.Text(9);
  if (!s.IsNull(10)) {
    row.manual = HandDecision{s.Int(10) != 0, std::string(s.Text(11)), std::string(s.Text(12))};
  }
  return row;
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

core::Result<Page<AssessmentRow>> AssessmentRecords::Rows(int year, const OrgFilter& filter) {
  std::string where = "r.year = ?";
  std::vector<SqlParam> params = {std::int64_t{year}};
  if (!filter.grade.empty()) {
    where += " AND r.grade = ?";
    params.emplace_back(filter.grade);
  }
  if (filter.selected) {
    where += " AND r.selected = ?";
    params.emplace_back(std::int64_t{*filter.selected ? 1 : 0});
  }
  // Unit and type are the result's own copy (as they were when assessed), so counting by those
  // needs no join; the others (parent, search, scope) join today's organizations, and a page
  // joins them for the names (and the hand decisions, one key lookup a row).
  const FilteredQuery query{
      "assessment_results r JOIN organizations o ON o.code = r.org_code"
      " LEFT JOIN manual_decisions m ON m.year = r.year AND m.org_code = r.org_code",
      "r.org_code, r.type, r.unit_code, r.score_cents, r.grade, r.rank_in_type, r.selected,"
      " r.reasons, r.consecutive, o.name, m.include, m.reason, m.decided_by",
      where,
      params,
      filter.ranked ? std::string(kResultRankOrder) : std::string("r.org_code"),
      "assessment_results r",
      true,
      "r.unit_code",
      "r.type"};
  return ListPage<AssessmentRow>(tx_->db(), query, filter, ReadAssessmentRow);
}

core::Result<std::vector<SummaryRow>> AssessmentRecords::SummaryRows(int year) {
  // A left join: a result is history and outlives its organization. Type, unit and parent are
  // the result's own, those it was ranked in (the parent is the one its actions named).
  return QueryAll<SummaryRow>(
      tx_->db(),
      "SELECT r.org_code, o.name, r.type, r.unit_code, r.parent_code, r.score_cents, r.grade,"
      " r.selected, r.reasons, r.consecutive FROM assessment_results r"
      " LEFT JOIN organizations o ON o.code = r.org_code WHERE r.year = ? ORDER BY r.org_code",
      {std::int64_t{year}}, ReadSummaryRow);
}

core::Result<std::vector<StoredQuota>> AssessmentRecords::Quotas(int year) {
  return QueryAll<StoredQuota>(
      tx_->db(),
      "SELECT " + std::string(kQuotaReadColumns) +
          " FROM assessment_quotas WHERE year = ? ORDER BY unit_code, type",
      {std::int64_t{year}}, ReadQuota);
}

core::Result<std::optional<StoredQuota>> AssessmentRecords::QuotaGroup(int year,
                                                                       const std::string& unit,
                                                                       const std::string& type) {
  return QueryOne<StoredQuota>(tx_->db(),
                               "SELECT " + std::string(kQuotaReadColumns) +
                                   " FROM assessment_quotas"
                                   " WHERE year = ? AND unit_code = ? AND type = ?",
                               {std::int64_t{year}, unit, type}, ReadQuota);
}

}  // namespace grassroots::storage
