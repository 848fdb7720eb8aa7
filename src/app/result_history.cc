#include "app/result_history.h"

#include <algorithm>
#include <utility>

#include "storage/assessment_records.h"

namespace grassroots::app {

core::Result<std::vector<YearResult>> ResultHistory(storage::Store& store,
                                                    const std::string& code) {
  std::vector<YearResult> out;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    storage::AssessmentRecords stored(tx);
    auto years = stored.List();
    if (!years.ok()) return years.error();
    for (const storage::AssessmentInfo& info : years.value()) {
      auto record = stored.Record(info.year, code);
      if (!record.ok()) return record.error();
      if (!record.value()) continue;
      YearResult result{info.year, std::move(record.value()->row), std::nullopt};
      auto group = stored.QuotaGroup(info.year, result.row.unit, result.row.type);
      if (!group.ok()) return group.error();
      result.group = std::move(group).value();
      out.push_back(std::move(result));
    }
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  std::sort(out.begin(), out.end(),
            [](const YearResult& a, const YearResult& b) { return a.year > b.year; });
  return out;
}

}  // namespace grassroots::app
