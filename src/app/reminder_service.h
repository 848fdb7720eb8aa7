// The weekly reminder (每周一提示, issue 13) as use cases for the CLI and the HTTP API: record a
// week's digests (core::ReminderFor over the items not closed), list what a week told whom, and
// each account's inbox of the digests delivered to it. A person's digest goes to the account
// the items name as responsible (none when they name no account: the digest is still recorded
// and written as a file); a direct organization's to every unit_admin whose scope names it.
// First secretaries' reports (issue 14) missing when the week begins are part of the digests
// too: each goes to the first secretary who owes it (their account, as a responsible person's
// digest; the same digest when they are also responsible for items) and to the village's direct
// organization. "Missing" is app::MissingFirstSecretaryReports over the whole county at the
// Monday's beginning (UTC+8), for reports due in core::MissingReportWindow (from the first day
// of the month three months before the Monday's to the Sunday before). They are read just
// before the write transaction; the digest stores each as told (village, month, kind, due day,
// who owed it), so "was X told?" is answered from the stored rows.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/periods.h"
#include "storage/reminder_records.h"
#include "storage/store.h"

namespace grassroots::app {

// A week as the CLI and API take it: "YYYY-Www", or "current" for the county's week at `now`
// (UTC+8). kInvalid naming `field` as core::ParseIsoWeek says.
core::Result<core::IsoWeek> ParseWeek(std::string_view field, std::string_view text,
                                      core::UnixSeconds now);

struct ReminderRun {
  std::string week;
  std::int64_t recorded = 0;  // digests recorded by this run
  std::int64_t already = 0;   // digests of the week recorded before (left as they were)
  std::vector<storage::DigestRecord> digests;  // those recorded by this run
};

// Records the digests of `week` not recorded yet, in one write transaction with one audit
// entry: idempotent, a second run of the same week and items records nothing ("0 new").
// A digest of a recipient already recorded for the week is never changed.
core::Result<ReminderRun> RunWeeklyReminder(storage::Store& store, const core::IsoWeek& week,
                                            const storage::Actor& actor);

// Every digest of `week` with its items as recorded then and whom it was delivered to.
core::Result<std::vector<storage::DigestRecord>> DigestsOfWeek(storage::Store& store,
                                                               const core::IsoWeek& week);

struct InboxPage {
  storage::Page<storage::InboxEntry> page;
  std::int64_t unread = 0;
};

// The caller's own inbox, newest week first.
core::Result<InboxPage> InboxOf(storage::Store& store, const core::Principal& who,
                                std::int64_t offset, std::int64_t limit);
// One entry of the caller's inbox with the digest's items; an entry of another account does
// not exist for the caller: kNotFound inbox_entry_not_found {id}, as for an id never used.
core::Result<storage::InboxEntry> InboxEntryOf(storage::Store& store, const core::Principal& who,
                                               std::int64_t id);
// Marks the caller's entry read (audited "inbox.read"); reading it again changes nothing.
core::Result<storage::InboxEntry> MarkInboxRead(storage::Store& store, const core::Principal& who,
                                                std::int64_t id, const storage::Actor& actor);

}  // namespace grassroots::app
