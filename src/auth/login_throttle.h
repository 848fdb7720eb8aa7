// Slows password guessing: after 5 failures within 15 minutes for one account or 20 for one
// address, further attempts are refused until the window passes. Thread-safe; in memory.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace grassroots::auth {

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;

  struct Limits {
    int failures_per_account = 5;
    int failures_per_address = 20;
    std::chrono::seconds window{15 * 60};
  };

  LoginThrottle() : LoginThrottle(Limits{}) {}
  explicit LoginThrottle(Limits limits) : limits_(limits) {}

  // Seconds to wait before `account` may try again from `address`; 0 when allowed now.
  int RetryAfterSeconds(const std::string& account, const std::string& address,
                        Clock::time_point now = Clock::now());
  void RecordFailure(const std::string& account, const std::string& address,
                     Clock::time_point now = Clock::now());
  // Clears the account's failures. The address keeps its count: one account the guesser owns
  // must not reset the count of an address that tries many others.
  void RecordSuccess(const std::string& account);

 private:
  // A fixed window: it opens at the first failure and counts failures until it expires.
  struct Window {
    int failures = 0;
    Clock::time_point start;
  };
  using Windows = std::map<std::string, Window>;

  int WaitFor(const Windows& windows, const std::string& key, int limit,
              Clock::time_point now) const;
  void Count(Windows& windows, const std::string& key, Clock::time_point now);
  void DropExpired(Windows& windows, Clock::time_point now);

  const Limits limits_;
  std::mutex mutex_;
  Windows accounts_;
  Windows addresses_;
};

}  // namespace grassroots::auth
