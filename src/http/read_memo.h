// Answers that cost much to compute and are read often (the dashboard's summary and trend: every
// result of a year, aggregated), computed once and given to every worker thread while the data
// has not changed.
//
// An answer is kept with the data version of the snapshot it was computed from
// (storage::Store::DataVersion: the newest audit entry, the same number on every connection),
// and holds for a request whose snapshot has the same version. A change committed anywhere (this
// server, the CLI, another server on the file) moves the version. Requests that ask while an
// answer of their version is being computed wait for it instead of computing it again: a
// province's summary takes about a second.
#pragma once

#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/access.h"

namespace grassroots::http {

struct Call;

class ReadMemo {
 public:
  // Gives call.res the answer of `key` if it holds for the data as call.store now sees it;
  // otherwise runs `answer`, which writes call.res, and keeps the body if it is a 200. `key` must
  // name everything the answer depends on besides the data (route, parameters, scope).
  void Answer(Call& call, const std::string& key, const std::function<void()>& answer);

  // All answers kept stay under this many bytes of body.
  static constexpr std::size_t kMaxBytes = 64 << 20;

 private:
  struct Kept {
    int status = 0;
    std::string body;
  };
  struct Entry {
    std::int64_t version = 0;
    std::shared_future<std::shared_ptr<const Kept>> kept;  // null: not kept (an error)
    std::size_t bytes = 0;                                 // of the body, once kept
  };
  // Ends the computation of `key` at `version`: wakes those waiting and keeps the answer if the
  // entry is still this computation's.
  void Finish(const std::string& key, std::int64_t version,
              std::promise<std::shared_ptr<const Kept>>& promise, std::shared_ptr<const Kept> kept);
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::size_t bytes_ = 0;
};

// The part of a key that stands for what the caller may see: role and scope.
std::string ScopeKey(const core::Principal& who);

}  // namespace grassroots::http
