// A pool of PostgreSQL connections shared by a server's worker threads. A request leases one
// for as long as it runs and hands it back, so a server of 128 workers holds as many
// connections as requests are running at once (up to `max_size`), not one per thread.
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage/postgres/pg_connection.h"

namespace grassroots::storage::pg {

class Pool;

// A connection on loan; returned to the pool when destroyed (dropped instead when broken).
class Lease {
 public:
  Lease() = default;
  Lease(Pool* pool, std::unique_ptr<Connection> connection)
      : pool_(pool), connection_(std::move(connection)) {}
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  Lease(Lease&& other) noexcept = default;
  Lease& operator=(Lease&& other) noexcept;
  ~Lease();

  Connection& operator*() const { return *connection_; }
  Connection* operator->() const { return connection_.get(); }

 private:
  void Return();
  Pool* pool_ = nullptr;
  std::unique_ptr<Connection> connection_;
};

class Pool {
 public:
  // Connections are opened on demand up to `max_size`; a lease waits up to `wait` for one to
  // come back when all are out.
  Pool(std::string url, std::size_t max_size,
       std::chrono::milliseconds wait = std::chrono::seconds(10));
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  // A connection, opened now if none is idle. kUnavailable when the server cannot be reached
  // or every connection stayed out for `wait`.
  core::Result<Lease> Acquire();

  std::size_t open() const;  // connections open now (idle or leased)
  const std::string& url() const { return url_; }

 private:
  friend class Lease;
  void Release(std::unique_ptr<Connection> connection);

  const std::string url_;
  const std::size_t max_size_;
  const std::chrono::milliseconds wait_;
  mutable std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::size_t open_ = 0;
};

}  // namespace grassroots::storage::pg
