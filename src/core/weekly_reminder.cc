#include "core/weekly_reminder.h"

#include <algorithm>

namespace grassroots::core {

WeeklyReminder ReminderFor(const IsoWeek& week, std::span<const OpenItem> items) {
  const DayRange days = DaysOf(week);
  std::vector<const OpenItem*> ordered;
  for (const OpenItem& item : items) {
    if (item.state != ItemState::kClosed) ordered.push_back(&item);
  }
  std::sort(ordered.begin(), ordered.end(), [](const OpenItem* a, const OpenItem* b) {
    return a->deadline != b->deadline ? a->deadline < b->deadline : a->id < b->id;
  });
  WeeklyReminder reminder;
  for (const OpenItem* item : ordered) {
    std::vector<std::int64_t> Digest::*list = nullptr;
    if (item->deadline < days.first) {
      list = &Digest::overdue;
    } else if (days.Contains(item->deadline)) {
      list = &Digest::due;
    } else {
      continue;
    }
    (reminder.by_responsible[item->responsible].*list).push_back(item->id);
    (reminder.by_unit[item->unit].*list).push_back(item->id);
  }
  return reminder;
}

DayRange MissingReportWindow(const IsoWeek& week) {
  const CivilDate monday = DaysOf(week).first;
  int year = monday.year;
  int month = monday.month - kMissingReportMonths;
  while (month < 1) {
    month += 12;
    --year;
  }
  return {CivilDate{year, month, 1}, CivilFromDays(DaysFromCivil(monday) - 1)};
}

void AddMissingReports(WeeklyReminder& reminder, std::span<const MissingReport> reports) {
  for (const MissingReport& r : reports) {
    reminder.by_responsible[r.person].reports.push_back(r.id);
    reminder.by_unit[r.unit].reports.push_back(r.id);
  }
}

IsoWeek CountyWeek(UnixSeconds now) { return IsoWeekOf(CountyDate(now)); }

std::string PersonRecipient(std::string_view account, std::string_view written_name) {
  if (!account.empty()) return "user:" + std::string(account);
  return "person:" + std::string(written_name);
}

std::string UnitRecipient(std::string_view unit_code) { return "unit:" + std::string(unit_code); }

}  // namespace grassroots::core
