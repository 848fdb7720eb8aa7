#include "storage/postgres/pg_pool.h"

namespace grassroots::storage::pg {

Lease& Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    Return();
    pool_ = other.pool_;
    connection_ = std::move(other.connection_);
    other.pool_ = nullptr;
  }
  return *this;
}

Lease::~Lease() { Return(); }

void Lease::Return() {
  if (pool_ != nullptr && connection_ != nullptr) pool_->Release(std::move(connection_));
  pool_ = nullptr;
}

Pool::Pool(std::string url, std::size_t max_size, std::chrono::milliseconds wait)
    : url_(std::move(url)), max_size_(max_size == 0 ? 1 : max_size), wait_(wait) {}

core::Result<Lease> Pool::Acquire() {
  std::unique_lock lock(mutex_);
  const bool free =
      returned_.wait_for(lock, wait_, [this] { return !idle_.empty() || open_ < max_size_; });
  if (!free) {
    return core::Error::Unavailable("all " + std::to_string(max_size_) +
                                    " database connections stayed busy; try again");
  }
  if (!idle_.empty()) {
    std::unique_ptr<Connection> connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(connection));
  }
  ++open_;  // reserved while connecting, outside the lock
  lock.unlock();
  auto opened = Connection::Open(url_);
  if (!opened.ok()) {
    lock.lock();
    --open_;
    returned_.notify_one();
    return opened.error();
  }
  return Lease(this, std::make_unique<Connection>(std::move(opened).value()));
}

void Pool::Release(std::unique_ptr<Connection> connection) {
  // A lease given back inside a transaction (an error path that did not end it) must not hand
  // its half-done work to the next request.
  if (connection->InTransaction())
    (void)connection->Exec("ROLLBACK", "ending a leftover transaction");
  std::lock_guard lock(mutex_);
  if (connection->Healthy()) {
    idle_.push_back(std::move(connection));
  } else {
    --open_;  // a broken connection is dropped; the next lease opens a new one
  }
  returned_.notify_one();
}

std::size_t Pool::open() const {
  std::lock_guard lock(mutex_);
  return open_;
}

}  // namespace grassroots::storage::pg
