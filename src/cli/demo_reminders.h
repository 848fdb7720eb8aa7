// The demo database's weekly reminders (issue 13): recorded through the use case as the
// weekly timer would, after the plans, so that the inbox of the demo's accounts holds unread
// digests.
#pragma once

#include "core/error.h"
#include "storage/store.h"

namespace grassroots::cli {

// The reminders of last week and this week (the county's, UTC+8): the demo's item deadlines
// are days from today, so these are the weeks that have items due and overdue.
core::Status RecordDemoReminders(storage::Store& store);

}  // namespace grassroots::cli
