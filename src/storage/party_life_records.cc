#include "storage/party_life_records.h"

#include <limits>

#include "storage/audit_chain.h"
#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

constexpr std::string_view kMeetingColumns =
    "m.id, m.org_code, m.kind, m.held_on, m.attended, m.expected, m.topic, m.created_by,"
    " m.created_at";

core::MeetingRecord ReadMeeting(const Statement& s) {
  core::MeetingRecord m;
  m.id = s.Int(0);
  m.org_code = TextOrEmpty(s, 1);
  m.kind = core::ParseMeetingKind(TextOrEmpty(s, 2)).value_or(core::MeetingKind::kBranchMeeting);
  m.on = core::ParseIsoDate(TextOrEmpty(s, 3)).value_or(core::CivilDate{});
  m.attended = s.Int(4);
  m.expected = s.IsNull(5) ? 0 : s.Int(5);
  m.topic = TextOrEmpty(s, 6);
  m.recorded_by = TextOrEmpty(s, 7);
  m.recorded_at = TextOrEmpty(s, 8);
  return m;
}

std::string MeetingJson(const core::MeetingRecord& m) {
  return JsonObject({{"id", std::to_string(m.id)},
                     {"org_code", JsonQuote(m.org_code)},
                     {"kind", JsonQuote(core::ToString(m.kind))},
                     {"on", JsonQuote(core::FormatIsoDate(m.on))},
                     {"attended", std::to_string(m.attended)},
                     {"expected", m.expected > 0 ? std::to_string(m.expected) : "null"},
                     {"topic", JsonQuote(m.topic)}});
}

constexpr std::string_view kEconomyColumns =
    "e.org_code, e.year, e.income_fen, e.model, e.recorded_by, e.recorded_at";

core::EconomyRecord ReadEconomy(const Statement& s) {
  core::EconomyRecord r;
  r.org_code = TextOrEmpty(s, 0);
  r.year = static_cast<int>(s.Int(1));
  r.income_fen = s.Int(2);
  r.model =
      core::ParseEconomyModel(TextOrEmpty(s, 3)).value_or(core::EconomyModel::kAssetRevitalization);
  r.recorded_by = TextOrEmpty(s, 4);
  r.recorded_at = TextOrEmpty(s, 5);
  return r;
}

std::string EconomyJson(const core::EconomyRecord& r) {
  return JsonObject({{"org_code", JsonQuote(r.org_code)},
                     {"year", std::to_string(r.year)},
                     {"income_fen", std::to_string(r.income_fen)},
                     {"model", JsonQuote(core::ToString(r.model))}});
}

// Every row `query` admits under `filter`, in one statement (no paging).
template <typename T, typename Read>
core::Result<std::vector<T>> Every(Database& db, const FilteredQuery& query, OrgFilter filter,
                                   Read read) {
  filter.offset = 0;
  filter.limit = std::numeric_limits<std::int32_t>::max();
  const BuiltQuery built = BuildFiltered(query, filter, true);
  return QueryAll<T>(db, built.sql, built.params, read);
}

}  // namespace

core::Result<core::MeetingRecord> PartyMeetingRecords::Add(core::MeetingRecord meeting) {
  if (core::Status s = tx_->RequireWritable(); !s.ok()) return s.error();
  Database& db = tx_->db();
  meeting.recorded_by = tx_->actor().name;
  meeting.recorded_at = core::FormatUtc(db.clock().Now());
  const SqlParam expected =
      meeting.expected > 0 ? SqlParam(meeting.expected) : SqlParam(std::monostate());
  if (core::Status s = Execute(db,
                               "INSERT INTO party_meetings (org_code, kind, held_on, attended,"
                               " expected, topic, created_by, created_at)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               {meeting.org_code, std::string(core::ToString(meeting.kind)),
                                core::FormatIsoDate(meeting.on), meeting.attended, expected,
                                meeting.topic, meeting.recorded_by, meeting.recorded_at});
      !s.ok()) {
    return s.error();
  }
  // The shared SQL has no RETURNING; a write transaction holds the backend's write lock, so the
  // largest id is the row just inserted.
  core::Result<std::int64_t> id = db.QueryInt("SELECT MAX(id) FROM party_meetings");
  if (!id.ok()) return id.error();
  meeting.id = id.value();
  if (core::Status s = tx_->Audit("meeting.create", "meeting:" + std::to_string(meeting.id),
                                  std::nullopt, MeetingJson(meeting));
      !s.ok()) {
    return s.error();
  }
  return meeting;
}

core::Result<bool> PartyMeetingRecords::Exists(const core::MeetingRecord& meeting) {
  // Not QueryCount: its remembered totals would not see a row this transaction just wrote.
  auto found = QueryOne<std::int64_t>(
      tx_->db(),
      "SELECT id FROM party_meetings WHERE org_code = ? AND kind = ? AND held_on = ? AND"
      " topic = ?",
      {meeting.org_code, std::string(core::ToString(meeting.kind)), core::FormatIsoDate(meeting.on),
       meeting.topic},
      [](const Statement& s) { return s.Int(0); });
  if (!found.ok()) return found.error();
  return found.value().has_value();
}

