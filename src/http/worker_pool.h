// The threads that serve connections. cpp-httplib gives each accepted connection one task that
// runs for as long as the connection is open (idle keep-alive time and slow clients included),
// so a fixed pool of N threads is stalled by N idle connections: the next client waits until
// one closes. This pool starts a thread whenever a connection would otherwise wait, up to a high
// cap, and lets threads beyond a warm minimum end after they have been idle a while.
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <list>
#include <mutex>
#include <thread>
#include <vector>

namespace grassroots::http {

class WorkerPool final : public httplib::TaskQueue {
 public:
  struct Limits {
    std::size_t min_threads = 8;    // kept even when idle
    std::size_t max_threads = 512;  // beyond this, connections wait in line for a thread
    std::chrono::milliseconds idle{std::chrono::seconds(30)};  // before a spare thread ends
  };

  explicit WorkerPool(Limits limits);
  ~WorkerPool() override;  // shuts down when not done yet
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Runs `fn` on an idle thread, or on a new one when none is idle and the cap allows.
  void enqueue(std::function<void()> fn) override;
  // Runs what is queued, then ends and joins every thread. Idempotent.
  void shutdown() override;

  std::size_t Threads() const;  // alive now
  std::size_t Idle() const;     // alive and waiting for work

 private:
  using Thread = std::list<std::thread>::iterator;
  void Work(Thread self);
  void StartThread();  // with mutex_ held

  const Limits limits_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  std::list<std::thread> threads_;     // alive; a thread ending moves itself to finished_
  std::vector<std::thread> finished_;  // ended, to be joined
  std::size_t idle_ = 0;
  bool shutdown_ = false;
};

}  // namespace grassroots::http
