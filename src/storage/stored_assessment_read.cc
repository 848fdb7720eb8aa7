// A stored assessment read back as its record: one organization's row with the inputs the
// engine read for it (explain), and the whole year with its inputs and policy text (verify).
#include <algorithm>

#include "storage/assessment_records.h"
#include "storage/code_index.h"
#include "storage/policy_records.h"
#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

// The columns of a result row with its inputs, read by ReadRecord.
constexpr std::string_view kRecordColumns =
    "r.org_code, r.type, r.unit_code, r.score_cents, r.grade, r.rank_in_type, r.selected,"
    " r.reasons, r.consecutive, r.parent_code, r.team, r.leader, r.venue, r.routine, r.service,"
    " r.members, r.committee_grade, r.committee_reason, r.manual_include, r.manual_reason,"
    " r.previous_selected";

StoredResultRecord ReadRecord(const Statement& s) {
  StoredResultRecord record;
  AssessmentRow& row = record.row;
  row.code = s.Text(0);
  row.type = TextOrEmpty(s, 1);
  row.unit = TextOrEmpty(s, 2);
  if (!s.IsNull(3)) row.score_cents = static_cast<std::int32_t>(s.Int(3));
  if (!s.IsNull(4)) row.grade = std::string(s.Text(4));
  if (!s.IsNull(5)) row.rank = static_cast<std::int32_t>(s.Int(5));
  row.selected = s.Int(6) != 0;
  row.reasons = static_cast<std::uint8_t>(s.Int(7));
  row.consecutive = s.Int(8) != 0;
  record.parent = TextOrEmpty(s, 9);
  if (!s.IsNull(10)) {
    std::array<double, core::kDimensionCount> values{};
    for (int d = 0; d < core::kDimensionCount; ++d) values[d] = s.Double(10 + d);
    record.dimensions = values;
  }
  if (!s.IsNull(16)) record.committee_grade = core::ParseGrade(s.Text(16));
  record.committee_reason = TextOrEmpty(s, 17);
  if (!s.IsNull(18)) record.manual_include = s.Int(18) != 0;
  record.manual_reason = TextOrEmpty(s, 19);
  record.previous_selected = s.IsNull(20) ? 0u : static_cast<std::uint32_t>(s.Int(20));
  return record;
}

// Reads a year's stored rows straight into the columns the engine reads, one row at a time (a
// country's 5.2 million rows never exist as row objects): the organizations in code order with
// units sorted (as OrganizationRecords::Table gives them) and parents resolved among the rows, the
// inputs aligned with them, and the stored results.
class StoredYearReader {
 public:
  StoredYearReader(Database& db, int year, StoredAssessment& out)
      : db_(db), year_(year), out_(out) {
    out_.result.year = year;
  }

  core::Status Read() {
    if (core::Status units = ReadUnits(); !units.ok()) return units;
    core::Result<Statement> stmt = db_.Prepare("SELECT " + std::string(kRecordColumns) +
                                               " FROM assessment_results r"
                                               " WHERE r.year = ? ORDER BY r.org_code");
    if (!stmt.ok()) return stmt.error();
    stmt.value().BindInt(1, year_);
    for (;;) {
      core::Result<bool> row = stmt.value().Step();
      if (!row.ok()) return row.error();
      if (!row.value()) break;
      if (core::Status status = AddRow(stmt.value()); !status.ok()) return status;
    }
    for (auto& year : out_.previous_selected) year.resize(out_.orgs.size(), 0);
    if (core::Status parents = ResolveParents(); !parents.ok()) return parents;
    return ReadQuotas();
  }

 private:
  core::Status ReadUnits() {
    core::Result<std::vector<std::string>> units = QueryAll<std::string>(
        db_, "SELECT DISTINCT unit_code FROM assessment_results WHERE year = ? ORDER BY unit_code",
        {std::int64_t{year_}}, [](const Statement& s) { return TextOrEmpty(s, 0); });
    if (!units.ok()) return units.error();
    out_.orgs.unit_codes = std::move(units).value();
    return core::Status::Ok();
  }

  std::optional<std::uint32_t> UnitIndex(std::string_view unit) const {
    const auto& units = out_.orgs.unit_codes;
    const auto it = std::lower_bound(units.begin(), units.end(), unit);
    if (it == units.end() || *it != unit) return std::nullopt;
    return static_cast<std::uint32_t>(it - units.begin());
  }

  core::Status AddRow(const Statement& s) {
    const auto org = static_cast<std::uint32_t>(out_.orgs.size());
    const std::string_view code = s.Text(0);
    const std::optional<core::OrgType> type = core::ParseOrgType(s.Text(1));
    const std::optional<std::uint32_t> unit = UnitIndex(s.IsNull(2) ? "" : s.Text(2));
    if (!type || !unit) {
      return core::Error::Internal("the stored row of " + std::string(code) +
                                   " has no type or unit");
    }
    out_.orgs.Add(std::string(code), *type, *unit, core::kNoParent);
    if (!s.IsNull(9)) pending_parents_.push_back({org, std::string(s.Text(9))});
    AddInputs(s, org);
    AddResult(s);
    return core::Status::Ok();
  }

