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
// before any password is checked and do not count as failures. Thread-safe; in memory (a
// restart forgets everything).
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace grassroots::auth {

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  using seconds = std::chrono::seconds;

  struct Ladder {
    int free = 5;              // failures before any wait
    seconds first_wait{1};     // after the first failure beyond the free ones; doubles after each
    seconds longest_wait{60};  // the cap
  };

  struct Limits {
    Ladder pair{5, seconds(1), seconds(15 * 60)};
    Ladder address{30, seconds(1), seconds(5 * 60)};
    Ladder account{50, seconds(1), seconds(30)};
    seconds forget{60 * 60};
    seconds trust{30 * 24 * 60 * 60};  // how long a successful sign-in trusts its pair
  };

  LoginThrottle() : LoginThrottle(Limits{}) {}
  explicit LoginThrottle(Limits limits) : limits_(limits) {}

  // Seconds to wait before `account` may try again from `address`; 0 when allowed now. Rounded
  // up: a client told 0 is really allowed.
  int RetryAfterSeconds(const std::string& account, const std::string& address,
                        Clock::time_point now = Clock::now());
  void RecordFailure(const std::string& account, const std::string& address,
                     Clock::time_point now = Clock::now());
  // Clears the pair's count and trusts the pair. The address and account counts stay: an
  // account the guesser owns must not reset the count of an address that tries many others.
  void RecordSuccess(const std::string& account, const std::string& address,
                     Clock::time_point now = Clock::now());

 private:
  struct Count {
    int failures = 0;
    Clock::time_point last;
  };
  template <typename Key>
  using Counts = std::map<Key, Count>;
  using Pair = std::pair<std::string, std::string>;  // account, address

  // When the next attempt is allowed by `count` on `ladder` (a time not after `now` when free).
  Clock::time_point AllowedAt(const Count* count, const Ladder& ladder,
                              Clock::time_point now) const;
  bool Trusted(const Pair& pair, Clock::time_point now) const;
  template <typename Key>
  void Add(Counts<Key>& counts, const Key& key, const Ladder& ladder, Clock::time_point now);
  template <typename Key>
  void Prune(Counts<Key>& counts, const Ladder& ladder, Clock::time_point now);

  const Limits limits_;
  std::mutex mutex_;
  Counts<Pair> pairs_;
  Counts<std::string> addresses_;
  Counts<std::string> accounts_;
  std::map<Pair, Clock::time_point> trusted_;  // last successful sign-in
};

}  // namespace grassroots::auth
