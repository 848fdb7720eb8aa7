#include "app/chunk_handoff.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>
#include <vector>

namespace grassroots::app {
namespace {

TEST(ChunkHandoffTest, ChunksArriveInOrderThenNone) {
  ChunkHandoff<int> handoff(1);
  std::thread producer([&] {
    for (int i = 0; i < 1000; ++i) ASSERT_TRUE(handoff.Push(i));
    handoff.Close();
  });
  std::vector<int> taken;
  while (std::optional<int> chunk = handoff.Pop()) taken.push_back(*chunk);
  producer.join();
  ASSERT_EQ(taken.size(), 1000u);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(taken[i], i);
}

TEST(ChunkHandoffTest, AtMostDepthChunksWait) {
  ChunkHandoff<int> handoff(2);
  std::atomic<int> pushed = 0;
  std::thread producer([&] {
    for (int i = 0; i < 5; ++i) {
      if (!handoff.Push(i)) break;
      ++pushed;
    }
    handoff.Close();
  });
  // Nothing taken yet: the producer is held after two chunks, however long it is given.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (pushed.load() < 2 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::yield();
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(pushed.load(), 2);
  EXPECT_EQ(handoff.Pop(), 0);
  int rest = 0;
  while (handoff.Pop()) ++rest;
  producer.join();
  EXPECT_EQ(rest, 4);
  EXPECT_EQ(pushed.load(), 5);
}

TEST(ChunkHandoffTest, StopReleasesAProducerWaitingForRoom) {
  ChunkHandoff<int> handoff(1);
  bool refused = false;
  std::thread producer([&] {
    for (int i = 0; i < 100; ++i) {
      if (!handoff.Push(i)) {
        refused = true;
        break;
      }
    }
    handoff.Close();
  });
  EXPECT_EQ(handoff.Pop(), 0);
  handoff.Stop();
  producer.join();  // would wait for ever if Stop left the producer blocked
  EXPECT_TRUE(refused);
  EXPECT_EQ(handoff.Pop(), std::nullopt) << "nothing is handed over after Stop";
}

}  // namespace
}  // namespace grassroots::app
