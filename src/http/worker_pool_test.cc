#include "http/worker_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>

namespace grassroots::http {
namespace {

using namespace std::chrono_literals;

// Jobs that hold their thread until released, as an idle keep-alive connection does.
class Gate {
 public:
  void Wait() {
    std::unique_lock lock(mutex_);
    ++waiting_;
    arrived_.notify_all();
    open_.wait(lock, [this] { return opened_; });
  }
  bool AwaitWaiting(int n) {
    std::unique_lock lock(mutex_);
    return arrived_.wait_for(lock, 5s, [&] { return waiting_ >= n; });
  }
  int Waiting() {
    std::lock_guard lock(mutex_);
    return waiting_;
  }
  void Open() {
    {
      std::lock_guard lock(mutex_);
      opened_ = true;
    }
    open_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable arrived_, open_;
  int waiting_ = 0;
  bool opened_ = false;
};

TEST(WorkerPool, AJobRunsAtOnceWhileEveryOtherThreadIsHeld) {
  WorkerPool pool({.min_threads = 2, .max_threads = 300, .idle = 30s});
  Gate gate;
  for (int i = 0; i < 200; ++i) pool.enqueue([&gate] { gate.Wait(); });
  ASSERT_TRUE(gate.AwaitWaiting(200));
  std::promise<void> ran;
  pool.enqueue([&ran] { ran.set_value(); });
  EXPECT_EQ(ran.get_future().wait_for(1s), std::future_status::ready);
  EXPECT_EQ(pool.Threads(), 201u);
  gate.Open();
  pool.shutdown();
}

TEST(WorkerPool, BeyondTheCapJobsWaitForAThread) {
  WorkerPool pool({.min_threads = 1, .max_threads = 4, .idle = 30s});
  Gate gate;
  for (int i = 0; i < 6; ++i) pool.enqueue([&gate] { gate.Wait(); });
  ASSERT_TRUE(gate.AwaitWaiting(4));
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(gate.Waiting(), 4);
  EXPECT_EQ(pool.Threads(), 4u);
  gate.Open();
  pool.shutdown();
  EXPECT_EQ(gate.Waiting(), 6);
}

TEST(WorkerPool, SpareThreadsEndWhenIdleAndTheMinimumStays) {
  WorkerPool pool({.min_threads = 2, .max_threads = 64, .idle = 20ms});
  Gate gate;
  for (int i = 0; i < 10; ++i) pool.enqueue([&gate] { gate.Wait(); });
  ASSERT_TRUE(gate.AwaitWaiting(10));
  EXPECT_EQ(pool.Threads(), 10u);
  gate.Open();
  for (int i = 0; i < 200 && pool.Threads() > 2; ++i) std::this_thread::sleep_for(10ms);
  EXPECT_EQ(pool.Threads(), 2u);
  // Ended threads are joined on the next enqueue, and the pool still serves.
  std::promise<void> ran;
  pool.enqueue([&ran] { ran.set_value(); });
  EXPECT_EQ(ran.get_future().wait_for(1s), std::future_status::ready);
}

TEST(WorkerPool, ThreadLocalsOfEndedThreadsAreDestroyed) {
  static std::atomic<int> alive{0};
  struct Counted {
    Counted() { ++alive; }
    ~Counted() { --alive; }
  };
  {
    WorkerPool pool({.min_threads = 0, .max_threads = 16, .idle = 10ms});
    Gate gate;
    for (int i = 0; i < 8; ++i) {
      pool.enqueue([&gate] {
        thread_local Counted counted;
        gate.Wait();
      });
    }
    ASSERT_TRUE(gate.AwaitWaiting(8));
    EXPECT_EQ(alive.load(), 8);
    gate.Open();
    for (int i = 0; i < 200 && pool.Threads() > 0; ++i) std::this_thread::sleep_for(10ms);
    pool.enqueue([] {});  // joins the ended ones
    pool.shutdown();
  }
  EXPECT_EQ(alive.load(), 0);
}

TEST(WorkerPool, ShutdownRunsWhatIsQueued) {
  std::atomic<int> done{0};
  WorkerPool pool({.min_threads = 1, .max_threads = 1, .idle = 30s});
  for (int i = 0; i < 20; ++i) pool.enqueue([&done] { ++done; });
  pool.shutdown();
  EXPECT_EQ(done.load(), 20);
  pool.shutdown();  // again: nothing happens
}

}  // namespace
}  // namespace grassroots::http
