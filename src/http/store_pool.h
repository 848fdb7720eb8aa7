// The server's database connections, lent to one request at a time. A connection belongs to no
// thread: the worker threads come and go with the open connections (worker_pool.h), while the
// SQLite connections, their compiled statements and remembered counts stay, at most `capacity`
// of them, and are closed when the pool is destroyed. A request finding all of them lent waits
// for one to come back.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/error.h"
#include "storage/store.h"

namespace grassroots::http {

class StorePool {
 public:
  StorePool(std::string db_path, std::size_t capacity);
  StorePool(const StorePool&) = delete;
  StorePool& operator=(const StorePool&) = delete;

  // A store for the lease's lifetime; it goes back to the pool when the lease ends.
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<storage::Store> store)
        : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease();
    storage::Store& operator*() const { return *store_; }

   private:
    StorePool* pool_;
    std::unique_ptr<storage::Store> store_;
  };

  // The most recently returned store (its pages and statements are warm), or a newly opened one
  // while fewer than `capacity` are open; otherwise waits. kUnavailable when a new connection
  // cannot be opened (the slot is given back).
  core::Result<Lease> Acquire();

  std::size_t Open() const;  // connections open now

 private:
  void Return(std::unique_ptr<storage::Store> store);

  const std::string db_path_;
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<storage::Store>> idle_;
  std::size_t open_ = 0;
};

}  // namespace grassroots::http
