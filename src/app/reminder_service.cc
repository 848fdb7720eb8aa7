#include "app/reminder_service.h"

#include <map>
#include <utility>

#include "app/first_secretary_service.h"
#include "core/weekly_reminder.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

core::Error EntryNotFound(std::int64_t id) {
  return core::Error::NotFound("inbox entry " + std::to_string(id) + " does not exist", "id")
      .With("inbox_entry_not_found", {{"id", std::to_string(id)}});
}

storage::DigestItemRecord ItemOf(const storage::ReminderSource& s, std::string_view list) {
  return {s.id,      std::string(list), s.org_code, s.org_name,
          s.measure, s.responsible,     s.deadline, s.state};
}

storage::DigestReportRecord ReportOf(const OwedReportView& v) {
  return {v.org_code,
          v.org_name,
          core::FormatYearMonth(v.month),
          std::string(core::ToString(v.kind)),
          core::FormatIsoDate(v.due),
          v.user_name,
          v.person};
}

// The missing reports for core::AddMissingReports: ids are indexes into `missing`.
std::vector<core::MissingReport> MissingOf(const std::vector<OwedReportView>& missing,
                                           const std::map<std::string, std::string>& units) {
  std::vector<core::MissingReport> out;
  for (std::size_t i = 0; i < missing.size(); ++i) {
    const OwedReportView& v = missing[i];
    const auto unit = units.find(v.org_code);
    out.push_back({static_cast<std::int64_t>(i), core::PersonRecipient(v.user_name, v.person),
                   unit == units.end() ? v.org_code : unit->second});
  }
  return out;
}

// A digest of `reminder`'s ids, its items as `sources` has them, its reports as `missing`.
storage::DigestRecord DigestOf(const core::Digest& digest,
                               const std::map<std::int64_t, const storage::ReminderSource*>& by_id,
                               const std::vector<OwedReportView>& missing) {
  storage::DigestRecord d;
  d.due_count = static_cast<std::int64_t>(digest.due.size());
  d.overdue_count = static_cast<std::int64_t>(digest.overdue.size());
  for (std::int64_t id : digest.due) d.items.push_back(ItemOf(*by_id.at(id), "due"));
  for (std::int64_t id : digest.overdue) d.items.push_back(ItemOf(*by_id.at(id), "overdue"));
  for (std::int64_t id : digest.reports) {
    d.reports.push_back(ReportOf(missing.at(static_cast<std::size_t>(id))));
  }
  d.report_count = static_cast<std::int64_t>(d.reports.size());
  return d;
}

