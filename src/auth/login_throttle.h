// Slows password guessing without handing anyone a way to lock others out. Three counts of
// failed logins, each a ladder: a number of free failures, then a wait before the next attempt
// that doubles with each further failure (1 s, 2 s, 4 s, ...) up to a cap.
// - One account from one address (the pair): someone guessing at an account slows only their
//   own line; the account's owner signing in from another address does not wait.
// - One address, all accounts (the address ceiling): someone trying many accounts from one
//   address is slowed on every account they try from there, but an account that signed in from
//   that address before (a trusted pair) is not, so a guesser behind a shared proxy or NAT does
//   not hold up the colleagues who share its address.
// - One account, all addresses (the account ceiling): guessing at one account from many
//   addresses is slowed; its cap is low (it slows, never locks), and trusted pairs are exempt,
//   so the owner keeps signing in from where they usually do.
// A count whose last failure is older than `forget` starts again from zero. Waits are refused
// before any password is checked and do not count as failures.
//
// The rule is the free functions below, on counts wherever they are kept: the servers keep them
// in their database (app/login_guard.h, storage/login_counts.h), so that every server on one
// database slows the same guesser; LoginThrottle keeps them in memory for one process.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace grassroots::auth {

// Times are durations since an epoch the caller chooses (a steady clock's, or Unix time), the
// same for every count it compares.
using Millis = std::chrono::milliseconds;

struct ThrottleLadder {
  int free = 5;                           // failures before any wait
  std::chrono::seconds first_wait{1};     // after the first failure beyond the free ones;
                                          // doubles after each
  std::chrono::seconds longest_wait{60};  // the cap
};

struct ThrottleLimits {
  ThrottleLadder pair{5, std::chrono::seconds(1), std::chrono::seconds(15 * 60)};
  ThrottleLadder address{30, std::chrono::seconds(1), std::chrono::seconds(5 * 60)};
  ThrottleLadder account{50, std::chrono::seconds(1), std::chrono::seconds(30)};
  std::chrono::seconds forget{60 * 60};
  std::chrono::seconds trust{30 * 24 * 60 * 60};  // how long a successful sign-in trusts its pair
};

// One count: failures, and when the last one was.
struct FailureCount {
  int failures = 0;
  Millis last{0};
};

// What the rule reads of one attempt of `account` from `address`: its three counts (nullopt:
// none) and when the pair last signed in successfully (nullopt: never, or forgotten).
struct AttemptCounts {
  std::optional<FailureCount> pair;
  std::optional<FailureCount> address;
  std::optional<FailureCount> account;
  std::optional<Millis> trusted_since;
};

// Seconds to wait before the attempt is allowed; 0 when allowed now. Rounded up: a client told
// 0 is really allowed.
int RetryAfterSeconds(const AttemptCounts& counts, const ThrottleLimits& limits, Millis now);

// `count` after one more failure at `now` (a forgotten count starts again from zero).
FailureCount AddFailure(const std::optional<FailureCount>& count, const ThrottleLimits& limits,
                        Millis now);

// Whether the rule no longer reads `count` (its last failure is `forget` old), or the trust of a
// sign-in at `since`.
bool Forgotten(const FailureCount& count, const ThrottleLimits& limits, Millis now);
bool TrustEnded(Millis since, const ThrottleLimits& limits, Millis now);

// The rule with its counts in this process's memory. Thread-safe; a restart forgets everything.
class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  using seconds = std::chrono::seconds;
  using Ladder = ThrottleLadder;
  using Limits = ThrottleLimits;

  LoginThrottle() : LoginThrottle(Limits{}) {}
  explicit LoginThrottle(Limits limits) : limits_(limits) {}

  // Seconds to wait before `account` may try again from `address`; 0 when allowed now.
  int RetryAfterSeconds(const std::string& account, const std::string& address,
                        Clock::time_point now = Clock::now());
  void RecordFailure(const std::string& account, const std::string& address,
                     Clock::time_point now = Clock::now());
  // Clears the pair's count and trusts the pair. The address and account counts stay: an
  // account the guesser owns must not reset the count of an address that tries many others.
  void RecordSuccess(const std::string& account, const std::string& address,
                     Clock::time_point now = Clock::now());

 private:
  template <typename Key>
  using Counts = std::map<Key, FailureCount>;
  using Pair = std::pair<std::string, std::string>;  // account, address

  template <typename Key>
  void Add(Counts<Key>& counts, const Key& key, const Ladder& ladder, Millis now);
  template <typename Key>
  void Prune(Counts<Key>& counts, const Ladder& ladder, Millis now);

  const Limits limits_;
  std::mutex mutex_;
  Counts<Pair> pairs_;
  Counts<std::string> addresses_;
  Counts<std::string> accounts_;
  std::map<Pair, Millis> trusted_;  // last successful sign-in
};

}  // namespace grassroots::auth
