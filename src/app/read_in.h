// One value read under one snapshot: `ReadIn<T>(store, fn)` runs fn(tx) inside Store::Read and
// answers what it answered (or its error), for use cases whose read is one call of a subject.
#pragma once

#include <optional>
#include <utility>

#include "core/error.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::app {

template <typename T, typename Fn>
core::Result<T> ReadIn(storage::Store& store, Fn&& fn) {
  std::optional<T> out;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    core::Result<T> read = fn(tx);
    if (!read.ok()) return read.error();
    out.emplace(std::move(read).value());
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return std::move(*out);
}

}  // namespace grassroots::app
