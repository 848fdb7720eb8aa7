#include "auth/login_throttle.h"

#include <gtest/gtest.h>

namespace grassroots::auth {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;
using Time = LoginThrottle::Clock::time_point;

const Time kStart{hours(1000)};

void Fail(LoginThrottle& throttle, int times, const std::string& account,
          const std::string& address, Time now = kStart) {
  for (int i = 0; i < times; ++i) throttle.RecordFailure(account, address, now);
}

TEST(LoginThrottle, APairGetsFreeFailuresThenWaitsThatDoubleUpToACap) {
  LoginThrottle throttle;
  Fail(throttle, 5, "alice", "10.0.0.1");
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "10.0.0.1", kStart), 0);
  const int expected[] = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900};
  Time now = kStart;
  for (int wait : expected) {
    Fail(throttle, 1, "alice", "10.0.0.1", now);
    EXPECT_EQ(throttle.RetryAfterSeconds("alice", "10.0.0.1", now), wait);
    now += seconds(wait);
    EXPECT_EQ(throttle.RetryAfterSeconds("alice", "10.0.0.1", now), 0);
  }
}

TEST(LoginThrottle, GuessingAtAnAccountFromOneAddressDoesNotSlowItsOwnerElsewhere) {
  LoginThrottle throttle;
  Fail(throttle, 40, "alice", "203.0.113.9");
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "203.0.113.9", kStart), 900);
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "10.0.0.1", kStart), 0);
  EXPECT_EQ(throttle.RetryAfterSeconds("bob", "10.0.0.1", kStart), 0);
}

TEST(LoginThrottle, ManyAccountsFromOneAddressSlowThatAddressButNotItsTrustedPairs) {
  LoginThrottle throttle;
  throttle.RecordSuccess("carol", "10.9.9.9", kStart - hours(2));  // carol works behind the proxy
  for (int i = 0; i < 30; ++i) Fail(throttle, 1, "user" + std::to_string(i), "10.9.9.9");
  EXPECT_EQ(throttle.RetryAfterSeconds("someone", "10.9.9.9", kStart), 0);
  Fail(throttle, 1, "user30", "10.9.9.9");
  EXPECT_EQ(throttle.RetryAfterSeconds("someone", "10.9.9.9", kStart), 1);
  Fail(throttle, 1, "user31", "10.9.9.9");
  EXPECT_EQ(throttle.RetryAfterSeconds("someone", "10.9.9.9", kStart), 2);
  EXPECT_EQ(throttle.RetryAfterSeconds("carol", "10.9.9.9", kStart), 0);
  EXPECT_EQ(throttle.RetryAfterSeconds("someone", "10.0.0.2", kStart), 0);
  // The ceiling's cap: however long the spray, an untrusted account waits 5 minutes at most.
  for (int i = 0; i < 200; ++i) Fail(throttle, 1, "x" + std::to_string(i), "10.9.9.9");
  EXPECT_EQ(throttle.RetryAfterSeconds("someone", "10.9.9.9", kStart), 300);
}

TEST(LoginThrottle, OneAccountFromManyAddressesIsSlowedNeverLockedAndItsOwnerIsNot) {
  LoginThrottle throttle;
  throttle.RecordSuccess("alice", "10.0.0.1", kStart - hours(30));
  for (int i = 0; i < 1000; ++i) Fail(throttle, 1, "alice", "198.51." + std::to_string(i));
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "192.0.2.1", kStart), 30);
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "10.0.0.1", kStart), 0);
}

TEST(LoginThrottle, TrustEndsAfterItsTime) {
  LoginThrottle throttle({.account = {1, seconds(1), seconds(30)}, .trust = hours(24)});
  throttle.RecordSuccess("alice", "10.0.0.1", kStart - hours(25));
  Fail(throttle, 3, "alice", "198.51.0.1");
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "10.0.0.1", kStart), 2);
}

TEST(LoginThrottle, ACountIsForgottenAnHourAfterItsLastFailure) {
  LoginThrottle throttle;
  Fail(throttle, 8, "alice", "10.0.0.1");
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "10.0.0.1", kStart + minutes(59)), 0);
  Fail(throttle, 1, "alice", "10.0.0.1", kStart + minutes(59));  // still counted: 9 failures
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "10.0.0.1", kStart + minutes(59)), 8);
  Fail(throttle, 5, "alice", "10.0.0.1", kStart + minutes(59) + hours(1));  // starts again
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "10.0.0.1", kStart + minutes(59) + hours(1)), 0);
}

TEST(LoginThrottle, PartOfASecondLeftIsASecondToWait) {
  LoginThrottle throttle;
  Fail(throttle, 7, "alice", "10.0.0.1");  // 2 s
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "10.0.0.1", kStart + milliseconds(1999)), 1);
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "10.0.0.1", kStart + milliseconds(2000)), 0);
}

TEST(LoginThrottle, SuccessClearsThePairButNotTheAddress) {
  LoginThrottle throttle;
  Fail(throttle, 8, "mallory", "10.0.0.1");
  throttle.RecordSuccess("mallory", "10.0.0.1");
  EXPECT_EQ(throttle.RetryAfterSeconds("mallory", "10.0.0.1", kStart), 0);
  // The address has seen 8 failures; 23 more on other accounts pass its ceiling even though
  // mallory signed in between.
  for (int i = 0; i < 23; ++i) Fail(throttle, 1, "other" + std::to_string(i), "10.0.0.1");
  EXPECT_EQ(throttle.RetryAfterSeconds("victim", "10.0.0.1", kStart), 1);
}

TEST(LoginThrottle, AFloodOfMadeUpNamesDoesNotEraseTheCountsThatMakeSomeoneWait) {
  LoginThrottle throttle;
  Fail(throttle, 8, "alice", "10.0.0.1");
  for (int i = 0; i < 30'000; ++i) {
    throttle.RecordFailure("n" + std::to_string(i), "a" + std::to_string(i), kStart);
  }
  EXPECT_EQ(throttle.RetryAfterSeconds("alice", "10.0.0.1", kStart), 4);
}

}  // namespace
}  // namespace grassroots::auth
