// The demo database's people records (issue 14), recorded through the use cases as the
// department's admin would: training classes (进修班) of the last two years with the
// secretaries of part of the county on their lists (some absent), and members' changes of
// status (gone away to work, lost contact, back) through the year, so that the training page,
// the person page and the member trend show something.
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "core/organization.h"
#include "storage/store.h"

namespace grassroots::cli {

// `year` is the last assessed year; `members` the generated county's (its organizations are
// read from the store); `branch` the demo secretary's organization, whose members get changes
// too. Deterministic.
core::Status AddDemoPeople(storage::Store& store, int year,
                           const std::vector<core::Member>& members, const std::string& branch);

}  // namespace grassroots::cli
