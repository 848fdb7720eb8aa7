// What the weekly reminder (每周一提示, issue 13, SPEC §4) tells: for a week, the items due
// within its seven days and those already overdue when it begins, grouped per responsible person
// and per direct organization. Pure: the adapters read the open items, store each digest (who,
// which items, for which week) once per week, and deliver it.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "core/periods.h"
#include "core/rectification_item.h"

namespace grassroots::core {

struct OpenItem {
  std::int64_t id = 0;
  std::string responsible;  // the person responsible, as the plan names them
  std::string unit;         // the direct organization the item's organization belongs to
  CivilDate deadline;
  ItemState state = ItemState::kOpen;
};

// A first secretary's report (issue 14) still missing when the week begins: `id` is the
// caller's handle for it; `person` the recipient key of the first secretary who owes it
// (PersonRecipient), `unit` the village's direct organization.
struct MissingReport {
  std::int64_t id = 0;
  std::string person;
  std::string unit;
};

// One recipient's part: item ids, each list by deadline then id; missing reports' ids in the
// order given to AddMissingReports.
struct Digest {
  std::vector<std::int64_t> due;      // deadline within the week (Monday..Sunday)
  std::vector<std::int64_t> overdue;  // deadline before the week's Monday, not closed
  std::vector<std::int64_t> reports;  // first-secretary reports missing at the week's Monday
  bool empty() const { return due.empty() && overdue.empty() && reports.empty(); }
};

struct WeeklyReminder {
  std::map<std::string, Digest> by_responsible;
  std::map<std::string, Digest> by_unit;
};

// The reminder of `week`, as of its Monday's beginning in the county: closed items tell
// nothing; an item is in one list of its responsible person's digest and the same list of its
// unit's. Recipients with nothing to tell are absent. The same items and week give the same
// reminder, so a second run of a week finds nothing new to record.
WeeklyReminder ReminderFor(const IsoWeek& week, std::span<const OpenItem> items);

// How far back the reminder looks for first secretaries' missing reports, in months.
inline constexpr int kMissingReportMonths = 3;

// The due days whose missing reports `week`'s reminder tells of: from the first day of the
// month kMissingReportMonths before the Monday's month to the day before the Monday (for
// 2016-W14, Monday 2016-04-04: 2016-01-01..2016-04-03). A report due on the Monday or later is
// not missing yet; one older than the window has been told of for twelve weeks and more.
DayRange MissingReportWindow(const IsoWeek& week);

// Adds each missing report to its first secretary's digest and its unit's, in `reports`' order.
void AddMissingReports(WeeklyReminder& reminder, std::span<const MissingReport> reports);

// The ISO week the county is in at `now` (its day in UTC+8): Sunday 23:30 in the county is
// still that week, Monday 00:10 the next, whatever the UTC date.
IsoWeek CountyWeek(UnixSeconds now);

// How a digest names its recipient: a responsible person's account ("user:NAME") when the item
// names one, else the person as written ("person:NAME"); a direct organization ("unit:CODE").
// The prefixes keep an account and a written name that happen to be equal apart.
std::string PersonRecipient(std::string_view account, std::string_view written_name);
std::string UnitRecipient(std::string_view unit_code);

}  // namespace grassroots::core
