// A Result's status without its value, for a store's Write lambda around a call that answers one:
// shared by the storage tests, which a unity build compiles as one file. Test-only.
#pragma once

#include "core/error.h"

namespace grassroots::storage::test {

template <typename T>
core::Status StatusOf(const core::Result<T>& result) {
  return result.ok() ? core::Status::Ok() : core::Status(result.error());
}

}  // namespace grassroots::storage::test
