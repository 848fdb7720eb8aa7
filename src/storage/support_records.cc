#include "storage/support_records.h"

#include "storage/audit_chain.h"
#include "storage/server_sql.h"

namespace grassroots::storage {
namespace {

// The role order of kAllSupportRoles, as SQL.
constexpr std::string_view kRoleOrder =
    "CASE role WHEN 'contact_leader' THEN 0 WHEN 'org_guide' THEN 1 WHEN 'partner_agency' THEN 2"
    " WHEN 'supervisor' THEN 3 ELSE 4 END";

AssignmentRow ReadAssignment(const Statement& s) {
  AssignmentRow row;
  row.id = s.Int(0);
  row.org_code = TextOrEmpty(s, 1);
  row.year = static_cast<int>(s.Int(2));
  row.role = TextOrEmpty(s, 3);
  row.person = TextOrEmpty(s, 4);
  row.agency = TextOrEmpty(s, 5);
  row.user_name = TextOrEmpty(s, 6);
  row.phone = TextOrEmpty(s, 7);
  row.start_date = TextOrEmpty(s, 8);
  row.ended_on = TextOrEmpty(s, 9);
  return row;
}

constexpr std::string_view kAssignmentColumns =
    "SELECT id, org_code, year, role, person, agency, user_name, phone, start_date, ended_on"
    " FROM support_assignments";

std::string AssignmentJson(const AssignmentRow& row) {
  return JsonObject({{"id", std::to_string(row.id)},
                     {"role", JsonQuote(row.role)},
                     {"person", JsonQuote(row.person)},
                     {"agency", JsonQuote(row.agency)},
                     {"user_name", row.user_name.empty() ? "null" : JsonQuote(row.user_name)},
                     {"phone", JsonQuote(row.phone)},
                     {"start_date", JsonQuote(row.start_date)},
                     {"ended_on", row.ended_on.empty() ? "null" : JsonQuote(row.ended_on)}});
}

// Runs an INSERT ... RETURNING id (SQLite 3.35+ and PostgreSQL alike).
core::Result<std::int64_t> InsertReturningId(Database& db, std::string_view sql,
                                             const std::vector<SqlParam>& params) {
  core::Result<std::optional<std::int64_t>> id =
      QueryOne<std::int64_t>(db, sql, params, [](const Statement& s) { return s.Int(0); });
  if (!id.ok()) return id.error();
  if (!id.value()) return core::Error::Internal("an insert answered no id");
  return *id.value();
}

}  // namespace

core::Result<std::vector<AssignmentRow>> SupportRecords::Assignments(const std::string& code,
                                                                     int year) {
  return QueryAll<AssignmentRow>(tx_->db(),
                                 std::string(kAssignmentColumns) +
                                     " WHERE org_code = ? AND year = ? ORDER BY " +
                                     std::string(kRoleOrder) + ", start_date, id",
                                 {code, std::int64_t{year}}, ReadAssignment);
}

core::Result<std::vector<VisitRow>> SupportRecords::Visits(const std::string& code, int year) {
  return QueryAll<VisitRow>(
      tx_->db(),
      "SELECT id, visit_date, kind, visitor, visitor_role, solved FROM support_visits"
      " WHERE org_code = ? AND year = ? ORDER BY visit_date, id",
      {code, std::int64_t{year}}, [](const Statement& s) {
        return VisitRow{s.Int(0),          TextOrEmpty(s, 1), TextOrEmpty(s, 2),
                        TextOrEmpty(s, 3), TextOrEmpty(s, 4), TextOrEmpty(s, 5)};
      });
}

core::Result<std::vector<WorkTeamRow>> SupportRecords::WorkTeams(const std::string& code,
                                                                 int year) {
  return QueryAll<WorkTeamRow>(
      tx_->db(),
      "SELECT id, leader, members, agency, start_date, end_date FROM work_teams"
      " WHERE org_code = ? AND year = ? ORDER BY start_date, id",
      {code, std::int64_t{year}}, [](const Statement& s) {
        return WorkTeamRow{s.Int(0),          TextOrEmpty(s, 1), TextOrEmpty(s, 2),
                           TextOrEmpty(s, 3), TextOrEmpty(s, 4), TextOrEmpty(s, 5)};
      });
}

core::Result<std::vector<FundRow>> SupportRecords::Funds(const std::string& code, int year) {
  return QueryAll<FundRow>(
      tx_->db(),
      "SELECT id, amount_fen, purpose, granted_on FROM special_funds"
      " WHERE org_code = ? AND year = ? ORDER BY granted_on, id",
      {code, std::int64_t{year}}, [](const Statement& s) {
        return FundRow{s.Int(0), s.Int(1), TextOrEmpty(s, 2), TextOrEmpty(s, 3)};
      });
}

core::Status SupportRecords::Audit(const std::string& action, const std::string& code, int year,
                                   std::optional<std::string> before, std::string after) {
  return tx_->Audit(action, "support:" + code + ":" + std::to_string(year), std::move(before),
                    std::move(after));
}

core::Result<std::int64_t> SupportRecords::Assign(const std::string& code,
                                                  const core::SupportAssignmentInput& input) {
  if (core::Status s = tx_->RequireWritable(); !s.ok()) return s.error();
  Database& db = tx_->db();
  const std::string role(core::ToString(input.role));
  core::Result<std::optional<AssignmentRow>> current = QueryOne<AssignmentRow>(
      db,
      std::string(kAssignmentColumns) +
          " WHERE org_code = ? AND year = ? AND role = ? AND ended_on IS NULL"
          " ORDER BY id DESC",
      {code, std::int64_t{input.year}, role}, ReadAssignment);
  if (!current.ok()) return current.error();
  std::optional<std::string> before;
  if (current.value()) {
    AssignmentRow ended = *current.value();
    ended.ended_on = input.start_date;
    if (core::Status s = Execute(db, "UPDATE support_assignments SET ended_on = ? WHERE id = ?",
                                 {input.start_date, ended.id});
        !s.ok()) {
      return s.error();
    }
    before = AssignmentJson(ended);
  }
  core::Result<std::int64_t> id = InsertReturningId(
      db,
      "INSERT INTO support_assignments (org_code, year, role, person, agency, user_name, phone,"
      " start_date, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {code, std::int64_t{input.year}, role, input.person, input.agency,
       NullIfEmpty(input.user_name), input.phone, input.start_date,
       core::FormatUtc(db.clock().Now()), tx_->actor().name});
  if (!id.ok()) return id;
  AssignmentRow row{
      id.value(),      code,        input.year,       role, input.person, input.agency,
      input.user_name, input.phone, input.start_date, ""};
  if (core::Status s = Audit("support.assign", code, input.year, before, AssignmentJson(row));
      !s.ok()) {
    return s.error();
  }
  return id;
}