core::Result<std::vector<MeetingRow>> PartyMeetingRecords::Held(const core::DayRange& days,
                                                                OrgFilter filter) {
  FilteredQuery query;
  query.from = "party_meetings m JOIN organizations o ON o.code = m.org_code";
  query.columns = std::string(kMeetingColumns) + ", o.name";
  query.where = "m.held_on >= ? AND m.held_on <= ?";
  query.params = {core::FormatIsoDate(days.first), core::FormatIsoDate(days.last)};
  query.order = "o.code, m.held_on, m.id";
  return Every<MeetingRow>(tx_->db(), query, std::move(filter), [](const Statement& s) {
    return MeetingRow{ReadMeeting(s), TextOrEmpty(s, 9)};
  });
}

core::Result<std::vector<core::MeetingRecord>> PartyMeetingRecords::HeldAt(
    const std::string& code, const core::DayRange& days) {
  return QueryAll<core::MeetingRecord>(
      tx_->db(),
      "SELECT " + std::string(kMeetingColumns) +
          " FROM party_meetings m WHERE m.org_code = ? AND m.held_on >= ? AND m.held_on <= ?"
          " ORDER BY m.held_on, m.id",
      {code, core::FormatIsoDate(days.first), core::FormatIsoDate(days.last)}, ReadMeeting);
}

core::Result<std::vector<BranchRow>> PartyMeetingRecords::Branches(OrgFilter filter) {
  FilteredQuery query;
  query.from = "organizations o";
  query.columns = "o.code, o.name";
  query.where = "o.kind <> 'committee'";
  query.order = "o.code";
  filter.ended = false;
  return Every<BranchRow>(tx_->db(), query, std::move(filter), [](const Statement& s) {
    return BranchRow{TextOrEmpty(s, 0), TextOrEmpty(s, 1)};
  });
}

core::Result<std::int64_t> PartyMeetingRecords::MembersOnRoll(const std::string& code) {
  auto count = QueryOne<std::int64_t>(
      tx_->db(), "SELECT COUNT(*) FROM members WHERE org_code = ? AND left_on IS NULL", {code},
      [](const Statement& s) { return s.Int(0); });
  if (!count.ok()) return count.error();
  return count.value().value_or(0);
}

core::Result<core::EconomyRecord> EconomyRecords::Put(core::EconomyRecord record) {
  if (core::Status s = tx_->RequireWritable(); !s.ok()) return s.error();
  Database& db = tx_->db();
  auto before = Get(record.org_code, record.year);
  if (!before.ok()) return before.error();
  record.recorded_by = tx_->actor().name;
  record.recorded_at = core::FormatUtc(db.clock().Now());
  if (core::Status s = Execute(
          db,
          "INSERT INTO collective_economy (org_code, year, income_fen, model, recorded_by,"
          " recorded_at) VALUES (?, ?, ?, ?, ?, ?)"
          " ON CONFLICT (org_code, year) DO UPDATE SET income_fen = excluded.income_fen,"
          " model = excluded.model, recorded_by = excluded.recorded_by,"
          " recorded_at = excluded.recorded_at",
          {record.org_code, std::int64_t{record.year}, record.income_fen,
           std::string(core::ToString(record.model)), record.recorded_by, record.recorded_at});
      !s.ok()) {
    return s.error();
  }
  std::optional<std::string> before_json;
  if (before.value()) before_json = EconomyJson(*before.value());
  if (core::Status s = tx_->Audit("economy.record",
                                  "economy:" + record.org_code + ":" + std::to_string(record.year),
                                  before_json, EconomyJson(record));
      !s.ok()) {
    return s.error();
  }
  return record;
}

core::Result<std::optional<core::EconomyRecord>> EconomyRecords::Get(const std::string& code,
                                                                     int year) {
  return QueryOne<core::EconomyRecord>(tx_->db(),
                                       "SELECT " + std::string(kEconomyColumns) +
                                           " FROM collective_economy e WHERE e.org_code = ? AND"
                                           " e.year = ?",
                                       {code, std::int64_t{year}}, ReadEconomy);
}

core::Result<std::vector<EconomyRow>> EconomyRecords::List(int year, OrgFilter filter) {
  FilteredQuery query;
  query.from = "collective_economy e JOIN organizations o ON o.code = e.org_code";
  query.columns = std::string(kEconomyColumns) + ", o.name";
  if (year != 0) {
    query.where = "e.year = ?";
    query.params = {std::int64_t{year}};
  }
  query.order = "e.year, o.code";
  return Every<EconomyRow>(tx_->db(), query, std::move(filter), [](const Statement& s) {
    return EconomyRow{ReadEconomy(s), TextOrEmpty(s, 6)};
  });
}

}  // namespace grassroots::storage
