#include "http/read_memo.h"

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <utility>

#include "http/errors.h"

namespace grassroots::http {
namespace {

struct Remembered {
  storage::Store::Version version;
  std::string body;
};

struct ThreadMemo {
  // Keyed by the connection too: a thread may serve more than one database (tests do).
  std::unordered_map<std::string, Remembered> answers;
  std::size_t bytes = 0;
};

// A thread keeps at most this much; past it, it starts again. A county's summary is about
// 5 KB, so this holds every year and scope a county's users ask for.
constexpr std::size_t kMaxBytesPerThread = 4 << 20;

ThreadMemo& Memo() {
  thread_local ThreadMemo memo;
  return memo;
}

}  // namespace

void AnswerRemembered(Call& call, const std::string& key, const std::function<void()>& answer) {
  const std::optional<storage::Store::Version> version = call.store.DataVersion();
  if (!version) return answer();
  ThreadMemo& memo = Memo();
  std::string full_key = std::to_string(reinterpret_cast<std::uintptr_t>(&call.store));
  full_key += '\x1f';
  full_key += key;
  if (auto it = memo.answers.find(full_key);
      it != memo.answers.end() && it->second.version == *version) {
    return WriteJsonText(call.res, it->second.body);
  }
  answer();
  if (call.res.status != 200 || call.res.body.size() > kMaxBytesPerThread) return;
  if (memo.bytes + call.res.body.size() > kMaxBytesPerThread) {
    memo.answers.clear();
    memo.bytes = 0;
  }
  auto [it, inserted] = memo.answers.try_emplace(std::move(full_key));
  if (!inserted) memo.bytes -= it->second.body.size();
  it->second = {*version, call.res.body};
  memo.bytes += it->second.body.size();
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
