// The weekly reminder as stored (migrations 014, 023): each week's digests, what each told (the
// items with their state and deadline then, the first secretaries' reports missing then), and the
// inbox of each account they were delivered to. A small class over a transaction (tx.h); writes
// only in Write's, audited: a week's recording is one entry "reminder.run" (entity
// "reminders:WEEK") with one change record per digest
// ("reminder:ID"), marking read one entry "inbox.read" ("inbox:ID"). Who may read which digest
// is app's; this only stores.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::storage {

// An item not closed whose deadline is on or before a day, as the reminder reads it. `unit` is
// its direct organization (the top of its ancestry).
struct ReminderSource {
  std::int64_t id = 0;
  std::string org_code, org_name, unit;
  std::string measure, responsible, responsible_user, deadline, state;
};

// One item a digest told of, as it was then. `list`: "due" or "overdue".
struct DigestItemRecord {
  std::int64_t item_id = 0;
  std::string list, org_code, org_name, measure, responsible, deadline, state;
};

// One first secretary's report a digest told was missing, as it was then: the village, the
// month ("YYYY-MM") and kind ("work_plan", "duty_ledger"), its due date, who owed it.
struct DigestReportRecord {
  std::string org_code, org_name, month, kind, due, user_name, person;
};

struct DigestRecord {
  std::int64_t id = 0;
  std::string week;       // "2016-W20"
  std::string recipient;  // core::PersonRecipient / UnitRecipient
  std::string kind;       // "person" or "unit"
  std::string name;       // the person as written, or the unit's code
  std::int64_t due_count = 0, overdue_count = 0;
  std::int64_t report_count = 0;  // missing first-secretary reports told of
  std::string created_at, created_by;
  std::vector<DigestItemRecord> items;      // due first, then overdue, each by deadline then id
  std::vector<DigestReportRecord> reports;  // by due date, village, month, kind
  std::vector<std::string> delivered_to;    // account names, sorted
};

// A digest in an account's inbox. `digest.items` and `digest.reports` are filled only by
// Entry().
struct InboxEntry {
  std::int64_t id = 0;
  std::string user_name;
  std::string read_at;  // "" while unread
  DigestRecord digest;
};

class ReminderRecords {
 public:
  explicit ReminderRecords(Tx& tx) : tx_(tx) {}

  // Every item not closed with a deadline on or before `last_day` (YYYY-MM-DD), by id.
  core::Result<std::vector<ReminderSource>> OpenItemsDueBy(const std::string& last_day);
  // The accounts (not disabled) of role unit_admin, by each code of their scope.
  core::Result<std::map<std::string, std::vector<std::string>>> UnitAdmins();
  // Each organization's direct organization (the top of its ancestry), by code.
  core::Result<std::map<std::string, std::string>> DirectOrganizations();
  // The recipients already recorded for `week`.
  core::Result<std::set<std::string>> Recorded(const std::string& week);

  // Records `digests` of `week` (none of them recorded yet; their ids, created_at and
  // created_by are filled in), their items, missing reports and deliveries, with one audit entry.
  // Write transactions only.
  core::Status Record(const std::string& week, std::vector<DigestRecord>& digests);

  // The digests of `week` with their items, missing reports and deliveries, by kind then recipient.
  core::Result<std::vector<DigestRecord>> OfWeek(const std::string& week);

  // `user_name`'s inbox, newest first, without items; and its count of unread entries.
  core::Result<Page<InboxEntry>> Inbox(const std::string& user_name, std::int64_t offset,
                                       std::int64_t limit);
  core::Result<std::int64_t> Unread(const std::string& user_name);
  // One inbox entry with its digest's items and missing reports, or nullopt when there is none.
  core::Result<std::optional<InboxEntry>> Entry(std::int64_t id);
  // Marks `entry` read now (it must be unread), audited. Write transactions only.
  core::Status MarkRead(InboxEntry& entry);

 private:
  Tx& tx_;
};

}  // namespace grassroots::storage
