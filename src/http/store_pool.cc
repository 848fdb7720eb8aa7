#include "http/store_pool.h"

#include <utility>

#include "storage/open_store.h"

namespace grassroots::http {

StorePool::StorePool(std::string db_path, std::size_t capacity)
    : db_path_(std::move(db_path)), capacity_(capacity == 0 ? 1 : capacity) {}

StorePool::Lease::~Lease() {
  if (store_) pool_->Return(std::move(store_));
}

core::Result<StorePool::Lease> StorePool::Acquire() {
  {
    std::unique_lock lock(mutex_);
    returned_.wait(lock, [this] { return !idle_.empty() || open_ < capacity_; });
    if (!idle_.empty()) {
      std::unique_ptr<storage::Store> store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(store));
    }
    ++open_;  // this slot is ours while the connection opens, outside the lock
  }
  auto opened = storage::OpenStore(db_path_);
  if (!opened.ok()) {
    {
      std::lock_guard lock(mutex_);
      --open_;
    }
    returned_.notify_one();
    return opened.error();
  }
  return Lease(this, std::move(opened).value());
}

void StorePool::Return(std::unique_ptr<storage::Store> store) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(store));
  }
  returned_.notify_one();
}

std::size_t StorePool::Open() const {
  std::lock_guard lock(mutex_);
  return open_;
}

}  // namespace grassroots::http
