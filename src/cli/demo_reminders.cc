#include "cli/demo_reminders.h"

#include "app/reminder_service.h"
#include "core/weekly_reminder.h"

namespace grassroots::cli {

core::Status RecordDemoReminders(storage::Store& store) {
  const storage::Actor timer{"admin", "demo"};
  const core::UnixSeconds now = core::DefaultClock().Now();
  const core::IsoWeek last = core::CountyWeek(now - 7 * 24 * 3600);
  for (const core::IsoWeek& week : {last, core::CountyWeek(now)}) {
    if (auto run = app::RunWeeklyReminder(store, week, timer); !run.ok()) return run.error();
  }
  return core::Status::Ok();
}

}  // namespace grassroots::cli