core::Result<std::int64_t> SupportRecords::AddVisit(const std::string& code,
                                                    const core::VisitInput& input) {
  if (core::Status s = tx_->RequireWritable(); !s.ok()) return s.error();
  Database& db = tx_->db();
  const std::string kind(core::ToString(input.kind));
  core::Result<std::int64_t> id = InsertReturningId(
      db,
      "INSERT INTO support_visits (org_code, year, visit_date, kind, visitor, visitor_role,"
      " solved, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {code, std::int64_t{input.year}, input.visit_date, kind, input.visitor, input.visitor_role,
       input.solved, core::FormatUtc(db.clock().Now()), tx_->actor().name});
  if (!id.ok()) return id;
  const std::string after = JsonObject({{"id", std::to_string(id.value())},
                                        {"visit_date", JsonQuote(input.visit_date)},
                                        {"kind", JsonQuote(kind)},
                                        {"visitor", JsonQuote(input.visitor)},
                                        {"visitor_role", JsonQuote(input.visitor_role)},
                                        {"solved", JsonQuote(input.solved)}});
  if (core::Status s = Audit("support.visit", code, input.year, std::nullopt, after); !s.ok()) {
    return s.error();
  }
  return id;
}

core::Result<std::int64_t> SupportRecords::AddWorkTeam(const std::string& code,
                                                       const core::WorkTeamInput& input) {
  if (core::Status s = tx_->RequireWritable(); !s.ok()) return s.error();
  Database& db = tx_->db();
  core::Result<std::int64_t> id = InsertReturningId(
      db,
      "INSERT INTO work_teams (org_code, year, leader, members, agency, start_date, end_date,"
      " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {code, std::int64_t{input.year}, input.leader, input.members, input.agency, input.start_date,
       NullIfEmpty(input.end_date), core::FormatUtc(db.clock().Now()), tx_->actor().name});
  if (!id.ok()) return id;
  const std::string after =
      JsonObject({{"id", std::to_string(id.value())},
                  {"leader", JsonQuote(input.leader)},
                  {"members", JsonQuote(input.members)},
                  {"agency", JsonQuote(input.agency)},
                  {"start_date", JsonQuote(input.start_date)},
                  {"end_date", input.end_date.empty() ? "null" : JsonQuote(input.end_date)}});
  if (core::Status s = Audit("support.work_team", code, input.year, std::nullopt, after); !s.ok()) {
    return s.error();
  }
  return id;
}

