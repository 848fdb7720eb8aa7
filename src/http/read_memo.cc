#include "http/read_memo.h"

#include <optional>
#include <utility>

#include "http/errors.h"
#include "http/route.h"

namespace grassroots::http {

void ReadMemo::Answer(Call& call, const std::string& key, const std::function<void()>& answer) {
  const core::Result<std::int64_t> version = call.store.DataVersion();
  if (!version.ok()) return answer();
  std::promise<std::shared_ptr<const Kept>> promise;
  std::shared_future<std::shared_ptr<const Kept>> computing;  // someone else's
  bool entered = false;
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end() && it->second.version == version.value()) {
      computing = it->second.kept;
    } else if (it == entries_.end() || it->second.version < version.value()) {
      if (it != entries_.end()) {
        bytes_ -= it->second.bytes;
        entries_.erase(it);
      }
      entries_.emplace(key, Entry{version.value(), promise.get_future().share(), 0});
      entered = true;
    }  // else kept for a newer version than this request's snapshot: answer, keep nothing
  }
  if (computing.valid()) {
    const std::shared_ptr<const Kept> kept = computing.get();
    if (kept != nullptr) return WriteJsonText(call.res, kept->body, kept->status);
    return answer();  // the one computing it got an error: try for itself
  }
  try {
    answer();
  } catch (...) {
    if (entered) Finish(key, version.value(), promise, nullptr);
    throw;
  }
  if (!entered) return;
  const bool keep = call.res.status == 200 && call.res.body.size() <= kMaxBytes;
  Finish(key, version.value(), promise,
         keep ? std::make_shared<const Kept>(Kept{call.res.status, call.res.body}) : nullptr);
}

void ReadMemo::Finish(const std::string& key, std::int64_t version,
                      std::promise<std::shared_ptr<const Kept>>& promise,
                      std::shared_ptr<const Kept> kept) {
  std::lock_guard lock(mutex_);
  promise.set_value(kept);  // wakes those waiting, whether or not it is kept
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.version != version) return;  // replaced since
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
