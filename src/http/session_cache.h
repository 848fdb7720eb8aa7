// Recently authenticated sessions, kept in memory so that a request does not read its session
// and user from the database every time. An entry lives one second at most, so a change made by
// another process (`grassroots user passwd`, a second server on the same database: an account
// disabled on server A is refused on server B) takes effect within that second; changes made
// through this server clear the cache at once. A busy session still reads the database only
// once a second.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/access.h"
#include "storage/store.h"

namespace grassroots::http {

struct Authenticated {
  storage::SessionRecord session;
  core::Principal principal;
  // The account's password was given by an administrator: until its holder changes it, only
  // the routes that let them (Route::before_password_change) answer.
  bool must_change_password = false;
};

class SessionCache {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::seconds kLifetime{1};
  static constexpr std::size_t kCapacity = 100'000;

  // The cached session for this token hash if it was cached less than kLifetime ago and the
  // session has not expired by `now_seconds` (wall clock, as stored).
  std::optional<Authenticated> Find(const std::string& token_hash, std::int64_t now_seconds,
                                    Clock::time_point now = Clock::now()) const;
  // Read before looking the session up in the database and hand it to Put: a Forget or Clear
  // in between (a logout, a password change) makes Put drop what may already be stale.
  std::uint64_t Generation() const;
  void Put(const Authenticated& found, std::uint64_t generation,
           Clock::time_point now = Clock::now());
  void Forget(const std::string& token_hash);
  void Clear();

 private:
  struct Entry {
    Authenticated found;
    Clock::time_point cached_at;
  };
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::uint64_t generation_ = 0;
};

}  // namespace grassroots::http
