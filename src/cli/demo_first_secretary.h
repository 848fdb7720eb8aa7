// The demo database's first secretary reports (issue 14): for every report the demo's
// first_secretary postings owe in the work year after the selection (the postings start then),
// most filed on time, some late, some never filed, drawn from the seed; recorded through
// app::RecordReports.
#pragma once

#include <cstdint>

#include "core/error.h"
#include "storage/store.h"

namespace grassroots::cli {

core::Status RecordDemoFirstSecretaryReports(storage::Store& store, int year, std::uint64_t seed);

}  // namespace grassroots::cli