  void AddInputs(const Statement& s, std::uint32_t org) {
    core::YearScores& scores = out_.scores;
    scores.has_score.push_back(s.IsNull(10) ? 0 : 1);
    for (int d = 0; d < core::kDimensionCount; ++d) {
      scores.dimensions.push_back(s.IsNull(10 + d) ? 0.0 : s.Double(10 + d));
    }
    const std::optional<core::Grade> grade =
        s.IsNull(16) ? std::nullopt : core::ParseGrade(s.Text(16));
    scores.committee_grade.push_back(grade ? static_cast<std::int8_t>(*grade) : std::int8_t{-1});
    if (grade && !s.IsNull(17)) scores.committee_reasons.push_back({org, std::string(s.Text(17))});
    if (!s.IsNull(18)) out_.manual.push_back({org, s.Int(18) != 0, TextOrEmpty(s, 19)});
    const std::int64_t previous = s.IsNull(20) ? 0 : s.Int(20);
    for (std::size_t k = 0; k < 31; ++k) {
      if (!(previous >> k & 1)) continue;
      if (out_.previous_selected.size() <= k) out_.previous_selected.resize(k + 1);
      out_.previous_selected[k].resize(org + 1, 0);
      out_.previous_selected[k][org] = 1;
    }
  }

  void AddResult(const Statement& s) {
    core::AssessmentResult& result = out_.result;
    result.score_cents.push_back(s.IsNull(3) ? core::kNoScore
                                             : static_cast<std::int32_t>(s.Int(3)));
    const std::optional<core::Grade> grade =
        s.IsNull(4) ? std::nullopt : core::ParseGrade(s.Text(4));
    result.grade.push_back(grade ? static_cast<std::int8_t>(*grade) : std::int8_t{-1});
    result.rank.push_back(s.IsNull(5) ? 0 : static_cast<std::int32_t>(s.Int(5)));
    result.selected.push_back(s.Int(6) != 0 ? 1 : 0);
    result.reasons.push_back(static_cast<std::uint8_t>(s.Int(7)));
    result.consecutive.push_back(s.Int(8) != 0 ? 1 : 0);
  }

  // kInternal when a row names a parent that has no row: the record is damaged.
  core::Status ResolveParents() {
    const CodeIndex index(out_.orgs);
    for (const auto& [org, parent] : pending_parents_) {
      const std::optional<std::uint32_t> found = index.Find(parent);
      if (!found) {
        return core::Error::Internal("the stored row of " + out_.orgs.code[org] + " names parent " +
                                     parent + ", which has no row");
      }
      out_.orgs.parent[org] = static_cast<std::int32_t>(*found);
    }
    return core::Status::Ok();
  }

  // The stored groups in unit, type order. A group of a unit that no row has (a damaged
  // record) gets its unit appended, so that it shows as a group the recomputation lacks.
  core::Status ReadQuotas() {
    core::Result<std::vector<StoredQuota>> quotas =
        QueryAll<StoredQuota>(db_,
                              "SELECT " + std::string(kQuotaReadColumns) +
                                  " FROM assessment_quotas WHERE year = ? ORDER BY unit_code, type",
                              {std::int64_t{year_}}, ReadQuota);
    if (!quotas.ok()) return quotas.error();
    core::OrgTable& orgs = out_.orgs;
    for (const StoredQuota& quota : quotas.value()) {
      std::optional<std::uint32_t> unit = UnitIndex(quota.unit);
      if (!unit) {
        unit = static_cast<std::uint32_t>(orgs.unit_codes.size());
        orgs.unit_codes.push_back(quota.unit);
      }
      core::QuotaGroup group;
      group.unit = *unit;
      group.type = core::ParseOrgType(quota.type).value_or(core::OrgType::kVillage);
      group.count = quota.count;
      group.ratio_ppm = quota.ratio_ppm;
      group.quota = quota.quota;
      group.cut_cents = quota.cut_cents.value_or(-1);
      group.taken = quota.taken;
      out_.result.quotas.push_back(group);
    }
    return core::Status::Ok();
  }

  Database& db_;
  int year_;
  StoredAssessment& out_;
  std::vector<std::pair<std::uint32_t, std::string>> pending_parents_;
};

}  // namespace

core::Result<std::optional<StoredResultRecord>> AssessmentRecords::Record(int year,
                                                                          const std::string& code) {
  return QueryOne<StoredResultRecord>(tx_->db(),
                                      "SELECT " + std::string(kRecordColumns) +
                                          " FROM assessment_results r"
                                          " WHERE r.year = ? AND r.org_code = ?",
                                      {std::int64_t{year}, code}, ReadRecord);
}

core::Result<std::optional<StoredAssessment>> AssessmentRecords::Stored(int year) {
  using Answer = std::optional<StoredAssessment>;
  core::Result<std::optional<AssessmentInfo>> info = Info(year);
  if (!info.ok()) return info.error();
  if (!info.value()) return Answer();
  StoredAssessment stored;
  stored.info = std::move(*info.value());
  core::Result<std::optional<std::string>> text =
      PolicyRecords(*tx_).Text(stored.info.policy_version);
  if (!text.ok()) return text.error();
  stored.policy_text = text.value().value_or(std::string());
  StoredYearReader reader(tx_->db(), year, stored);
  if (core::Status status = reader.Read(); !status.ok()) return status.error();
  return Answer(std::move(stored));
}

}  // namespace grassroots::storage
