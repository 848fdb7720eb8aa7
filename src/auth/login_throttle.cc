#include "auth/login_throttle.h"

#include <algorithm>

namespace grassroots::auth {
namespace {

// Past this many tracked names, expired windows are dropped, so that guessing with many
// made-up account names cannot grow memory without bound.
constexpr std::size_t kPruneAbove = 10000;

}  // namespace

int LoginThrottle::WaitFor(const Windows& windows, const std::string& key, int limit,
                           Clock::time_point now) const {
  const auto found = windows.find(key);
  if (found == windows.end() || found->second.failures < limit) return 0;
  const Clock::time_point end = found->second.start + limits_.window;
  if (now >= end) return 0;
  // Rounded up: a client told "0" must really be allowed.
  const auto left = std::chrono::ceil<std::chrono::seconds>(end - now);
  return static_cast<int>(left.count());
}

int LoginThrottle::RetryAfterSeconds(const std::string& account, const std::string& address,
                                     Clock::time_point now) {
  std::lock_guard lock(mutex_);
  return std::max(WaitFor(accounts_, account, limits_.failures_per_account, now),
                  WaitFor(addresses_, address, limits_.failures_per_address, now));
}

void LoginThrottle::Count(Windows& windows, const std::string& key, Clock::time_point now) {
  if (windows.size() > kPruneAbove) DropExpired(windows, now);
  Window& window = windows[key];
  if (window.failures == 0 || now >= window.start + limits_.window) {
    window = {0, now};
  }
  ++window.failures;
}

void LoginThrottle::DropExpired(Windows& windows, Clock::time_point now) {
  std::erase_if(windows,
                [&](const auto& entry) { return now >= entry.second.start + limits_.window; });
}

void LoginThrottle::RecordFailure(const std::string& account, const std::string& address,
                                  Clock::time_point now) {
  std::lock_guard lock(mutex_);
  Count(accounts_, account, now);
  Count(addresses_, address, now);
}

void LoginThrottle::RecordSuccess(const std::string& account) {
  std::lock_guard lock(mutex_);
  accounts_.erase(account);
}

}  // namespace grassroots::auth
