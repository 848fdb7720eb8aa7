#include "auth/login_throttle.h"

#include <algorithm>

namespace grassroots::auth {
namespace {

// Past this many entries in one map, those that no longer matter are dropped, so that guessing
// with made-up names from many addresses cannot grow memory without bound.
constexpr std::size_t kPruneAbove = 10'000;

template <typename Map>
const typename Map::mapped_type* Find(const Map& map, const typename Map::key_type& key) {
  const auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

}  // namespace

LoginThrottle::Clock::time_point LoginThrottle::AllowedAt(const Count* count, const Ladder& ladder,
                                                          Clock::time_point now) const {
  if (count == nullptr || now - count->last >= limits_.forget) return now;
  const int beyond = count->failures - ladder.free;
  if (beyond <= 0) return now;
  // first_wait << (beyond - 1), without overflowing the shift.
  seconds wait = ladder.first_wait;
  for (int i = 1; i < beyond && wait < ladder.longest_wait; ++i) wait *= 2;
  return count->last + std::min(wait, ladder.longest_wait);
}

bool LoginThrottle::Trusted(const Pair& pair, Clock::time_point now) const {
  const Clock::time_point* since = Find(trusted_, pair);
  return since != nullptr && now - *since < limits_.trust;
}

int LoginThrottle::RetryAfterSeconds(const std::string& account, const std::string& address,
                                     Clock::time_point now) {
  std::lock_guard lock(mutex_);
  const Pair pair{account, address};
  Clock::time_point allowed = AllowedAt(Find(pairs_, pair), limits_.pair, now);
  if (!Trusted(pair, now)) {
    allowed = std::max(allowed, AllowedAt(Find(addresses_, address), limits_.address, now));
    allowed = std::max(allowed, AllowedAt(Find(accounts_, account), limits_.account, now));
  }
  if (allowed <= now) return 0;
  return static_cast<int>(std::chrono::ceil<seconds>(allowed - now).count());
}

template <typename Key>
void LoginThrottle::Add(Counts<Key>& counts, const Key& key, const Ladder& ladder,
                        Clock::time_point now) {
  if (counts.size() > kPruneAbove) Prune(counts, ladder, now);
  Count& count = counts[key];
  if (count.failures > 0 && now - count.last >= limits_.forget) count.failures = 0;
  ++count.failures;
  count.last = now;
}

// Drops the forgotten counts; if that is not enough, also those that make nobody wait (a flood
// of made-up names from many addresses leaves counts of one failure each).
template <typename Key>
void LoginThrottle::Prune(Counts<Key>& counts, const Ladder& ladder, Clock::time_point now) {
  std::erase_if(counts,
                [&](const auto& entry) { return now - entry.second.last >= limits_.forget; });
  if (counts.size() <= kPruneAbove / 2) return;
  std::erase_if(counts, [&](const auto& entry) { return entry.second.failures <= ladder.free; });
}

void LoginThrottle::RecordFailure(const std::string& account, const std::string& address,
                                  Clock::time_point now) {
  std::lock_guard lock(mutex_);
  Add(pairs_, Pair{account, address}, limits_.pair, now);
  Add(addresses_, address, limits_.address, now);
  Add(accounts_, account, limits_.account, now);
}

void LoginThrottle::RecordSuccess(const std::string& account, const std::string& address,
                                  Clock::time_point now) {
  std::lock_guard lock(mutex_);
  Pair pair{account, address};
  pairs_.erase(pair);
  if (trusted_.size() > kPruneAbove) {
    std::erase_if(trusted_, [&](const auto& entry) { return now - entry.second >= limits_.trust; });
  }
  trusted_.insert_or_assign(std::move(pair), now);
}

}  // namespace grassroots::auth
