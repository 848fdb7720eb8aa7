// What-if outcomes kept while the data stays the same, so that paging through who enters and
// who leaves, or switching between the two lists, does not assess a province's 300,000
// organizations again per page (about half a second each).
//
// An outcome is kept with the data version it was computed at (storage::Store::DataVersion)
// under a key naming the year and the changed policy (its canonical text); it holds for a
// request whose store sees the same version. The outcome is the same for every caller: each
// request applies its own scope and filters to it (app::PageOfWhatIf). Only the newest few are
// kept: at country scale one outcome is some hundreds of MB.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/what_if_service.h"
#include "core/error.h"
#include "storage/store.h"

namespace grassroots::http {

class WhatIfMemo {
 public:
  using Outcome = std::shared_ptr<const app::WhatIfOutcome>;

  // The outcome kept under `key` for the data `store` sees, or the one `compute` gives (kept
  // when it succeeds). Two requests asking for the same new outcome at once may both compute it.
  core::Result<Outcome> Get(storage::Store& store, const std::string& key,
                            const std::function<core::Result<app::WhatIfOutcome>()>& compute);

  static constexpr std::size_t kKept = 2;

 private:
  struct Entry {
    std::string key;
    std::int64_t version = 0;
    Outcome outcome;
  };
  std::mutex mutex_;
  std::vector<Entry> entries_;  // newest last
};

}  // namespace grassroots::http
