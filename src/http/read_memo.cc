#include "http/read_memo.h"

#include <optional>
#include <utility>

#include "http/errors.h"
#include "http/route.h"

namespace grassroots::http {
namespace {

// The version each of this thread's connections had when the thread last looked, keyed by the
// connection (a thread keeps its connections for as long as it lives).
using SeenVersions = std::unordered_map<const storage::Store*, storage::Store::Version>;

SeenVersions& Seen() {
  thread_local SeenVersions seen;
  return seen;
}

}  // namespace

std::uint64_t ReadMemo::Look(Call& call) {
  // Read before the snapshot begins (DataVersion begins it): an answer computed in the snapshot
  // is kept under this epoch, and any change after the snapshot began moves the epoch past it.
  const std::uint64_t before = epoch_.load();
  const std::optional<storage::Store::Version> version = call.store.DataVersion();
  if (!version) {
    epoch_.fetch_add(1);  // cannot tell: nothing kept so far holds
    return before;        // and nothing computed now is kept for a later epoch
  }
  auto [it, first] = Seen().try_emplace(&call.store, *version);
  if (first || it->second != *version) {
    it->second = *version;
    epoch_.fetch_add(1);
  }
  return before;
}

void ReadMemo::Answer(Call& call, const std::string& key, const std::function<void()>& answer) {
  const std::uint64_t epoch = Look(call);
  std::promise<std::shared_ptr<const Kept>> promise;
  std::shared_future<std::shared_ptr<const Kept>> computing;  // someone else's
  bool entered = false;
  {
    std::lock_guard lock(mutex_);
    // An answer holds only while no thread has seen a change since its epoch was read; this
    // request's epoch (read before its snapshot began) must be the current one too.
    if (epoch_.load() == epoch) {
      auto it = entries_.find(key);
      if (it != entries_.end() && it->second.epoch == epoch) {
        computing = it->second.kept;
      } else {
        if (it != entries_.end()) {
          bytes_ -= it->second.bytes;
          entries_.erase(it);
        }
        entries_.emplace(key, Entry{epoch, promise.get_future().share(), 0});
        entered = true;
      }
    }
  }
  if (computing.valid()) {
    const std::shared_ptr<const Kept> kept = computing.get();
    if (kept != nullptr) return WriteJsonText(call.res, kept->body, kept->status);
    return answer();  // the one computing it got an error: try for itself
  }
  try {
    answer();
  } catch (...) {
    if (entered) Finish(key, epoch, promise, nullptr);
    throw;
  }
  if (!entered) return;
  const bool keep = call.res.status == 200 && call.res.body.size() <= kMaxBytes;
  Finish(key, epoch, promise,
         keep ? std::make_shared<const Kept>(Kept{call.res.status, call.res.body}) : nullptr);
}

void ReadMemo::Finish(const std::string& key, std::uint64_t epoch,
                      std::promise<std::shared_ptr<const Kept>>& promise,
                      std::shared_ptr<const Kept> kept) {
  std::lock_guard lock(mutex_);
  promise.set_value(kept);  // wakes those waiting, whether or not it is kept
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.epoch != epoch) return;  // replaced since
  if (kept == nullptr) {
    entries_.erase(it);
    return;
  }
  if (bytes_ + kept->body.size() > kMaxBytes) {
    // Start again with only this answer; the others are computed again when asked for.
    Entry entry = std::move(it->second);
    entries_.clear();
    it = entries_.emplace(key, std::move(entry)).first;
    bytes_ = 0;
  }
  it->second.bytes = kept->body.size();
  bytes_ += it->second.bytes;
}

std::string ScopeKey(const core::Principal& who) {
  std::string key(core::ToString(who.role));
  for (const std::string& code : who.scope) {
    key += '\x1f';
    key += code;
  }
  return key;
}

}  // namespace grassroots::http
