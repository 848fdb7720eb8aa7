// The demo database's accountability records (demo/accountability.h), recorded through the
// use cases as the department's admin would: after the assessments, before the accounts.
#pragma once

#include "core/error.h"
#include "storage/store.h"

namespace grassroots::cli {

// Interviews of 2016 and decisions on part of the 2016 adjustment queue; nothing when 2016 was
// not assessed.
core::Status FillAccountabilityDemo(storage::Store& store);

}  // namespace grassroots::cli