core::Result<std::int64_t> SupportRecords::AddFund(const std::string& code,
                                                   const core::FundInput& input) {
  if (core::Status s = tx_->RequireWritable(); !s.ok()) return s.error();
  Database& db = tx_->db();
  core::Result<std::int64_t> id = InsertReturningId(
      db,
      "INSERT INTO special_funds (org_code, year, amount_fen, purpose, granted_on, created_at,"
      " created_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {code, std::int64_t{input.year}, input.amount_fen, input.purpose, input.granted_on,
       core::FormatUtc(db.clock().Now()), tx_->actor().name});
  if (!id.ok()) return id;
  const std::string after = JsonObject({{"id", std::to_string(id.value())},
                                        {"amount_fen", std::to_string(input.amount_fen)},
                                        {"purpose", JsonQuote(input.purpose)},
                                        {"granted_on", JsonQuote(input.granted_on)}});
  if (core::Status s = Audit("support.fund", code, input.year, std::nullopt, after); !s.ok()) {
    return s.error();
  }
  return id;
}

core::Result<std::vector<LeaderCount>> SupportRecords::Leaders(int year, OrgFilter filter) {
  FilteredQuery query;
  query.from = "support_assignments a JOIN organizations o ON o.code = a.org_code";
  query.columns =
      "a.person, a.user_name, a.role,"
      " (SELECT COUNT(*) FROM support_visits v WHERE v.org_code = a.org_code AND v.year = a.year"
      " AND v.visitor = a.person AND v.kind = 'visit'),"
      " (SELECT COUNT(*) FROM support_visits v WHERE v.org_code = a.org_code AND v.year = a.year"
      " AND v.visitor = a.person AND v.kind = 'on_site')";
  query.where = "a.year = ? AND a.ended_on IS NULL";
  query.params = {std::int64_t{year}};
  // A person's rows in one run, so they are summed as they come.
  query.order =
      "CASE a.role WHEN 'contact_leader' THEN 0 WHEN 'org_guide' THEN 1"
      " WHEN 'partner_agency' THEN 2 WHEN 'supervisor' THEN 3 ELSE 4 END,"
      " a.person, COALESCE(a.user_name, ''), a.id";
  std::vector<LeaderCount> counts;
  filter.limit = kMaxPageSize;
  for (filter.offset = 0;; filter.offset += kMaxPageSize) {
    std::int64_t rows = 0;
    core::Result<std::int64_t> total = VisitPage(tx_->db(), query, filter, [&](const Statement& s) {
      ++rows;
      LeaderCount row{TextOrEmpty(s, 0), TextOrEmpty(s, 1), TextOrEmpty(s, 2), 1,
                      s.Int(3),          s.Int(4)};
      LeaderCount* last = counts.empty() ? nullptr : &counts.back();
      if (last && last->person == row.person && last->user_name == row.user_name &&
          last->role == row.role) {
        ++last->organizations;
        last->visits += row.visits;
        last->on_site += row.on_site;
      } else {
        counts.push_back(std::move(row));
      }
    });
    if (!total.ok()) return total.error();
    if (rows < kMaxPageSize) return counts;
  }
}

}  // namespace grassroots::storage
