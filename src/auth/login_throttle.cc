#include "auth/login_throttle.h"

#include <algorithm>

namespace grassroots::auth {
namespace {

// Past this many entries in one map, those that no longer matter are dropped, so that guessing
// with made-up names from many addresses cannot grow memory without bound.
constexpr std::size_t kPruneAbove = 10'000;

template <typename Map>
std::optional<typename Map::mapped_type> Find(const Map& map, const typename Map::key_type& key) {
  const auto it = map.find(key);
  if (it == map.end()) return std::nullopt;
  return it->second;
}

Millis Since(LoginThrottle::Clock::time_point now) {
  return std::chrono::duration_cast<Millis>(now.time_since_epoch());
}

// When the next attempt is allowed by `count` on `ladder` (a time not after `now` when free).
Millis AllowedAt(const std::optional<FailureCount>& count, const ThrottleLadder& ladder,
                 const ThrottleLimits& limits, Millis now) {
  if (!count || Forgotten(*count, limits, now)) return now;
  const int beyond = count->failures - ladder.free;
  if (beyond <= 0) return now;
  // first_wait << (beyond - 1), without overflowing the shift.
  std::chrono::seconds wait = ladder.first_wait;
  for (int i = 1; i < beyond && wait < ladder.longest_wait; ++i) wait *= 2;
  return count->last + std::min(wait, ladder.longest_wait);
}

}  // namespace

bool Forgotten(const FailureCount& count, const ThrottleLimits& limits, Millis now) {
  return now - count.last >= limits.forget;
}

bool TrustEnded(Millis since, const ThrottleLimits& limits, Millis now) {
  return now - since >= limits.trust;
}

int RetryAfterSeconds(const AttemptCounts& counts, const ThrottleLimits& limits, Millis now) {
  Millis allowed = AllowedAt(counts.pair, limits.pair, limits, now);
  const bool trusted = counts.trusted_since && !TrustEnded(*counts.trusted_since, limits, now);
  if (!trusted) {
    allowed = std::max(allowed, AllowedAt(counts.address, limits.address, limits, now));
    allowed = std::max(allowed, AllowedAt(counts.account, limits.account, limits, now));
  }
  if (allowed <= now) return 0;
  return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(allowed - now).count());
}

FailureCount AddFailure(const std::optional<FailureCount>& count, const ThrottleLimits& limits,
                        Millis now) {
  FailureCount next = count.value_or(FailureCount{});
  if (next.failures > 0 && Forgotten(next, limits, now)) next.failures = 0;
  ++next.failures;
  next.last = now;
  return next;
}

int LoginThrottle::RetryAfterSeconds(const std::string& account, const std::string& address,
                                     Clock::time_point now) {
  std::lock_guard lock(mutex_);
  const Pair pair{account, address};
  const AttemptCounts counts{Find(pairs_, pair), Find(addresses_, address),
                             Find(accounts_, account), Find(trusted_, pair)};
  return auth::RetryAfterSeconds(counts, limits_, Since(now));
}

template <typename Key>
void LoginThrottle::Add(Counts<Key>& counts, const Key& key, const Ladder& ladder, Millis now) {
  if (counts.size() > kPruneAbove) Prune(counts, ladder, now);
  FailureCount& count = counts[key];
  count = AddFailure(count, limits_, now);
}

// Drops the forgotten counts; if that is not enough, also those that make nobody wait (a flood
// of made-up names from many addresses leaves counts of one failure each).
template <typename Key>
void LoginThrottle::Prune(Counts<Key>& counts, const Ladder& ladder, Millis now) {
  std::erase_if(counts, [&](const auto& entry) { return Forgotten(entry.second, limits_, now); });
  if (counts.size() <= kPruneAbove / 2) return;
  std::erase_if(counts, [&](const auto& entry) { return entry.second.failures <= ladder.free; });
}

void LoginThrottle::RecordFailure(const std::string& account, const std::string& address,
                                  Clock::time_point now) {
  std::lock_guard lock(mutex_);
  const Millis at = Since(now);
  Add(pairs_, Pair{account, address}, limits_.pair, at);
  Add(addresses_, address, limits_.address, at);
  Add(accounts_, account, limits_.account, at);
}

void LoginThrottle::RecordSuccess(const std::string& account, const std::string& address,
                                  Clock::time_point now) {
  std::lock_guard lock(mutex_);
  const Millis at = Since(now);
  Pair pair{account, address};
  pairs_.erase(pair);
  if (trusted_.size() > kPruneAbove) {
    std::erase_if(trusted_,
                  [&](const auto& entry) { return TrustEnded(entry.second, limits_, at); });
  }
  trusted_.insert_or_assign(std::move(pair), at);
}

}  // namespace grassroots::auth
