#include "http/read_memo.h"

#include <utility>

#include "http/errors.h"
#include "http/route.h"

namespace grassroots::http {

void ReadMemo::Answer(Call& call, const std::string& key, const std::function<void()>& answer) {
  const core::Result<std::int64_t> version = call.store.DataVersion();
  if (!version.ok()) return answer();
  std::promise<std::shared_ptr<const Kept>> promise;
  std::shared_future<std::shared_ptr<const Kept>> computing;  // someone else's
  std::uint64_t entered = 0;
  {
    std::lock_guard lock(mutex_);
    entered = Enter(key, version.value(), computing, promise);
  }
  if (computing.valid()) {
    const std::shared_ptr<const Kept> kept = computing.get();
    if (kept != nullptr) return WriteJsonText(call.res, kept->body, kept->status);
    return answer();  // the one computing it got an error: try for itself
  }
  try {
    answer();
  } catch (...) {
    if (entered != 0) Finish(key, entered, promise, nullptr);
    throw;
  }
  if (entered == 0) return;
  const bool keep =
      call.res.status == 200 && key.size() + call.res.body.size() <= limits_.max_bytes;
  Finish(key, entered, promise,
         keep ? std::make_shared<const Kept>(Kept{call.res.status, call.res.body}) : nullptr);
}

std::uint64_t ReadMemo::Enter(const std::string& key, std::int64_t version,
                              std::shared_future<std::shared_ptr<const Kept>>& computing,
                              std::promise<std::shared_ptr<const Kept>>& promise) {
  if (version > newest_) {
    DropOlderThan(version);
    newest_ = version;
  }
  auto it = entries_.find(key);
  if (it != entries_.end() && it->second.version == version) {
    used_.splice(used_.begin(), used_, it->second.used);
    computing = it->second.kept;
    return 0;
  }
  // Older than the newest version seen: what it computes holds for no later request.
  if (version < newest_) return 0;
  if (it != entries_.end()) Erase(it);  // cannot be: older entries were dropped
  const std::uint64_t serial = ++serials_;
  it = entries_.emplace(key, Entry{version, serial, promise.get_future().share(), 0, {}}).first;
  used_.push_front(&it->first);
  it->second.used = used_.begin();
  EvictOverBudget(&it->first);
  return serial;
}

void ReadMemo::Finish(const std::string& key, std::uint64_t serial,
                      std::promise<std::shared_ptr<const Kept>>& promise,
                      std::shared_ptr<const Kept> kept) {
  std::lock_guard lock(mutex_);
  promise.set_value(kept);  // wakes those waiting, whether or not it is kept
  auto it = entries_.find(key);
  // Replaced, dropped as stale or evicted since: those waiting have their answer, keep nothing.
  if (it == entries_.end() || it->second.serial != serial) return;
  if (kept == nullptr) return Erase(it);
  it->second.bytes = key.size() + kept->body.size();
  bytes_ += it->second.bytes;
  EvictOverBudget(&it->first);
}

void ReadMemo::Erase(Map::iterator it) {
  bytes_ -= it->second.bytes;
  used_.erase(it->second.used);
  entries_.erase(it);
}

// Those waiting for an answer being computed hold its future: dropping the entry only means the
// answer is not kept when it comes.
void ReadMemo::DropOlderThan(std::int64_t version) {
  for (auto it = entries_.begin(); it != entries_.end();) {
    auto next = std::next(it);
    if (it->second.version < version) Erase(it);
    it = next;
  }
}

// The least recently used go first; `keep` (the entry just entered or kept) stays: Answer keeps
// no answer that alone is over the budget.
void ReadMemo::EvictOverBudget(const std::string* keep) {
  while ((bytes_ > limits_.max_bytes || entries_.size() > limits_.max_entries) && !used_.empty()) {
    const std::string* oldest = used_.back();
    if (oldest == keep) break;
    Erase(entries_.find(*oldest));
  }
}

std::size_t ReadMemo::Entries() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

std::size_t ReadMemo::Bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

std::string ScopeKey(const core::Principal& who) {
  MemoKey key(core::ToString(who.role));
  for (const std::string& code : who.scope) key.Add(code);
  return key.text();
}

MemoKey& MemoKey::Add(std::string_view part) {
  text_ += std::to_string(part.size());
  text_ += ':';
  text_ += part;
  return *this;
}

}  // namespace grassroots::http
