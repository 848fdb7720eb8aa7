// Answers that cost much to compute and are read often (the dashboard's summary and trend: every
// result of a year, aggregated), computed once and given to every worker thread while the
// database has not changed.
//
// Whether it changed is told by each worker's connection (storage::Store::DataVersion), whose
// values only that connection can compare. So a thread that finds its connection's version moved
// since it last looked (or looks for the first time) moves a shared epoch, and an answer holds
// only for the epoch read before the snapshot it was computed from began. A change committed
// anywhere (this server, the CLI, another server on the file) after that snapshot is noticed by
// any thread at its next look, which is no later than the request that would use the answer.
// Threads that ask while an answer is being computed wait for it instead of computing it again:
// a province's summary takes about a second.
#pragma once

#include <atomic>
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
    std::uint64_t epoch = 0;
    std::shared_future<std::shared_ptr<const Kept>> kept;  // null: not kept (an error)
    std::size_t bytes = 0;                                 // of the body, once kept
  };
  // Ends the computation of `key` at `epoch`: wakes those waiting and keeps the answer if the
  // entry is still this computation's.
  void Finish(const std::string& key, std::uint64_t epoch,
              std::promise<std::shared_ptr<const Kept>>& promise, std::shared_ptr<const Kept> kept);
  // The epoch after this thread has looked at its connection's version.
  std::uint64_t Look(Call& call);

  std::atomic<std::uint64_t> epoch_{0};
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::size_t bytes_ = 0;
};

// The part of a key that stands for what the caller may see: role and scope.
std::string ScopeKey(const core::Principal& who);

}  // namespace grassroots::http
