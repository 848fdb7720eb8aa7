// Answers that are read often and cost queries to compute (the dashboard's summary and trend:
// every result of a year, aggregated; the organization list, an organization, a page of a stored
// assessment), computed once and given to every worker thread while the data has not changed.
//
// An answer is kept with the data version of the snapshot it was computed from
// (storage::Store::DataVersion: the newest audit entry, the same number on every connection),
// and holds for a request whose snapshot has the same version. A change committed anywhere (this
// server, the CLI, another server on the file or the PostgreSQL database) moves the version.
// Requests that ask while an answer of their version is being computed wait for it instead of
// computing it again: a province's summary takes about a second.
//
// Bounded: the first request that sees a newer version drops every answer of an older one (they
// can never be given again), and past the byte or the entry budget the least recently used
// answers go.
#pragma once

#include <cstdint>
#include <functional>
#include <future>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/access.h"

namespace grassroots::http {

struct Call;

class ReadMemo {
 public:
  struct Limits {
    std::size_t max_bytes = 64 << 20;  // bodies and keys of the answers kept, together
    std::size_t max_entries = 1024;
  };
  ReadMemo() : ReadMemo(Limits{}) {}
  explicit ReadMemo(Limits limits) : limits_(limits) {}

  // Gives call.res the answer of `key` if it holds for the data as call.store now sees it;
  // otherwise runs `answer`, which writes call.res, and keeps the body if it is a 200. `key` must
  // name everything the answer depends on besides the data (route, parameters, scope: see
  // MemoKey); the answer must not depend on the clock unless the key names the day.
  void Answer(Call& call, const std::string& key, const std::function<void()>& answer);

  // What is kept now (answers being computed included), for tests and monitoring.
  std::size_t Entries() const;
  std::size_t Bytes() const;

 private:
  struct Kept {
    int status = 0;
    std::string body;
  };
  struct Entry {
    std::int64_t version = 0;
    std::uint64_t serial = 0;                              // which computation entered it
    std::shared_future<std::shared_ptr<const Kept>> kept;  // null: not kept (an error)
    std::size_t bytes = 0;                                 // of key and body, once kept
    std::list<const std::string*>::iterator used;          // its place in used_
  };
  using Map = std::unordered_map<std::string, Entry>;

  // Under mutex_: the entry of `key` for a request at `version`. Sets `computing` to the answer
  // to wait for, or returns the serial of the entry the caller is to compute and keep (0:
  // compute without keeping, the request's snapshot being older than the newest seen).
  std::uint64_t Enter(const std::string& key, std::int64_t version,
                      std::shared_future<std::shared_ptr<const Kept>>& computing,
                      std::promise<std::shared_ptr<const Kept>>& promise);
  // Ends the computation `serial` of `key`: wakes those waiting and keeps the answer if the
  // entry is still this computation's.
  void Finish(const std::string& key, std::uint64_t serial,
              std::promise<std::shared_ptr<const Kept>>& promise, std::shared_ptr<const Kept> kept);
  void Erase(Map::iterator it);
  void DropOlderThan(std::int64_t version);
  void EvictOverBudget(const std::string* keep);

  const Limits limits_;
  mutable std::mutex mutex_;
  Map entries_;
  std::list<const std::string*> used_;  // keys of entries_, the most recently used first
  std::size_t bytes_ = 0;
  std::int64_t newest_ = 0;  // the newest version a request has brought
  std::uint64_t serials_ = 0;
};

// The part of a key that stands for what the caller may see and do: role and scope.
std::string ScopeKey(const core::Principal& who);

// A key made of parts, each written with its length so that no two lists of parts give the
// same key whatever bytes they hold.
class MemoKey {
 public:
  explicit MemoKey(std::string_view route) { Add(route); }
  MemoKey& Add(std::string_view part);
  MemoKey& Add(std::int64_t number) { return Add(std::string_view(std::to_string(number))); }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

}  // namespace grassroots::http
