#include "http/store_pool.h"

#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "storage/test_fixture.h"

namespace grassroots::http {
namespace {

using namespace std::chrono_literals;
using StorePoolTest = storage::test::SqliteStoreTest;

TEST_F(StorePoolTest, AReturnedStoreIsLentAgainInsteadOfOpeningAnother) {
  StorePool pool(path_, 4);
  storage::Store* first = nullptr;
  {
    auto lease = pool.Acquire();
    ASSERT_TRUE(lease.ok());
    first = &*lease.value();
    EXPECT_TRUE(first->DataVersion().ok());
  }
  auto again = pool.Acquire();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(&*again.value(), first);
  EXPECT_EQ(pool.Open(), 1u);
}

TEST_F(StorePoolTest, WhenAllAreLentTheNextWaitsForOneToComeBack) {
  StorePool pool(path_, 2);
  auto a = std::make_optional(pool.Acquire());
  auto b = pool.Acquire();
  ASSERT_TRUE(a->ok() && b.ok());
  auto waiting = std::async(std::launch::async, [&pool] { return pool.Acquire().ok(); });
  EXPECT_EQ(waiting.wait_for(50ms), std::future_status::timeout);
  a.reset();  // the lease ends: its store goes back
  ASSERT_EQ(waiting.wait_for(5s), std::future_status::ready);
  EXPECT_TRUE(waiting.get());
  EXPECT_EQ(pool.Open(), 2u);
}

TEST(StorePool, AStoreThatCannotBeOpenedIsUnavailableAndFreesItsSlot) {
  StorePool pool("/nonexistent-dir/sub/x.db", 1);
  auto first = pool.Acquire();
  ASSERT_FALSE(first.ok());
  EXPECT_EQ(first.error().code, core::ErrorCode::kUnavailable);
  EXPECT_EQ(pool.Open(), 0u);
  EXPECT_FALSE(pool.Acquire().ok());  // not waiting forever for a slot never given back
}

}  // namespace
}  // namespace grassroots::http
