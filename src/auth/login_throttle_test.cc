#include "auth/login_throttle.h"

#include <gtest/gtest.h>

namespace grassroots::auth {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

const LoginThrottle::Clock::time_point kStart{std::chrono::hours(1000)};

void Fail(LoginThrottle& throttle, int times, const std::string& account,
          const std::string& address, LoginThrottle::Clock::time_point now = kStart) {
  for (int i = 0; i < times; ++i) throttle.RecordFailure(account, address, now);
}

TEST(LoginThrottle, FifthFailureOfAnAccountLocksItFromEveryAddress) {
  LoginThrottle throttle;
  Fail(throttle, 4, "alice", "10.0.0.1");
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "10.0.0.1", kStart), 0);
  Fail(throttle, 1, "alice", "10.0.0.2");
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "10.0.0.1", kStart), 15 * 60);
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "10.0.0.9", kStart), 15 * 60);
  EXPECT_EQ(throttle.RetryAfterSeconds("bob", "10.0.0.9", kStart), 0);
}

TEST(LoginThrottle, TwentiethFailureOfAnAddressLocksItForEveryAccount) {
  LoginThrottle throttle;
  for (int i = 0; i < 19; ++i) Fail(throttle, 1, "user" + std::to_string(i), "10.0.0.1");
  EXPECT_EQ(throttle.RetryAfterSeconds("someone", "10.0.0.1", kStart), 0);
  Fail(throttle, 1, "user19", "10.0.0.1");
  EXPECT_EQ(throttle.RetryAfterSeconds("someone", "10.0.0.1", kStart), 15 * 60);
  EXPECT_EQ(throttle.RetryAfterSeconds("someone", "10.0.0.2", kStart), 0);
}

TEST(LoginThrottle, LockEndsWhenTheWindowPasses) {
  LoginThrottle throttle;
  Fail(throttle, 5, "alice", "10.0.0.1");
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "x", kStart + minutes(10)), 5 * 60);
  // Part of a second left is still a second to wait.
  EXPECT_EQ(
      throttle.RetryAfterSeconds("alice", "x", kStart + minutes(15) - std::chrono::milliseconds(1)),
      1);
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "x", kStart + minutes(15)), 0);
}

TEST(LoginThrottle, FailuresInAnOldWindowDoNotCount) {
  LoginThrottle throttle;
  Fail(throttle, 4, "alice", "10.0.0.1");
  Fail(throttle, 1, "alice", "10.0.0.1", kStart + minutes(16));  // opens a new window
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "10.0.0.1", kStart + minutes(16)), 0);
  Fail(throttle, 3, "alice", "10.0.0.1", kStart + minutes(17));
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "10.0.0.1", kStart + minutes(17)), 0);
  Fail(throttle, 1, "alice", "10.0.0.1", kStart + minutes(18));
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "10.0.0.1", kStart + minutes(18)), 13 * 60);
}

TEST(LoginThrottle, SuccessResetsTheAccountButNotTheAddress) {
  LoginThrottle throttle;
  Fail(throttle, 4, "alice", "10.0.0.1");
  throttle.RecordSuccess("alice");
  Fail(throttle, 4, "alice", "10.0.0.1");
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "10.0.0.1", kStart), 0);
  // The address has seen 8 failures; 12 more lock it even though alice logged in between.
  for (int i = 0; i < 12; ++i) Fail(throttle, 1, "other" + std::to_string(i), "10.0.0.1");
  EXPECT_GT(throttle.RetryAfterSeconds("alice", "10.0.0.1", kStart), 0);
}

TEST(LoginThrottle, LimitsAreSettable) {
  LoginThrottle throttle(
      {.failures_per_account = 2, .failures_per_address = 3, .window = seconds(30)});
  Fail(throttle, 2, "alice", "a");
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "b", kStart), 30);
  Fail(throttle, 1, "bob", "a");
  EXPECT_EQ(throttle.RetryAfterSeconds("carol", "a", kStart), 30);
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "b", kStart + seconds(30)), 0);
}

}  // namespace
}  // namespace grassroots::auth
