// Five-level support (五级包扶, migration 012) as storage over a transaction (tx.h): who holds
// each role for an organization and year, its visits and on-site sessions, work teams and
// special funds, and the counts per person who holds a role. Values arrive checked by
// core/support_rules.h; every write appends its audit entry in the same transaction, entity
// "support:CODE:YEAR". SQL shared by SQLite and PostgreSQL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/support_rules.h"
#include "storage/store.h"
#include "storage/tx.h"

namespace grassroots::storage {

struct AssignmentRow {
  std::int64_t id = 0;
  std::string org_code;
  int year = 0;
  std::string role;  // a core::SupportRole name
  std::string person, agency, user_name, phone, start_date;
  std::string ended_on;  // '' while current
};

struct VisitRow {
  std::int64_t id = 0;
  std::string visit_date, kind, visitor, visitor_role, solved;
};

struct WorkTeamRow {
  std::int64_t id = 0;
  std::string leader, members, agency, start_date, end_date;
};

struct FundRow {
  std::int64_t id = 0;
  std::int64_t amount_fen = 0;
  std::string purpose, granted_on;
};

// A person holding a role in a year, over the organizations in the filter's scope: how many
// they support and the visits and on-site sessions they logged there (visitor = person).
struct LeaderCount {
  std::string person, user_name, role;
  std::int64_t organizations = 0, visits = 0, on_site = 0;
};

class SupportRecords {
 public:
  explicit SupportRecords(Tx& tx) : tx_(&tx) {}

  // Every holder of the organization's roles in `year`, the ended ones too, by role (in
  // core::kAllSupportRoles order), then start date and id.
  core::Result<std::vector<AssignmentRow>> Assignments(const std::string& code, int year);
  core::Result<std::vector<VisitRow>> Visits(const std::string& code, int year);  // by date, id
  core::Result<std::vector<WorkTeamRow>> WorkTeams(const std::string& code, int year);
  core::Result<std::vector<FundRow>> Funds(const std::string& code, int year);

  // Makes `input`'s person the holder of its role from its start date: the current holder, if
  // any, gets ended_on = that date. Answers the new row's id.
  core::Result<std::int64_t> Assign(const std::string& code,
                                    const core::SupportAssignmentInput& input);
  core::Result<std::int64_t> AddVisit(const std::string& code, const core::VisitInput& input);
  core::Result<std::int64_t> AddWorkTeam(const std::string& code, const core::WorkTeamInput& input);
  core::Result<std::int64_t> AddFund(const std::string& code, const core::FundInput& input);

  // Current holders in `year` of organizations the filter admits (its scope, unit, type; its
  // paging is ignored), counted per (person, account, role), by role then person.
  core::Result<std::vector<LeaderCount>> Leaders(int year, OrgFilter filter);

 private:
  core::Status Audit(const std::string& action, const std::string& code, int year,
                     std::optional<std::string> before, std::string after);
  Tx* tx_;
};

}  // namespace grassroots::storage
