#include "http/what_if_memo.h"

#include <algorithm>
#include <utility>

namespace grassroots::http {

core::Result<WhatIfMemo::Outcome> WhatIfMemo::Get(
    storage::Store& store, const std::string& key,
    const std::function<core::Result<app::WhatIfOutcome>()>& compute) {
  const core::Result<std::int64_t> version = store.DataVersion();
  if (version.ok()) {
    std::lock_guard lock(mutex_);
    for (const Entry& entry : entries_) {
      if (entry.key == key && entry.version == version.value()) return entry.outcome;
    }
  }
  core::Result<app::WhatIfOutcome> computed = compute();
  if (!computed.ok()) return computed.error();
  Outcome outcome = std::make_shared<const app::WhatIfOutcome>(std::move(computed).value());
  if (!version.ok()) return outcome;
  std::lock_guard lock(mutex_);
  // Outcomes of older data are of no more use; one of this key is replaced.
  std::erase_if(entries_,
                [&](const Entry& e) { return e.key == key || e.version < version.value(); });
  entries_.push_back({key, version.value(), outcome});
  if (entries_.size() > kKept) entries_.erase(entries_.begin());
  return outcome;
}

}  // namespace grassroots::http
