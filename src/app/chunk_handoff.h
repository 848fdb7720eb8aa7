// Chunks handed from one thread to another through a short line: each pass of a streamed
// import parses the file on one thread while the thread that holds the transaction checks
// (first pass) or writes (second pass) the previous chunks (app/import_stream.cc). At most `depth`
// chunks wait, so memory stays a few chunks whatever the file's size; the parser waits when the
// writer is behind, the writer when the parser is.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace grassroots::app {

template <typename Chunk>
class ChunkHandoff {
 public:
  explicit ChunkHandoff(std::size_t depth) : depth_(depth) {}

  // The producer's side. Waits while `depth` chunks are waiting; false (the chunk dropped) once
  // the consumer has stopped taking them.
  bool Push(Chunk chunk) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return stopped_ || waiting_.size() < depth_; });
    if (stopped_) return false;
    waiting_.push_back(std::move(chunk));
    ready_.notify_one();
    return true;
  }
  // The producer has no more chunks (called once, also after a failure).
  void Close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    ready_.notify_one();
  }

  // The consumer's side: the next chunk, or none once the producer closed and all were taken.
  std::optional<Chunk> Pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return closed_ || !waiting_.empty(); });
    if (waiting_.empty()) return std::nullopt;
    Chunk chunk = std::move(waiting_.front());
    waiting_.pop_front();
    room_.notify_one();
    return chunk;
  }
  // The consumer takes no more: the producer's next Push returns false instead of waiting.
  void Stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    waiting_.clear();
    room_.notify_one();
  }

 private:
  const std::size_t depth_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable room_;
  std::deque<Chunk> waiting_;
  bool closed_ = false;
  bool stopped_ = false;
};

}  // namespace grassroots::app
