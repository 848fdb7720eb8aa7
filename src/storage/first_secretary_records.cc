#include "storage/first_secretary_records.h"

#include "storage/audit_chain.h"
#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

constexpr std::string_view kPostingColumns =
    "a.id, a.org_code, a.year, a.role, a.person, a.agency, a.user_name, a.phone, a.start_date,"
    " a.ended_on, o.name";

PostingRow ReadPosting(const Statement& s) {
  PostingRow row;
  AssignmentRow& a = row.assignment;
  a.id = s.Int(0);
  a.org_code = TextOrEmpty(s, 1);
  a.year = static_cast<int>(s.Int(2));
  a.role = TextOrEmpty(s, 3);
  a.person = TextOrEmpty(s, 4);
  a.agency = TextOrEmpty(s, 5);
  a.user_name = TextOrEmpty(s, 6);
  a.phone = TextOrEmpty(s, 7);
  a.start_date = TextOrEmpty(s, 8);
  a.ended_on = TextOrEmpty(s, 9);
  row.org_name = TextOrEmpty(s, 10);
  return row;
}

constexpr std::string_view kSecretaryReportColumns =
    "r.id, r.org_code, r.year, r.month, r.kind, r.user_name, r.person, r.text, r.submitted_at,"
    " (SELECT COUNT(*) FROM first_secretary_report_photos p WHERE p.report_id = r.id)";

ReportRow ReadSecretaryReport(const Statement& s) {
  ReportRow row;
  row.id = s.Int(0);
  row.org_code = TextOrEmpty(s, 1);
  row.year = static_cast<int>(s.Int(2));
  row.month = static_cast<int>(s.Int(3));
  row.kind = TextOrEmpty(s, 4);
  row.user_name = TextOrEmpty(s, 5);
  row.person = TextOrEmpty(s, 6);
  row.text = TextOrEmpty(s, 7);
  row.submitted_at = TextOrEmpty(s, 8);
  row.photos = s.Int(9);
  return row;
}

// A first_secretary posting held on some day of a year (its last day, its first day): the
// assignment's `year` is the selection's, while the posting runs by its dates.
constexpr std::string_view kPostedInYear =
    "a.role = 'first_secretary' AND a.start_date <= ? AND (a.ended_on IS NULL OR a.ended_on > ?)";

std::vector<SqlParam> YearBounds(int year) {
  const std::string y = std::to_string(year);
  return {y + "-12-31", y + "-01-01"};
}

// Every row of a filtered query, page after page.
template <typename T, typename Read>
core::Result<std::vector<T>> AllOf(Database& db, const FilteredQuery& query, OrgFilter filter,
                                   Read read) {
  std::vector<T> rows;
  filter.limit = kMaxPageSize;
  for (filter.offset = 0;; filter.offset += kMaxPageSize) {
    std::int64_t seen = 0;
    core::Result<std::int64_t> total = VisitPage(db, query, filter, [&](const Statement& s) {
      ++seen;
      rows.push_back(read(s));
    });
    if (!total.ok()) return total.error();
    if (seen < kMaxPageSize) return rows;
  }
}

}  // namespace

core::Result<std::vector<PostingRow>> FirstSecretaryRecords::Postings(int year, OrgFilter filter) {
  FilteredQuery query;
  query.from = "support_assignments a JOIN organizations o ON o.code = a.org_code";
  query.columns = std::string(kPostingColumns);
  query.where = std::string(kPostedInYear);
  query.params = YearBounds(year);
  query.order = "o.code, a.start_date, a.id";
  return AllOf<PostingRow>(tx_->db(), query, std::move(filter), ReadPosting);
}

core::Result<std::vector<PostingRow>> FirstSecretaryRecords::PostingsOf(
    const std::string& user_name, int year) {
  return QueryAll<PostingRow>(
      tx_->db(),
      "SELECT " + std::string(kPostingColumns) +
          " FROM support_assignments a JOIN organizations o ON o.code = a.org_code"
          " WHERE " +
          std::string(kPostedInYear) +
          " AND a.user_name = ?"
          " ORDER BY o.code, a.start_date, a.id",
      {YearBounds(year)[0], YearBounds(year)[1], user_name}, ReadPosting);
}

core::Result<std::vector<ReportRow>> FirstSecretaryRecords::Reports(int year, OrgFilter filter) {
  FilteredQuery query;
  query.from = "first_secretary_reports r JOIN organizations o ON o.code = r.org_code";
  query.columns = std::string(kSecretaryReportColumns);
  query.where = "r.year = ?";
  query.params = {std::int64_t{year}};
  query.order = "o.code, r.month, r.kind";
  return AllOf<ReportRow>(tx_->db(), query, std::move(filter), ReadSecretaryReport);
}

core::Result<std::vector<ReportRow>> FirstSecretaryRecords::ReportsAt(const std::string& code,
                                                                      int year) {
  return QueryAll<ReportRow>(tx_->db(),
                             "SELECT " + std::string(kSecretaryReportColumns) +
                                 " FROM first_secretary_reports r WHERE r.org_code = ? AND"
                                 " r.year = ? ORDER BY r.month, r.kind",
                             {code, std::int64_t{year}}, ReadSecretaryReport);
}

core::Result<std::optional<ReportRow>> FirstSecretaryRecords::Report(std::int64_t id) {
  return QueryOne<ReportRow>(tx_->db(),
                             "SELECT " + std::string(kSecretaryReportColumns) +
                                 " FROM first_secretary_reports r WHERE r.id = ?",
                             {id}, ReadSecretaryReport);
}

core::Result<std::optional<ReportRow>> FirstSecretaryRecords::Find(const std::string& code,
                                                                   int year, int month,
                                                                   const std::string& kind) {
  return QueryOne<ReportRow>(tx_->db(),
                             "SELECT " + std::string(kSecretaryReportColumns) +
                                 " FROM first_secretary_reports r WHERE r.org_code = ? AND"
                                 " r.year = ? AND r.month = ? AND r.kind = ?",
                             {code, std::int64_t{year}, std::int64_t{month}, kind},
                             ReadSecretaryReport);
}

core::Result<std::int64_t> FirstSecretaryRecords::Add(const ReportRow& report) {
  if (core::Status s = tx_->RequireWritable(); !s.ok()) return s.error();
  core::Result<std::optional<std::int64_t>> id = QueryOne<std::int64_t>(
      tx_->db(),
      "INSERT INTO first_secretary_reports (org_code, year, month, kind, user_name, person, text,"
      " submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {report.org_code, std::int64_t{report.year}, std::int64_t{report.month}, report.kind,
       report.user_name, report.person, report.text, report.submitted_at},
      [](const Statement& s) { return s.Int(0); });
  if (!id.ok()) return id.error();
  if (!id.value()) return core::Error::Internal("an insert answered no id");
  const std::int64_t new_id = *id.value();
  const std::string after = JsonObject({{"id", std::to_string(new_id)},
                                        {"org_code", JsonQuote(report.org_code)},
                                        {"year", std::to_string(report.year)},
                                        {"month", std::to_string(report.month)},
                                        {"kind", JsonQuote(report.kind)},
                                        {"user_name", JsonQuote(report.user_name)},
                                        {"person", JsonQuote(report.person)},
                                        {"text", JsonQuote(report.text)},
                                        {"submitted_at", JsonQuote(report.submitted_at)}});
  if (core::Status s = tx_->Audit("fs_report.create", "fs_report:" + std::to_string(new_id),
                                  std::nullopt, after);
      !s.ok()) {
    return s.error();
  }
  return new_id;
}

}  // namespace grassroots::storage
