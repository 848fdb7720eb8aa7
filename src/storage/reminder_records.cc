#include "storage/reminder_records.h"

#include <algorithm>

#include "storage/audit_changes.h"
#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

// Each item's direct organization: walks up from the items' organizations to the one without
// a parent (the `up` table holds each starting code with every ancestor reached).
constexpr std::string_view kOpenItemsSql =
    "WITH RECURSIVE up(code, at) AS ("
    " SELECT DISTINCT org_code, org_code FROM rectification_items"
    " WHERE state <> 'closed' AND deadline <= ?"
    " UNION ALL SELECT up.code, o.parent_code FROM up JOIN organizations o ON o.code = up.at"
    " WHERE o.parent_code IS NOT NULL)"
    " SELECT i.id, i.org_code, o.name, up.at, i.measure, i.responsible,"
    " COALESCE(i.responsible_user, ''), i.deadline, i.state"
    " FROM rectification_items i JOIN organizations o ON o.code = i.org_code"
    " JOIN up ON up.code = i.org_code JOIN organizations top ON top.code = up.at"
    " WHERE i.state <> 'closed' AND i.deadline <= ? AND top.parent_code IS NULL"
    " ORDER BY i.id";

constexpr std::string_view kDigestColumns =
    "d.id, d.week, d.recipient, d.kind, d.name, d.due_count, d.overdue_count, d.created_at,"
    " d.created_by, (SELECT COUNT(*) FROM reminder_digest_reports p WHERE p.digest_id = d.id)";

constexpr std::string_view kDigestReportColumns =
    "p.digest_id, p.org_code, p.org_name, p.month, p.kind, p.due, p.user_name, p.person";
constexpr std::string_view kReportOrder = "p.digest_id, p.due, p.org_code, p.month, p.kind";

std::pair<std::int64_t, DigestReportRecord> ReadDigestReport(const Statement& s) {
  return {s.Int(0), DigestReportRecord{TextOrEmpty(s, 1), TextOrEmpty(s, 2), TextOrEmpty(s, 3),
                                       TextOrEmpty(s, 4), TextOrEmpty(s, 5), TextOrEmpty(s, 6),
                                       TextOrEmpty(s, 7)}};
}

DigestRecord ReadDigest(const Statement& s, int first) {
  DigestRecord d;
  d.id = s.Int(first);
  d.week = TextOrEmpty(s, first + 1);
  d.recipient = TextOrEmpty(s, first + 2);
  d.kind = TextOrEmpty(s, first + 3);
  d.name = TextOrEmpty(s, first + 4);
  d.due_count = s.Int(first + 5);
  d.overdue_count = s.Int(first + 6);
  d.created_at = TextOrEmpty(s, first + 7);
  d.created_by = TextOrEmpty(s, first + 8);
  d.report_count = s.Int(first + 9);
  return d;
}

DigestItemRecord ReadDigestItem(const Statement& s) {
  return {s.Int(1),          TextOrEmpty(s, 2), TextOrEmpty(s, 3), TextOrEmpty(s, 4),
          TextOrEmpty(s, 5), TextOrEmpty(s, 6), TextOrEmpty(s, 7), TextOrEmpty(s, 8)};
}

std::string IdList(const std::vector<DigestItemRecord>& items, std::string_view list) {
  std::string out = "[";
  for (const DigestItemRecord& item : items) {
    if (item.list != list) continue;
    if (out.size() > 1) out += ",";
    out += std::to_string(item.item_id);
  }
  return out + "]";
}

std::string ReportsJson(const std::vector<DigestReportRecord>& reports) {
  std::string out = "[";
  for (const DigestReportRecord& r : reports) {
    if (out.size() > 1) out += ",";
    out += JsonObject({{"org_code", JsonQuote(r.org_code)},
                       {"month", JsonQuote(r.month)},
                       {"kind", JsonQuote(r.kind)},
                       {"due", JsonQuote(r.due)}});
  }
  return out + "]";
}

std::string DigestJson(const DigestRecord& d) {
  std::string to = "[";
  for (const std::string& name : d.delivered_to) {
    if (to.size() > 1) to += ",";
    to += JsonQuote(name);
  }
  to += "]";
  return JsonObject({{"id", std::to_string(d.id)},
                     {"week", JsonQuote(d.week)},
                     {"recipient", JsonQuote(d.recipient)},
                     {"due", IdList(d.items, "due")},
                     {"overdue", IdList(d.items, "overdue")},
                     {"missing_reports", ReportsJson(d.reports)},
                     {"delivered_to", to}});
}

