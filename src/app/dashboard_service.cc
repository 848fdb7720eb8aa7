#include "app/dashboard_service.h"

#include <algorithm>
#include <unordered_set>

#include "storage/assessment_records.h"
#include "storage/organization_subject.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

using CodeSet = std::unordered_set<std::string>;

// The codes the scope admits, read page by page from the organization list, which applies the
// scope the same way for every caller; nullopt when the scope is not restricted.
core::Result<std::optional<CodeSet>> ScopeCodes(storage::Store& store,
                                                const storage::OrgFilter& scope) {
  if (!scope.restrict_to_scope) return std::optional<CodeSet>();
  storage::OrgFilter filter;
  filter.restrict_to_scope = true;
  filter.within = scope.within;
  filter.only = scope.only;
  filter.limit = 1000;
  CodeSet codes;
  for (;;) {
    auto page = storage::ReadValue(
        store, [&](storage::Tx& t) { return storage::OrganizationRecords(t).List(filter); });
    if (!page.ok()) return page.error();
    for (const core::Organization& org : page.value().items) codes.insert(org.code);
    filter.offset += filter.limit;
    if (page.value().items.empty() || filter.offset >= page.value().total) break;
  }
  return std::optional<CodeSet>(std::move(codes));
}

core::Result<std::vector<core::ResultRow>> RowsInScope(storage::Tx& tx, int year,
                                                       const std::optional<CodeSet>& codes) {
  auto rows = storage::AssessmentRecords(tx).SummaryRows(year);
  if (!rows.ok() || !codes) return rows;
  std::vector<core::ResultRow>& all = rows.value();
  std::erase_if(all, [&](const core::ResultRow& row) { return codes->count(row.code) == 0; });
  return rows;
}

}  // namespace

core::Result<std::optional<core::AssessmentSummary>> SummarizeAssessment(
    storage::Store& store, int year, const storage::OrgFilter& scope) {
  std::optional<core::AssessmentSummary> summary;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    storage::AssessmentRecords stored(tx);
    auto info = stored.Info(year);
    if (!info.ok()) return info.error();
    if (!info.value()) return core::Status::Ok();
    auto codes = ScopeCodes(store, scope);
    if (!codes.ok()) return codes.error();
    auto rows = RowsInScope(tx, year, codes.value());
    if (!rows.ok()) return rows.error();
    auto quotas = stored.Quotas(year);
    if (!quotas.ok()) return quotas.error();
    summary = core::Summarize(year, rows.value(), quotas.value());
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return summary;
}

core::Result<std::vector<core::YearCounts>> AssessmentTrend(storage::Store& store,
                                                            const storage::OrgFilter& scope) {
  std::vector<core::YearCounts> trend;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    auto years = storage::AssessmentRecords(tx).List();
    if (!years.ok()) return years.error();
    auto codes = ScopeCodes(store, scope);
    if (!codes.ok()) return codes.error();
    for (const storage::AssessmentInfo& info : years.value()) {
      auto rows = RowsInScope(tx, info.year, codes.value());
      if (!rows.ok()) return rows.error();
      trend.push_back(core::CountYear(info.year, rows.value()));
    }
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  std::sort(trend.begin(), trend.end(),
            [](const core::YearCounts& a, const core::YearCounts& b) { return a.year < b.year; });
  return trend;
}

core::Result<std::map<std::string, std::string>> NamesOf(storage::Store& store,
                                                         const std::vector<std::string>& codes) {
  std::map<std::string, std::string> names;
  if (codes.empty()) return names;
  storage::OrgFilter only;
  only.restrict_to_scope = true;
  only.only = codes;
  only.limit = static_cast<std::int64_t>(only.only.size());
  only.ended.reset();  // a parent that ended since is still named
  auto orgs = storage::ReadValue(
      store, [&](storage::Tx& t) { return storage::OrganizationRecords(t).List(only); });
  if (!orgs.ok()) return orgs.error();
  for (const core::Organization& org : orgs.value().items) names.emplace(org.code, org.name);
  return names;
}

}  // namespace grassroots::app
