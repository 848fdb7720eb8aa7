#include "http/session_cache.h"

namespace grassroots::http {

std::optional<Authenticated> SessionCache::Find(const std::string& token_hash,
                                                std::int64_t now_seconds,
                                                Clock::time_point now) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(token_hash);
  if (it == entries_.end()) return std::nullopt;
  if (now - it->second.cached_at >= kLifetime) return std::nullopt;
  if (it->second.found.session.expires_at <= now_seconds) return std::nullopt;
  return it->second.found;
}

std::uint64_t SessionCache::Generation() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

void SessionCache::Put(const Authenticated& found, std::uint64_t generation,
                       Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (generation != generation_) return;
  // Stale entries are only ever replaced, never swept one by one: when the map is full it is
  // emptied, which costs each live session one database read.
  if (entries_.size() >= kCapacity) entries_.clear();
  entries_.insert_or_assign(found.session.token_hash, Entry{found, now});
}

void SessionCache::Forget(const std::string& token_hash) {
  std::lock_guard lock(mutex_);
  ++generation_;
  entries_.erase(token_hash);
}

void SessionCache::Clear() {
  std::lock_guard lock(mutex_);
  ++generation_;
  entries_.clear();
}

}  // namespace grassroots::http
