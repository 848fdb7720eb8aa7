#include "storage/member_status_records.h"

#include <algorithm>
#include <map>

#include "storage/audit_chain.h"
#include "storage/audited_rows.h"
#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

constexpr std::string_view kStatusChangeColumns =
    "c.id, c.member_id, c.changed_on, c.from_status, c.to_status, c.note, c.created_by,"
    " c.created_at";

core::MemberStatus StatusOf(std::string_view text) {
  return core::ParseMemberStatus(text).value_or(core::MemberStatus::kRegular);
}

core::StatusChange ReadStatusChange(const Statement& s) {
  core::StatusChange c;
  c.id = s.Int(0);
  c.member_id = std::string(s.Text(1));
  c.on = core::ParseIsoDate(s.Text(2)).value_or(core::CivilDate{});
  c.from = StatusOf(s.Text(3));
  c.to = StatusOf(s.Text(4));
  c.note = std::string(s.Text(5));
  c.recorded_by = std::string(s.Text(6));
  c.recorded_at = std::string(s.Text(7));
  return c;
}

std::string StatusJson(core::MemberStatus status, const core::StatusChange* change) {
  std::vector<std::pair<std::string_view, std::string>> fields = {
      {"status", JsonQuote(core::ToString(status))}};
  if (change) {
    fields.emplace_back("on", JsonQuote(core::FormatIsoDate(change->on)));
    fields.emplace_back("note", JsonQuote(change->note));
  }
  return JsonObject(fields);
}

}  // namespace

core::Result<std::optional<core::Member>> MemberStatusRecords::Member(const std::string& id) {
  return QueryOne<core::Member>(
      tx_.db(), "SELECT " + std::string(kMemberColumns) + " FROM members WHERE id = ?", {id},
      ReadMember);
}

core::Result<std::optional<core::CivilDate>> MemberStatusRecords::LastChangeDay(
    const std::string& member_id) {
  auto day = QueryOne<std::string>(
      tx_.db(), "SELECT MAX(changed_on) FROM member_status_changes WHERE member_id = ?",
      {member_id}, [](const Statement& s) { return TextOrEmpty(s, 0); });
  if (!day.ok()) return day.error();
  if (!day.value() || day.value()->empty()) return std::optional<core::CivilDate>();
  return core::ParseIsoDate(*day.value());
}

core::Result<core::StatusChange> MemberStatusRecords::Record(core::StatusChange change) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s.error();
  Database& db = tx_.db();
  change.recorded_by = tx_.actor().name;
  change.recorded_at = core::FormatUtc(db.clock().Now());
  if (core::Status s =
          Execute(db,
                  "INSERT INTO member_status_changes (member_id, changed_on,"
                  " from_status, to_status, note, created_at, created_by)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?)",
                  {change.member_id, core::FormatIsoDate(change.on),
                   std::string(core::ToString(change.from)), std::string(core::ToString(change.to)),
                   change.note, change.recorded_at, change.recorded_by});
      !s.ok()) {
    return s.error();
  }
  core::Result<std::int64_t> id = db.QueryInt("SELECT MAX(id) FROM member_status_changes");
  if (!id.ok()) return id.error();
  change.id = id.value();
  if (core::Status s = Execute(db, "UPDATE members SET status = ? WHERE id = ?",
                               {std::string(core::ToString(change.to)), change.member_id});
      !s.ok()) {
    return s.error();
  }
  if (core::Status s = tx_.Audit("member.status", MemberEntity(change.member_id),
                                 StatusJson(change.from, nullptr), StatusJson(change.to, &change));
      !s.ok()) {
    return s.error();
  }
  return change;
}