core::Result<std::int64_t> NextId(Database& db, std::string_view table) {
  core::Result<std::int64_t> max =
      db.QueryInt("SELECT COALESCE(MAX(id), 0) FROM " + std::string(table));
  if (!max.ok()) return max.error();
  return max.value() + 1;
}

// Runs `stmt` bound to `params`, reusing it.
core::Status RunWith(Statement& stmt, const std::vector<SqlParam>& params) {
  BindAll(stmt, params, 1);
  return stmt.Run();
}

}  // namespace

core::Result<std::vector<ReminderSource>> ReminderRecords::OpenItemsDueBy(
    const std::string& last_day) {
  return QueryAll<ReminderSource>(
      tx_.db(), kOpenItemsSql, {last_day, last_day}, [](const Statement& s) {
        return ReminderSource{s.Int(0),          TextOrEmpty(s, 1), TextOrEmpty(s, 2),
                              TextOrEmpty(s, 3), TextOrEmpty(s, 4), TextOrEmpty(s, 5),
                              TextOrEmpty(s, 6), TextOrEmpty(s, 7), TextOrEmpty(s, 8)};
      });
}

core::Result<std::map<std::string, std::vector<std::string>>> ReminderRecords::UnitAdmins() {
  auto rows = QueryAll<std::pair<std::string, std::string>>(
      tx_.db(),
      "SELECT name, scope FROM users WHERE role = 'unit_admin' AND disabled_at IS NULL"
      " ORDER BY name",
      {}, [](const Statement& s) {
        return std::pair{TextOrEmpty(s, 0), TextOrEmpty(s, 1)};
      });
  if (!rows.ok()) return rows.error();
  std::map<std::string, std::vector<std::string>> admins;
  for (const auto& [name, scope] : rows.value()) {
    std::size_t start = 0;
    while (start <= scope.size()) {
      const std::size_t comma = std::min(scope.find(',', start), scope.size());
      if (comma > start) admins[scope.substr(start, comma - start)].push_back(name);
      start = comma + 1;
    }
  }
  return admins;
}

core::Result<std::map<std::string, std::string>> ReminderRecords::DirectOrganizations() {
  auto rows = QueryAll<std::pair<std::string, std::string>>(
      tx_.db(), "SELECT code, COALESCE(parent_code, '') FROM organizations", {},
      [](const Statement& s) {
        return std::pair{TextOrEmpty(s, 0), TextOrEmpty(s, 1)};
      });
  if (!rows.ok()) return rows.error();
  const std::map<std::string, std::string> parent(rows.value().begin(), rows.value().end());
  std::map<std::string, std::string> top;
  for (const auto& [code, up] : parent) {
    std::string at = code;
    // Bounded by the number of organizations, so a cycle written by hand cannot hang it.
    for (std::size_t steps = 0; steps < parent.size(); ++steps) {
      const auto next = parent.find(at);
      if (next == parent.end() || next->second.empty()) break;
      at = next->second;
    }
    top[code] = at;
  }
  return top;
}

core::Result<std::set<std::string>> ReminderRecords::Recorded(const std::string& week) {
  auto rows =
      QueryAll<std::string>(tx_.db(), "SELECT recipient FROM reminder_digests WHERE week = ?",
                            {week}, [](const Statement& s) { return TextOrEmpty(s, 0); });
  if (!rows.ok()) return rows.error();
  return std::set<std::string>(rows.value().begin(), rows.value().end());
}

