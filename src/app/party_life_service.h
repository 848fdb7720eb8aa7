// Party life (三会一课, issue 14) as use cases for the HTTP API, the CSV import and the demo:
// logging a branch's meeting, the meetings of a period, a quarter's summary per branch with
// shortfalls, and the `routine` dimension's evidence of an organization's year. The rules are
// core/party_life.h's, the required counts the policy's [party_life]. The caller has checked
// that the principal may read the organization (and, to log, core::MayLogMeetings) and limits
// lists to the principal's scope through the OrgFilter.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/error.h"
#include "core/import_rows.h"
#include "core/organization.h"
#include "core/party_life.h"
#include "core/policy.h"
#include "export/table_writer.h"
#include "storage/party_life_records.h"
#include "storage/store.h"

namespace grassroots::app {

// Logs a meeting of `org` (as stored): core::CheckHoldsPartyLife, core::CheckMeeting with the
// county's `today`, `expected` defaulting to the members on its roll; the same meeting
// (organization, kind, day, topic) twice is kConflict meeting_already_logged. Audited.
core::Result<core::MeetingRecord> LogMeeting(storage::Store& store, const core::Organization& org,
                                             core::MeetingInput input, const core::CivilDate& today,
                                             const storage::Actor& actor);

core::Result<std::vector<storage::MeetingRow>> ListMeetings(storage::Store& store,
                                                            const core::DayRange& days,
                                                            const storage::OrgFilter& scope);

// The existing branches and general branches the filter admits, by code.
core::Result<std::vector<storage::BranchRow>> PartyLifeBranches(storage::Store& store,
                                                                const storage::OrgFilter& scope);

struct BranchQuarter {
  std::string code, name;
  core::QuarterTally tally;
};
// Every branch the filter admits with its tally of `quarter` (core::TallyQuarter), those short
// of the required counts flagged once the quarter has ended.
core::Result<std::vector<BranchQuarter>> QuarterSummary(storage::Store& store,
                                                        const core::Quarter& quarter,
                                                        const storage::OrgFilter& scope,
                                                        const core::PartyLifeRequirements& required,
                                                        const core::CivilDate& today);

// The `routine` dimension's evidence: the four quarters of `year` of organization `code`.
core::Result<std::array<core::QuarterTally, 4>> RoutineEvidence(
    storage::Store& store, const std::string& code, int year,
    const core::PartyLifeRequirements& required, const core::CivilDate& today);

// The quarter summaries of `year` as a table (the 三会一课 page's export): per quarter and
// branch, the meetings held of each kind, and what is missing — 未达标 once the quarter ended,
// 进行中 before. The filter's paging is ignored.
core::Status ExportMeetingSummary(storage::Store& store, int year, const storage::OrgFilter& scope,
                                  const core::PartyLifeRequirements& required,
                                  const core::CivilDate& today, exporting::TableWriter& out);

struct MeetingImportOutcome {
  std::vector<core::LineError> errors;  // non-empty: nothing was written
  std::int64_t meetings = 0;            // written, or that would be on a dry run
};

// A quarter's meetings from a file (CSV in UTF-8 with or without BOM or GB18030, or .xlsx;
// core::kMeetingFileColumns), all or nothing: every row is checked first (core::MeetingErrors,
// then the organization: unknown or out of `who`'s scope is organization_not_found like a code
// never used, a committee party_life_branches_only, one `who` may not log for
// meeting_log_not_permitted, a meeting already logged or twice in the file
// meeting_already_logged), each error at the file's line naming its field; nothing is written
// unless every row is good, then all in one transaction. `dry_run` checks and writes nothing.
// kInvalid only when the file cannot be read at all.
core::Result<MeetingImportOutcome> ImportMeetings(storage::Store& store, const core::Principal& who,
                                                  std::string_view bytes,
                                                  const core::CivilDate& today, bool dry_run,
                                                  const storage::Actor& actor);

}  // namespace grassroots::app
