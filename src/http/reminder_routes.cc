// The weekly reminder (每周一提示, issue 13): admin records a week's digests (the CLI's `remind`),
// admin and auditor read what a week told whom, and every account reads its own inbox and
// marks entries read. A digest carries the items and the first secretaries' reports missing at
// the week's Monday (missing_reports; missing_report_count in lists). An inbox entry of another
// account does not exist for the caller (404, as an id never used). The rules are core's
// (weekly_reminder.h), the use cases app's (reminder_service.h).
#include <charconv>

#include "app/reminder_service.h"
#include "http/access.h"
#include "http/errors.h"
#include "http/json_input.h"
#include "http/route.h"
#include "http/text_or_null.h"

namespace grassroots::http {
namespace {

nlohmann::json ItemsJson(const std::vector<storage::DigestItemRecord>& items) {
  nlohmann::json out = nlohmann::json::array();
  for (const storage::DigestItemRecord& i : items) {
    out.push_back({{"item_id", i.item_id},
                   {"list", i.list},
                   {"org_code", i.org_code},
                   {"org_name", i.org_name},
                   {"measure", i.measure},
                   {"responsible", i.responsible},
                   {"deadline", i.deadline},
                   {"state", i.state}});
  }
  return out;
}

nlohmann::json ReportsJson(const std::vector<storage::DigestReportRecord>& reports) {
  nlohmann::json out = nlohmann::json::array();
  for (const storage::DigestReportRecord& r : reports) {
    out.push_back({{"org_code", r.org_code},
                   {"org_name", r.org_name},
                   {"month", r.month},
                   {"kind", r.kind},
                   {"due", r.due},
                   {"user_name", TextOrNull(r.user_name)},
                   {"person", r.person}});
  }
  return out;
}

nlohmann::json DigestJson(const storage::DigestRecord& d, bool with_items) {
  nlohmann::json out = {{"id", d.id},
                        {"week", d.week},
                        {"recipient", d.recipient},
                        {"kind", d.kind},
                        {"name", d.name},
                        {"due_count", d.due_count},
                        {"overdue_count", d.overdue_count},
                        {"missing_report_count", d.report_count},
                        {"created_at", d.created_at},
                        {"created_by", d.created_by}};
  if (with_items) {
    out["items"] = ItemsJson(d.items);
    out["missing_reports"] = ReportsJson(d.reports);
  }
  return out;
}

nlohmann::json EntryJson(const storage::InboxEntry& e, bool with_items) {
  return {{"id", e.id},
          {"read_at", TextOrNull(e.read_at)},
          {"digest", DigestJson(e.digest, with_items)}};
}

// The path's week: "YYYY-Www" or "current"; 404 naming it when it is not one.
std::optional<core::IsoWeek> PathWeek(Call& call) {
  const std::string text = call.req.matches.size() > 1 ? call.req.matches[1].str() : "";
  auto week = app::ParseWeek("week", text, core::DefaultClock().Now());
  if (!week.ok()) {
    const std::string shown = text.size() > 20 ? text.substr(0, 20) : text;
    WriteError(call.res, 404, "not_found", "no week " + shown + " (YYYY-Www or current)", "week",
               "week_not_found", {{"week", shown}});
    return std::nullopt;
  }
  return week.value();
}

// The path's inbox entry id; 404 as for an id never used when it is not a positive number.
std::optional<std::int64_t> PathEntry(Call& call) {
  const std::string text = call.req.matches.size() > 1 ? call.req.matches[1].str() : "";
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    const std::string shown = text.size() > 20 ? text.substr(0, 20) : text;
    WriteError(call.res, 404, "not_found", "inbox entry " + shown + " does not exist", "id",
               "inbox_entry_not_found", {{"id", shown}});
    return std::nullopt;
  }
  return id;
}

void RunWeek(Call& call) {
  if (!Require(call, core::GlobalAction::kRunReminders)) return;
  auto week = PathWeek(call);
  if (!week) return;
  auto run = app::RunWeeklyReminder(call.store, *week, call.actor);
  if (!run.ok()) return WriteError(call.res, run.error());
  std::int64_t deliveries = 0;
  for (const auto& d : run.value().digests) {
    deliveries += static_cast<std::int64_t>(d.delivered_to.size());
  }
  WriteJson(call.res,
            {{"week", run.value().week},
             {"recorded", run.value().recorded},
             {"already", run.value().already},
             {"deliveries", deliveries}},
            run.value().recorded > 0 ? 201 : 200);
}

void ReadWeek(Call& call) {
  if (!Require(call, core::GlobalAction::kReadReminders)) return;
  auto week = PathWeek(call);
  if (!week) return;
  auto digests = app::DigestsOfWeek(call.store, *week);
  if (!digests.ok()) return WriteError(call.res, digests.error());
  nlohmann::json list = nlohmann::json::array();
  for (const storage::DigestRecord& d : digests.value()) {
    nlohmann::json one = DigestJson(d, true);
    one["delivered_to"] = d.delivered_to;
    list.push_back(std::move(one));
  }
  WriteJson(call.res, {{"week", core::FormatIsoWeek(*week)}, {"digests", list}});
}

void Inbox(Call& call) {
  std::int64_t offset = 0, limit = 50;
  if (!PageParams(call.req, offset, limit, call.res)) return;
  auto inbox = app::InboxOf(call.store, call.principal, offset, limit);
  if (!inbox.ok()) return WriteError(call.res, inbox.error());
  nlohmann::json items = nlohmann::json::array();
  for (const storage::InboxEntry& e : inbox.value().page.items)
    items.push_back(EntryJson(e, false));
  WriteJson(call.res, {{"items", items},
                       {"total", inbox.value().page.total},
                       {"unread", inbox.value().unread},
                       {"offset", offset},
                       {"limit", limit}});
}

void InboxEntry(Call& call) {
  auto id = PathEntry(call);
  if (!id) return;
  auto entry = app::InboxEntryOf(call.store, call.principal, *id);
  if (!entry.ok()) return WriteError(call.res, entry.error());
  WriteJson(call.res, EntryJson(entry.value(), true));
}

void MarkRead(Call& call) {
  auto id = PathEntry(call);
  if (!id) return;
  auto entry = app::MarkInboxRead(call.store, call.principal, *id, call.actor);
  if (!entry.ok()) return WriteError(call.res, entry.error());
  WriteJson(call.res, EntryJson(entry.value(), true));
}

}  // namespace

void AddReminderRoutes(std::vector<Route>& routes) {
  routes.push_back({Method::kPost, "/api/v1/reminders/{week}",
                    "Record the week's reminder (每周一提示; week YYYY-Www or current): a digest "
                    "per responsible person and direct organization, once per week; 201 when "
                    "digests were recorded, 200 with recorded 0 when the week had been (admin)",
                    true, RunWeek});
  routes.push_back({Method::kGet, "/api/v1/reminders/{week}",
                    "The digests recorded for a week: recipient, the items as they were then, "
                    "the first-secretary reports missing then, the accounts they were delivered to "
                    "(admin, auditor)",
                    true, ReadWeek});
  routes.push_back({Method::kGet, "/api/v1/inbox",
                    "The caller's inbox of weekly digests, newest week first, with the unread "
                    "count: ?offset, ?limit",
                    true, Inbox});
  routes.push_back({Method::kGet, "/api/v1/inbox/{id}",
                    "One digest of the caller's inbox with its items and missing "
                    "first-secretary reports",
                    true, InboxEntry});
  routes.push_back({Method::kPost, "/api/v1/inbox/{id}/read",
                    "Mark a digest of the caller's inbox read (audited)", true, MarkRead});
}

}  // namespace grassroots::http