// The digests of the reminder not yet in `recorded`, with whom each goes to.
std::vector<storage::DigestRecord> NewDigests(
    const core::WeeklyReminder& reminder, const std::vector<storage::ReminderSource>& sources,
    const std::vector<OwedReportView>& missing,
    const std::map<std::string, std::vector<std::string>>& unit_admins,
    const std::set<std::string>& recorded, std::int64_t& already) {
  std::map<std::int64_t, const storage::ReminderSource*> by_id;
  std::map<std::string, std::pair<std::string, std::string>> people;  // key → (account, name)
  for (const storage::ReminderSource& s : sources) {
    by_id[s.id] = &s;
    people[core::PersonRecipient(s.responsible_user, s.responsible)] = {s.responsible_user,
                                                                        s.responsible};
  }
  for (const OwedReportView& v : missing) {
    people[core::PersonRecipient(v.user_name, v.person)] = {v.user_name, v.person};
  }
  std::vector<storage::DigestRecord> out;
  for (const auto& [key, digest] : reminder.by_responsible) {
    if (recorded.count(key)) {
      ++already;
      continue;
    }
    storage::DigestRecord d = DigestOf(digest, by_id, missing);
    const auto& [account, name] = people.at(key);
    d.recipient = key;
    d.kind = "person";
    d.name = name;
    if (!account.empty()) d.delivered_to.push_back(account);
    out.push_back(std::move(d));
  }
  for (const auto& [unit, digest] : reminder.by_unit) {
    const std::string key = core::UnitRecipient(unit);
    if (recorded.count(key)) {
      ++already;
      continue;
    }
    storage::DigestRecord d = DigestOf(digest, by_id, missing);
    d.recipient = key;
    d.kind = "unit";
    d.name = unit;
    if (auto admins = unit_admins.find(unit); admins != unit_admins.end()) {
      d.delivered_to = admins->second;
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

core::Result<core::IsoWeek> ParseWeek(std::string_view field, std::string_view text,
                                      core::UnixSeconds now) {
  if (text == "current") return core::CountyWeek(now);
  return core::ParseIsoWeek(field, text);
}

core::Result<ReminderRun> RunWeeklyReminder(storage::Store& store, const core::IsoWeek& week,
                                            const storage::Actor& actor) {
  ReminderRun run;
  run.week = core::FormatIsoWeek(week);
  const core::DayRange days = core::DaysOf(week);
  const std::string last_day = core::FormatIsoDate(days.last);
  auto missing =
      MissingFirstSecretaryReports(store, storage::OrgFilter{}, core::MissingReportWindow(week),
                                   core::CountyDayStart(days.first));
  if (!missing.ok()) return missing.error();
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    storage::ReminderRecords records(tx);
    auto recorded = records.Recorded(run.week);
    if (!recorded.ok()) return recorded.error();
    auto sources = records.OpenItemsDueBy(last_day);
    if (!sources.ok()) return sources.error();
    std::vector<core::OpenItem> items;
    items.reserve(sources.value().size());
    for (const storage::ReminderSource& s : sources.value()) {
      const auto deadline = core::ParseIsoDate(s.deadline);
      const auto state = core::ParseItemState(s.state);
      if (!deadline || !state) continue;  // not written by this program: nothing to tell
      items.push_back({s.id, core::PersonRecipient(s.responsible_user, s.responsible), s.unit,
                       *deadline, *state});
    }
    core::WeeklyReminder reminder = core::ReminderFor(week, items);
    auto units = records.DirectOrganizations();
    if (!units.ok()) return units.error();
    core::AddMissingReports(reminder, MissingOf(missing.value(), units.value()));
    auto admins = records.UnitAdmins();
    if (!admins.ok()) return admins.error();
    run.digests = NewDigests(reminder, sources.value(), missing.value(), admins.value(),
                             recorded.value(), run.already);
    run.recorded = static_cast<std::int64_t>(run.digests.size());
    if (run.digests.empty()) return core::Status::Ok();  // nothing new: nothing written
    return records.Record(run.week, run.digests);
  });
  if (!status.ok()) return status.error();
  return run;
}

core::Result<std::vector<storage::DigestRecord>> DigestsOfWeek(storage::Store& store,
                                                               const core::IsoWeek& week) {
  std::vector<storage::DigestRecord> digests;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    auto read = storage::ReminderRecords(tx).OfWeek(core::FormatIsoWeek(week));
    if (!read.ok()) return read.error();
    digests = std::move(read).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return digests;
}

core::Result<InboxPage> InboxOf(storage::Store& store, const core::Principal& who,
                                std::int64_t offset, std::int64_t limit) {
  InboxPage out;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    storage::ReminderRecords records(tx);
    auto page = records.Inbox(who.name, offset, limit);
    if (!page.ok()) return page.error();
    out.page = std::move(page).value();
    auto unread = records.Unread(who.name);
    if (!unread.ok()) return unread.error();
    out.unread = unread.value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return out;
}

core::Result<storage::InboxEntry> InboxEntryOf(storage::Store& store, const core::Principal& who,
                                               std::int64_t id) {
  std::optional<storage::InboxEntry> entry;
  core::Status status = store.Read([&](storage::Tx& tx) -> core::Status {
    auto read = storage::ReminderRecords(tx).Entry(id);
    if (!read.ok()) return read.error();
    entry = std::move(read).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  if (!entry || entry->user_name != who.name) return EntryNotFound(id);
  return *entry;
}

core::Result<storage::InboxEntry> MarkInboxRead(storage::Store& store, const core::Principal& who,
                                                std::int64_t id, const storage::Actor& actor) {
  std::optional<storage::InboxEntry> entry;
  core::Status status = store.Write(actor, [&](storage::Tx& tx) -> core::Status {
    storage::ReminderRecords records(tx);
    auto read = records.Entry(id);
    if (!read.ok()) return read.error();
    if (!read.value() || read.value()->user_name != who.name) return EntryNotFound(id);
    entry = std::move(read).value();
    if (!entry->read_at.empty()) return core::Status::Ok();  // read before: nothing to record
    return records.MarkRead(*entry);
  });
  if (!status.ok()) return status.error();
  return *entry;
}

}  // namespace grassroots::app
