#include "http/worker_pool.h"

#include <utility>

namespace grassroots::http {

WorkerPool::WorkerPool(Limits limits) : limits_(limits) {}

WorkerPool::~WorkerPool() { shutdown(); }

void WorkerPool::StartThread() {
  // The new thread waits for mutex_ (held here) before it reads its own entry.
  const Thread self = threads_.emplace(threads_.end());
  *self = std::thread([this, self] { Work(self); });
}

void WorkerPool::enqueue(std::function<void()> fn) {
  std::vector<std::thread> ended;
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(fn));
    // A thread counted idle may already be woken for an earlier job: compare with every job
    // still waiting, not only this one.
    if (idle_ < jobs_.size() && threads_.size() < limits_.max_threads) StartThread();
    ended.swap(finished_);
  }
  wake_.notify_one();
  // These threads have left their loop; joining waits for their thread-local destructors only.
  for (std::thread& thread : ended) thread.join();
}

void WorkerPool::Work(Thread self) {
  std::unique_lock lock(mutex_);
  for (;;) {
    ++idle_;
    const bool woken =
        wake_.wait_for(lock, limits_.idle, [this] { return !jobs_.empty() || shutdown_; });
    --idle_;
    if (!jobs_.empty()) {
      std::function<void()> job = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      job();
      job = nullptr;  // what the job captured goes before the lock is taken again
      lock.lock();
      continue;
    }
    if (shutdown_) return;  // shutdown() holds every thread and joins it
    if (!woken && threads_.size() > limits_.min_threads) break;
  }
  finished_.push_back(std::move(*self));
  threads_.erase(self);
}

void WorkerPool::shutdown() {
  std::vector<std::thread> all;
  {
    std::lock_guard lock(mutex_);
    if (shutdown_) return;
    shutdown_ = true;
    for (std::thread& thread : threads_) all.push_back(std::move(thread));
    for (std::thread& thread : finished_) all.push_back(std::move(thread));
    finished_.clear();
  }
  wake_.notify_all();
  for (std::thread& thread : all) thread.join();
}

std::size_t WorkerPool::Threads() const {
  std::lock_guard lock(mutex_);
  return threads_.size();
}

std::size_t WorkerPool::Idle() const {
  std::lock_guard lock(mutex_);
  return idle_;
}

}  // namespace grassroots::http
