// The login throttle over counts in the database: what one connection (one server) counted,
// another reads, on both backends; the rule itself is auth/login_throttle_test.cc's.
#include "app/login_guard.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "storage/test_fixture.h"

namespace grassroots::app {
namespace {

class LoginGuardTest : public storage::test::StoreTest {
 protected:
  void Fail(storage::Store& store, int times, const std::string& account,
            const std::string& address) {
    for (int i = 0; i < times; ++i) {
      core::Status counted = RecordLoginFailure(store, limits_, account, address, actor_);
      ASSERT_TRUE(counted.ok()) << counted.error().message;
    }
  }
  int Wait(storage::Store& store, const std::string& account, const std::string& address) {
    core::Result<int> wait = LoginWait(store, limits_, account, address);
    EXPECT_TRUE(wait.ok()) << wait.error().message;
    return wait.ok() ? wait.value() : -1;
  }
  // Another server's connection to the same database.
  std::unique_ptr<storage::Store> Other() {
    auto other = storage::OpenStore(url_, clock_);
    EXPECT_TRUE(other.ok());
    return other.ok() ? std::move(other).value() : nullptr;
  }

  auth::ThrottleLimits limits_;
};

TEST_P(LoginGuardTest, FailuresCountedByOneServerDelayTheNextAttemptOnAnother) {
  auto other = Other();
  ASSERT_NE(other, nullptr);
  Fail(*store_, 5, "alice", "10.0.0.1");
  EXPECT_EQ(Wait(*other, "alice", "10.0.0.1"), 0);
  Fail(*store_, 1, "alice", "10.0.0.1");
  EXPECT_EQ(Wait(*other, "alice", "10.0.0.1"), 1);
  Fail(*other, 2, "alice", "10.0.0.1");  // the other server counts on from there
  EXPECT_EQ(Wait(*store_, "alice", "10.0.0.1"), 4);
  // The owner signing in from elsewhere does not wait.
  EXPECT_EQ(Wait(*other, "alice", "10.0.0.2"), 0);
  clock_.Advance(4);
  EXPECT_EQ(Wait(*other, "alice", "10.0.0.1"), 0);
}

TEST_P(LoginGuardTest, ASuccessClearsThePairAndItsTrustPassesTheAddressCeiling) {
  auto other = Other();
  ASSERT_NE(other, nullptr);
  ASSERT_TRUE(RecordLoginSuccess(*store_, "carol", "10.9.9.9", actor_).ok());
  for (int i = 0; i < 31; ++i) Fail(*other, 1, "user" + std::to_string(i), "10.9.9.9");
  EXPECT_EQ(Wait(*store_, "someone", "10.9.9.9"), 1);
  EXPECT_EQ(Wait(*store_, "carol", "10.9.9.9"), 0);
  Fail(*store_, 7, "mallory", "10.0.0.1");
  EXPECT_EQ(Wait(*other, "mallory", "10.0.0.1"), 2);
  ASSERT_TRUE(RecordLoginSuccess(*other, "mallory", "10.0.0.1", actor_).ok());
  EXPECT_EQ(Wait(*store_, "mallory", "10.0.0.1"), 0);
}

TEST_P(LoginGuardTest, ACountIsForgottenAnHourAfterItsLastFailureAndItsRowGoes) {
  Fail(*store_, 8, "alice", "10.0.0.1");
  EXPECT_EQ(Wait(*store_, "alice", "10.0.0.1"), 4);
  clock_.Advance(60 * 60);
  EXPECT_EQ(Wait(*store_, "alice", "10.0.0.1"), 0);
  Fail(*store_, 5, "alice", "10.0.0.1");  // starts again: five free failures
  EXPECT_EQ(Wait(*store_, "alice", "10.0.0.1"), 0);
  // The forgotten rows were dropped when the new failures were counted: three counts remain.
  EXPECT_EQ(QueryInt("SELECT COUNT(*) FROM login_counts"), 3);
  EXPECT_EQ(QueryInt("SELECT MAX(failures) FROM login_counts"), 5);
}

INSTANTIATE_STORE_TESTS(LoginGuardTest);

}  // namespace
}  // namespace grassroots::app
