#include "app/support_service.h"

#include "app/named_accounts.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

using storage::SupportRecords;
using storage::Tx;

// Checks `input` by `check`, then writes it with `write` in one transaction (handed the
// transaction and the support records over it).
template <typename Check, typename Write>
core::Result<std::int64_t> CheckedWrite(storage::Store& store, const storage::Actor& actor,
                                        Check check, Write write) {
  if (core::Status s = check(); !s.ok()) return s.error();
  std::int64_t id = 0;
  core::Status status = store.Write(actor, [&](Tx& tx) -> core::Status {
    SupportRecords records(tx);
    core::Result<std::int64_t> written = write(tx, records);
    if (!written.ok()) return written.error();
    id = written.value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return id;
}

template <typename T>
core::Status StatusOf(const core::Result<T>& result) {
  return result.ok() ? core::Status::Ok() : core::Status(result.error());
}

}  // namespace

core::Result<SupportSheet> ReadSupport(storage::Store& store, const core::Organization& org,
                                       int year, const core::Policy& policy) {
  SupportSheet sheet;
  sheet.org_code = org.code;
  sheet.year = year;
  sheet.default_fund_fen = core::DefaultFundFen(policy, org.type);
  core::Status status = store.Read([&](Tx& tx) -> core::Status {
    SupportRecords records(tx);
    auto assignments = records.Assignments(org.code, year);
    if (!assignments.ok()) return assignments.error();
    auto visits = records.Visits(org.code, year);
    if (!visits.ok()) return visits.error();
    auto teams = records.WorkTeams(org.code, year);
    if (!teams.ok()) return teams.error();
    auto funds = records.Funds(org.code, year);
    if (!funds.ok()) return funds.error();
    sheet.assignments = std::move(assignments).value();
    sheet.visits = std::move(visits).value();
    sheet.work_teams = std::move(teams).value();
    sheet.funds = std::move(funds).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  for (const storage::VisitRow& visit : sheet.visits) {
    ++(visit.kind == core::ToString(core::VisitKind::kOnSite) ? sheet.on_site_count
                                                              : sheet.visit_count);
  }
  for (const storage::FundRow& fund : sheet.funds) sheet.funds_fen += fund.amount_fen;
  return sheet;
}

core::Result<std::int64_t> AssignSupport(storage::Store& store, const core::Organization& org,
                                         const core::SupportAssignmentInput& input,
                                         const core::CivilDate& today,
                                         const storage::Actor& actor) {
  return CheckedWrite(
      store, actor, [&] { return core::CheckAssignment(input, org.type, today); },
      [&](Tx& tx, SupportRecords& records) -> core::Result<std::int64_t> {
        if (core::Status s = internal::RequireAccount(tx, "user_name", input.user_name); !s.ok()) {
          return s.error();
        }
        return records.Assign(org.code, input);
      });
}

core::Result<std::int64_t> RecordVisit(storage::Store& store, const core::Organization& org,
                                       const core::VisitInput& input, const core::CivilDate& today,
                                       const storage::Actor& actor) {
  return CheckedWrite(
      store, actor, [&] { return core::CheckVisit(input, today); },
      [&](Tx&, SupportRecords& records) { return records.AddVisit(org.code, input); });
}

core::Result<std::int64_t> RecordWorkTeam(storage::Store& store, const core::Organization& org,
                                          const core::WorkTeamInput& input,
                                          const core::CivilDate& today,
                                          const storage::Actor& actor) {
  return CheckedWrite(
      store, actor, [&] { return core::CheckWorkTeam(input, today); },
      [&](Tx&, SupportRecords& records) { return records.AddWorkTeam(org.code, input); });
}

core::Result<std::int64_t> RecordFund(storage::Store& store, const core::Organization& org,
                                      const core::FundInput& input, const core::CivilDate& today,
                                      const storage::Actor& actor) {
  return CheckedWrite(
      store, actor, [&] { return core::CheckFund(input, today); },
      [&](Tx&, SupportRecords& records) { return records.AddFund(org.code, input); });
}

core::Result<std::vector<storage::LeaderCount>> SupportLeaders(storage::Store& store, int year,
                                                               const storage::OrgFilter& scope) {
  std::vector<storage::LeaderCount> leaders;
  core::Status status = store.Read([&](Tx& tx) -> core::Status {
    auto counted = SupportRecords(tx).Leaders(year, scope);
    if (!counted.ok()) return counted.error();
    leaders = std::move(counted).value();
    return core::Status::Ok();
  });
  if (!status.ok()) return status.error();
  return leaders;
}

core::Status RecordSupport(storage::Store& store, const std::vector<core::OrgSupport>& records,
                           const core::CivilDate& today, const storage::Actor& actor) {
  for (const core::OrgSupport& record : records) {
    for (const auto& input : record.assignments) {
      if (core::Status s = core::CheckAssignment(input, record.type, today); !s.ok()) return s;
    }
    for (const auto& input : record.visits) {
      if (core::Status s = core::CheckVisit(input, today); !s.ok()) return s;
    }
    for (const auto& input : record.work_teams) {
      if (core::Status s = core::CheckWorkTeam(input, today); !s.ok()) return s;
    }
    for (const auto& input : record.funds) {
      if (core::Status s = core::CheckFund(input, today); !s.ok()) return s;
    }
  }
  return store.Write(actor, [&](Tx& tx) -> core::Status {
    SupportRecords support(tx);
    for (const core::OrgSupport& record : records) {
      const std::string& code = record.code;
      for (const auto& input : record.assignments) {
        if (core::Status s = internal::RequireAccount(tx, "user_name", input.user_name); !s.ok()) {
          return s;
        }
        if (core::Status s = StatusOf(support.Assign(code, input)); !s.ok()) return s;
      }
      for (const auto& input : record.visits) {
        if (core::Status s = StatusOf(support.AddVisit(code, input)); !s.ok()) return s;
      }
      for (const auto& input : record.work_teams) {
        if (core::Status s = StatusOf(support.AddWorkTeam(code, input)); !s.ok()) return s;
      }
      for (const auto& input : record.funds) {
        if (core::Status s = StatusOf(support.AddFund(code, input)); !s.ok()) return s;
      }
    }
    return core::Status::Ok();
  });
}

}  // namespace grassroots::app
