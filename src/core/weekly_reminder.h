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

// One recipient's part: item ids, each list by deadline then id.
struct Digest {
  std::vector<std::int64_t> due;      // deadline within the week (Monday..Sunday)
  std::vector<std::int64_t> overdue;  // deadline before the week's Monday, not closed
  bool empty() const { return due.empty() && overdue.empty(); }
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

// The ISO week the county is in at `now` (its day in UTC+8): Sunday 23:30 in the county is
// still that week, Monday 00:10 the next, whatever the UTC date.
IsoWeek CountyWeek(UnixSeconds now);

// How a digest names its recipient: a responsible person's account ("user:NAME") when the item
// names one, else the person as written ("person:NAME"); a direct organization ("unit:CODE").
// The prefixes keep an account and a written name that happen to be equal apart.
std::string PersonRecipient(std::string_view account, std::string_view written_name);
std::string UnitRecipient(std::string_view unit_code);

}  // namespace grassroots::core