core::Result<std::vector<core::StatusChange>> MemberStatusRecords::ImportedChanges(
    const std::vector<core::Member>& rows, const core::CivilDate& today) {
  Database& db = tx_.db();
  // The stored members of the rows, a few hundred ids a query (bound parameters are limited).
  constexpr std::size_t kIdsPerQuery = 500;
  std::map<std::string, core::Member, std::less<>> stored;
  for (std::size_t next = 0; next < rows.size(); next += kIdsPerQuery) {
    const std::size_t end = std::min(rows.size(), next + kIdsPerQuery);
    std::vector<SqlParam> ids;
    for (std::size_t i = next; i < end; ++i) ids.emplace_back(rows[i].id);
    auto found =
        QueryAll<core::Member>(db,
                               "SELECT " + std::string(kMemberColumns) +
                                   " FROM members WHERE id IN (" + Placeholders(ids.size()) + ")",
                               ids, ReadMember);
    if (!found.ok()) return found.error();
    for (core::Member& m : found.value()) stored.emplace(m.id, std::move(m));
  }
  std::vector<core::StatusChange> changes;
  for (const core::Member& row : rows) {
    auto it = stored.find(row.id);
    if (it == stored.end() || it->second.status == row.status) continue;  // new, or unchanged
    core::Result<std::optional<core::CivilDate>> previous = LastChangeDay(row.id);
    if (!previous.ok()) return previous.error();
    core::Result<core::StatusChange> change = core::CheckStatusChange(
        {std::string(core::ToString(row.status)), core::FormatIsoDate(today), "导入"}, it->second,
        previous.value(), today);
    if (!change.ok()) {
      core::Error refused = change.error();
      refused.message = "member " + row.id + ": " + refused.message;
      return refused;
    }
    changes.push_back(std::move(change).value());
  }
  return changes;
}

core::Status MemberStatusRecords::RecordImported(const std::vector<core::Member>& rows,
                                                 const core::CivilDate& today) {
  if (core::Status s = tx_.RequireWritable(); !s.ok()) return s;
  core::Result<std::vector<core::StatusChange>> changes = ImportedChanges(rows, today);
  if (!changes.ok()) return changes.error();
  Database& db = tx_.db();
  const std::string recorded_at = core::FormatUtc(db.clock().Now());
  for (const core::StatusChange& change : changes.value()) {
    if (core::Status s = Execute(
            db,
            "INSERT INTO member_status_changes (member_id, changed_on,"
            " from_status, to_status, note, created_at, created_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            {change.member_id, core::FormatIsoDate(change.on),
             std::string(core::ToString(change.from)), std::string(core::ToString(change.to)),
             change.note, recorded_at, tx_.actor().name});
        !s.ok()) {
      return s;
    }
  }
  return core::Status::Ok();
}

core::Result<std::vector<core::StatusChange>> MemberStatusRecords::HistoryOf(
    const std::string& member_id) {
  return QueryAll<core::StatusChange>(tx_.db(),
                                      "SELECT " + std::string(kStatusChangeColumns) +
                                          " FROM member_status_changes c WHERE c.member_id = ?"
                                          " ORDER BY c.changed_on, c.id",
                                      {member_id}, ReadStatusChange);
}

core::Result<std::vector<core::MemberHistory>> MemberStatusRecords::RollOf(const std::string& org) {
  auto members = QueryAll<core::Member>(
      tx_.db(),
      "SELECT " + std::string(kMemberColumns) + " FROM members WHERE org_code = ? ORDER BY id",
      {org}, ReadMember);
  if (!members.ok()) return members.error();
  auto changes = QueryAll<core::StatusChange>(
      tx_.db(),
      "SELECT " + std::string(kStatusChangeColumns) +
          " FROM member_status_changes c JOIN members m ON m.id = c.member_id"
          " WHERE m.org_code = ? ORDER BY c.member_id, c.changed_on, c.id",
      {org}, ReadStatusChange);
  if (!changes.ok()) return changes.error();
  std::map<std::string, std::vector<core::StatusChange>> by_member;
  for (core::StatusChange& c : changes.value()) by_member[c.member_id].push_back(std::move(c));
  std::vector<core::MemberHistory> out;
  out.reserve(members.value().size());
  for (core::Member& m : members.value()) {
    core::MemberHistory h;
    if (auto it = by_member.find(m.id); it != by_member.end()) h.changes = std::move(it->second);
    h.member = std::move(m);
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace grassroots::storage
