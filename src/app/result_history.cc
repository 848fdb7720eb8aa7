#include "app/result_history.h"

#include <algorithm>
#include <utility>

namespace grassroots::app {

core::Result<std::vector<YearResult>> ResultHistory(storage::Store& store,
                                                    const std::string& code) {
  auto years = store.ListAssessments();
  if (!years.ok()) return years.error();
  std::vector<YearResult> out;
  for (const storage::AssessmentInfo& info : years.value()) {
    auto record = store.LoadResultRecord(info.year, code);
    if (!record.ok()) return record.error();
    if (!record.value()) continue;
    YearResult result{info.year, std::move(record.value()->row), std::nullopt};
    auto group = store.LoadQuotaGroup(info.year, result.row.unit, result.row.type);
    if (!group.ok()) return group.error();
    result.group = std::move(group).value();
    out.push_back(std::move(result));
  }
  std::sort(out.begin(), out.end(),
            [](const YearResult& a, const YearResult& b) { return a.year > b.year; });
  return out;
}

}  // namespace grassroots::app
