#include "core/assessment_summary.h"

#include <algorithm>
#include <map>

namespace grassroots::core {

void GradeCounts::Add(const ResultRow& row) {
  ++organizations;
  if (row.selected) ++selected;
  const std::optional<Grade> grade = row.grade ? ParseGrade(*row.grade) : std::nullopt;
  ++counts[grade ? static_cast<std::size_t>(*grade) : kUnscored];
}

namespace {

// Type order as SPEC.md §1 lists them; a row of a vanished organization (no type) last.
std::size_t TypeOrder(const std::string& type) {
  const std::optional<OrgType> parsed = ParseOrgType(type);
  return parsed ? static_cast<std::size_t>(*parsed) : static_cast<std::size_t>(kOrgTypeCount);
}

std::vector<TypeCounts> ByType(const std::vector<ResultRow>& rows) {
  std::map<std::pair<std::size_t, std::string>, GradeCounts> groups;
  for (const ResultRow& row : rows) groups[{TypeOrder(row.type), row.type}].Add(row);
  std::vector<TypeCounts> out;
  for (const auto& [key, counts] : groups) out.push_back({key.second, counts});
  return out;
}

std::vector<QuotaUse> QuotaUses(const std::vector<ResultRow>& rows,
                                const std::vector<StoredQuota>& quotas) {
  std::map<std::pair<std::string, std::string>, std::pair<bool, std::int64_t>> seen;
  for (const ResultRow& row : rows) {
    auto& [any, selected] = seen[{row.unit, row.type}];
    any = true;
    if (row.selected) ++selected;
  }
  std::vector<QuotaUse> out;
  for (const StoredQuota& group : quotas) {
    const auto it = seen.find({group.unit, group.type});
    if (it == seen.end()) continue;
    out.push_back({group, it->second.second});
  }
  return out;
}

ConsecutiveCase CaseOf(const ResultRow& row) {
  ConsecutiveCase out{row, {}};
  for (ActionKind kind : ProposedActionKinds(row.consecutive, !row.parent.empty())) {
    out.actions.emplace_back(kind, kind == ActionKind::kRemoveSecretary ? row.code : row.parent);
  }
  return out;
}

}  // namespace

AssessmentSummary Summarize(int year, const std::vector<ResultRow>& rows,
                            const std::vector<StoredQuota>& quotas) {
  AssessmentSummary summary;
  summary.year = year;
  for (const ResultRow& row : rows) {
    summary.total.Add(row);
    if (!row.selected) continue;
    summary.selected.push_back(row);
    if (row.consecutive) summary.cases.push_back(CaseOf(row));
  }
  summary.by_type = ByType(rows);
  summary.quotas = QuotaUses(rows, quotas);
  const auto by_code = [](const auto& a, const auto& b) { return a.code < b.code; };
  std::sort(summary.selected.begin(), summary.selected.end(), by_code);
  std::sort(
      summary.cases.begin(), summary.cases.end(),
      [](const ConsecutiveCase& a, const ConsecutiveCase& b) { return a.row.code < b.row.code; });
  return summary;
}

YearCounts CountYear(int year, const std::vector<ResultRow>& rows) {
  YearCounts out;
  out.year = year;
  for (const ResultRow& row : rows) out.grades.Add(row);
  return out;
}

}  // namespace grassroots::core