core::Status ReminderRecords::Record(const std::string& week, std::vector<DigestRecord>& digests) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s;
  Database& db = tx_.db();
  auto digest_id = NextId(db, "reminder_digests");
  if (!digest_id.ok()) return digest_id.error();
  auto delivery_id = NextId(db, "reminder_deliveries");
  if (!delivery_id.ok()) return delivery_id.error();
  auto entry_id = NextAuditId(db);
  if (!entry_id.ok()) return entry_id.error();
  auto insert_digest = db.Prepare(
      "INSERT INTO reminder_digests (id, week, recipient, kind, name, due_count, overdue_count,"
      " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!insert_digest.ok()) return insert_digest.error();
  auto insert_item = db.Prepare(
      "INSERT INTO reminder_digest_items (digest_id, item_id, list, org_code, org_name, measure,"
      " responsible, deadline, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!insert_item.ok()) return insert_item.error();
  auto insert_report = db.Prepare(
      "INSERT INTO reminder_digest_reports (digest_id, org_code, org_name, month, kind, due,"
      " user_name, person) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!insert_report.ok()) return insert_report.error();
  auto insert_delivery =
      db.Prepare("INSERT INTO reminder_deliveries (id, digest_id, user_name) VALUES (?, ?, ?)");
  if (!insert_delivery.ok()) return insert_delivery.error();
  const std::string now = core::FormatUtc(db.clock().Now());
  ChangeRecorder recorder(db, entry_id.value());
  std::int64_t next_digest = digest_id.value();
  std::int64_t next_delivery = delivery_id.value();
  for (DigestRecord& d : digests) {
    d.id = next_digest++;
    d.week = week;
    d.created_at = now;
    d.created_by = tx_.actor().name;
    if (core::Status s =
            RunWith(insert_digest.value(), {d.id, d.week, d.recipient, d.kind, d.name, d.due_count,
                                            d.overdue_count, d.created_at, d.created_by});
        !s.ok()) {
      return s;
    }
    for (const DigestItemRecord& i : d.items) {
      if (core::Status s =
              RunWith(insert_item.value(), {d.id, i.item_id, i.list, i.org_code, i.org_name,
                                            i.measure, i.responsible, i.deadline, i.state});
          !s.ok()) {
        return s;
      }
    }
    for (const DigestReportRecord& r : d.reports) {
      if (core::Status s = RunWith(insert_report.value(), {d.id, r.org_code, r.org_name, r.month,
                                                           r.kind, r.due, r.user_name, r.person});
          !s.ok()) {
        return s;
      }
    }
    d.report_count = static_cast<std::int64_t>(d.reports.size());
    std::sort(d.delivered_to.begin(), d.delivered_to.end());
    d.delivered_to.erase(std::unique(d.delivered_to.begin(), d.delivered_to.end()),
                         d.delivered_to.end());
    for (const std::string& user : d.delivered_to) {
      if (core::Status s = RunWith(insert_delivery.value(), {next_delivery++, d.id, user});
          !s.ok()) {
        return s;
      }
    }
    if (core::Status s =
            recorder.Add("reminder:" + std::to_string(d.id), std::nullopt, DigestJson(d));
        !s.ok()) {
      return s;
    }
  }
  AuditEntry entry = NewEntry(tx_.actor(), "reminder.run", "reminders:" + week);
  if (core::Status s = recorder.Finish(entry); !s.ok()) return s;
  entry.after_json =
      JsonObject({{"week", JsonQuote(week)}, {"digests", std::to_string(digests.size())}});
  return AppendAudit(db, std::move(entry));
}

core::Result<std::vector<DigestRecord>> ReminderRecords::OfWeek(const std::string& week) {
  Database& db = tx_.db();
  auto digests = QueryAll<DigestRecord>(
      db,
      "SELECT " + std::string(kDigestColumns) +
          " FROM reminder_digests d WHERE d.week = ? ORDER BY d.kind, d.recipient",
      {week}, [](const Statement& s) { return ReadDigest(s, 0); });
  if (!digests.ok()) return digests.error();
  std::map<std::int64_t, DigestRecord*> by_id;
  for (DigestRecord& d : digests.value()) by_id[d.id] = &d;
  auto items = QueryAll<std::pair<std::int64_t, DigestItemRecord>>(
      db,
      "SELECT i.digest_id, i.item_id, i.list, i.org_code, i.org_name, i.measure, i.responsible,"
      " i.deadline, i.state FROM reminder_digest_items i JOIN reminder_digests d"
      " ON d.id = i.digest_id WHERE d.week = ?"
      " ORDER BY i.digest_id, i.list, i.deadline, i.item_id",
      {week}, [](const Statement& s) {
        return std::pair{s.Int(0), ReadDigestItem(s)};
      });
  if (!items.ok()) return items.error();
  for (auto& [id, item] : items.value()) by_id[id]->items.push_back(std::move(item));
  auto reports = QueryAll<std::pair<std::int64_t, DigestReportRecord>>(
      db,
      "SELECT " + std::string(kDigestReportColumns) +
          " FROM reminder_digest_reports p JOIN reminder_digests d ON d.id = p.digest_id"
          " WHERE d.week = ? ORDER BY " +
          std::string(kReportOrder),
      {week}, ReadDigestReport);
  if (!reports.ok()) return reports.error();
  for (auto& [id, report] : reports.value()) by_id[id]->reports.push_back(std::move(report));
  auto deliveries = QueryAll<std::pair<std::int64_t, std::string>>(
      db,
      "SELECT r.digest_id, r.user_name FROM reminder_deliveries r JOIN reminder_digests d"
      " ON d.id = r.digest_id WHERE d.week = ? ORDER BY r.digest_id, r.user_name",
      {week}, [](const Statement& s) {
        return std::pair{s.Int(0), TextOrEmpty(s, 1)};
      });
  if (!deliveries.ok()) return deliveries.error();
  for (auto& [id, user] : deliveries.value()) by_id[id]->delivered_to.push_back(std::move(user));
  return digests;
}

core::Result<Page<InboxEntry>> ReminderRecords::Inbox(const std::string& user_name,
                                                      std::int64_t offset, std::int64_t limit) {
  if (core::Status s = CheckPaging(offset, limit); !s.ok()) return s.error();
  Database& db = tx_.db();
  auto total =
      QueryCount(db, "SELECT COUNT(*) FROM reminder_deliveries WHERE user_name = ?", {user_name});
  if (!total.ok()) return total.error();
  auto entries = QueryAll<InboxEntry>(
      db,
      "SELECT r.id, r.user_name, COALESCE(r.read_at, ''), " + std::string(kDigestColumns) +
          " FROM reminder_deliveries r JOIN reminder_digests d ON d.id = r.digest_id"
          " WHERE r.user_name = ? ORDER BY d.week DESC, r.id DESC LIMIT ? OFFSET ?",
      {user_name, limit, offset}, [](const Statement& s) {
        return InboxEntry{s.Int(0), TextOrEmpty(s, 1), TextOrEmpty(s, 2), ReadDigest(s, 3)};
      });
  if (!entries.ok()) return entries.error();
  return Page<InboxEntry>{std::move(entries).value(), total.value()};
}

core::Result<std::int64_t> ReminderRecords::Unread(const std::string& user_name) {
  return QueryCount(tx_.db(),
                    "SELECT COUNT(*) FROM reminder_deliveries WHERE user_name = ?"
                    " AND read_at IS NULL",
                    {user_name});
}

core::Result<std::optional<InboxEntry>> ReminderRecords::Entry(std::int64_t id) {
  Database& db = tx_.db();
  auto entry = QueryOne<InboxEntry>(
      db,
      "SELECT r.id, r.user_name, COALESCE(r.read_at, ''), " + std::string(kDigestColumns) +
          " FROM reminder_deliveries r JOIN reminder_digests d ON d.id = r.digest_id"
          " WHERE r.id = ?",
      {id}, [](const Statement& s) {
        return InboxEntry{s.Int(0), TextOrEmpty(s, 1), TextOrEmpty(s, 2), ReadDigest(s, 3)};
      });
  if (!entry.ok() || !entry.value()) return entry;
  auto items = QueryAll<DigestItemRecord>(
      db,
      "SELECT digest_id, item_id, list, org_code, org_name, measure, responsible, deadline,"
      " state FROM reminder_digest_items WHERE digest_id = ? ORDER BY list, deadline, item_id",
      {entry.value()->digest.id}, ReadDigestItem);
  if (!items.ok()) return items.error();
  entry.value()->digest.items = std::move(items).value();
  auto reports = QueryAll<std::pair<std::int64_t, DigestReportRecord>>(
      db,
      "SELECT " + std::string(kDigestReportColumns) +
          " FROM reminder_digest_reports p WHERE p.digest_id = ? ORDER BY " +
          std::string(kReportOrder),
      {entry.value()->digest.id}, ReadDigestReport);
  if (!reports.ok()) return reports.error();
  for (auto& [id, report] : reports.value()) {
    entry.value()->digest.reports.push_back(std::move(report));
  }
  return entry;
}

core::Status ReminderRecords::MarkRead(InboxEntry& entry) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s;
  Database& db = tx_.db();
  entry.read_at = core::FormatUtc(db.clock().Now());
  if (core::Status s = Execute(db,
                               "UPDATE reminder_deliveries SET read_at = ? WHERE id = ?"
                               " AND read_at IS NULL",
                               {entry.read_at, entry.id});
      !s.ok()) {
    return s;
  }
  const std::string entity = "inbox:" + std::to_string(entry.id);
  const std::string digest = std::to_string(entry.digest.id);
  return tx_.Audit("inbox.read", entity, JsonObject({{"digest", digest}, {"read_at", "null"}}),
                   JsonObject({{"digest", digest}, {"read_at", JsonQuote(entry.read_at)}}));
}

}  // namespace grassroots::storage
