// Five-level support (五级包扶, issue 12) as use cases for the HTTP API and the demo: an
// organization's support sheet for a year, and the audited writes, each checked by
// core/support_rules.h first. The caller has checked the access (core::MayEditSupport to write,
// the organization's scope to read) and passes the organization as stored.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/organization.h"
#include "core/policy.h"
#include "core/support_rules.h"
#include "storage/store.h"
#include "storage/support_records.h"

namespace grassroots::app {

struct SupportSheet {
  std::string org_code;
  int year = 0;
  std::vector<storage::AssignmentRow> assignments;
  std::vector<storage::VisitRow> visits;
  std::vector<storage::WorkTeamRow> work_teams;
  std::vector<storage::FundRow> funds;
  std::int64_t visit_count = 0, on_site_count = 0, funds_fen = 0;
  std::int64_t default_fund_fen = 0;  // core::DefaultFundFen of the organization's type
};

// Everything recorded of `org`'s support in `year`, from one snapshot.
core::Result<SupportSheet> ReadSupport(storage::Store& store, const core::Organization& org,
                                       int year, const core::Policy& policy);

// Each write checks its input against the organization's type and the county's `today`
// (kInvalid naming the field, nothing written), then writes it with its audit entry in one
// transaction; answers the new row's id.
core::Result<std::int64_t> AssignSupport(storage::Store& store, const core::Organization& org,
                                         const core::SupportAssignmentInput& input,
                                         const core::CivilDate& today, const storage::Actor& actor);
core::Result<std::int64_t> RecordVisit(storage::Store& store, const core::Organization& org,
                                       const core::VisitInput& input, const core::CivilDate& today,
                                       const storage::Actor& actor);
core::Result<std::int64_t> RecordWorkTeam(storage::Store& store, const core::Organization& org,
                                          const core::WorkTeamInput& input,
                                          const core::CivilDate& today,
                                          const storage::Actor& actor);
core::Result<std::int64_t> RecordFund(storage::Store& store, const core::Organization& org,
                                      const core::FundInput& input, const core::CivilDate& today,
                                      const storage::Actor& actor);

// The people holding a role in `year` over the organizations `scope` admits, with their counts.
core::Result<std::vector<storage::LeaderCount>> SupportLeaders(storage::Store& store, int year,
                                                               const storage::OrgFilter& scope);

// Records all of `records` in one transaction, each value checked as above: all or nothing.
core::Status RecordSupport(storage::Store& store, const std::vector<core::OrgSupport>& records,
                           const core::CivilDate& today, const storage::Actor& actor);

}  // namespace grassroots::app
