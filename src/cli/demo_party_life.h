// The demo database's Party life (三会一课) and village collective economy (issue 14): each
// branch's meetings of the four quarters of `year`, most branches keeping up and some short of a
// kind (drawn from the seed), written as a quarter's file through app::ImportMeetings — the
// import a county would use —; and each village's collective economy of `year` and the year
// before through app::RecordEconomy.
#pragma once

#include <cstdint>

#include "core/error.h"
#include "storage/store.h"

namespace grassroots::cli {

core::Status RecordDemoPartyLife(storage::Store& store, int year, std::uint64_t seed);
core::Status RecordDemoEconomy(storage::Store& store, int year, std::uint64_t seed);

}  // namespace grassroots::cli
