// The monthly spot check (每月一抽查, issue 13) as use cases for the CLI and the HTTP API: draw a
// month's sample (core::DrawSpotCheck) from a given or derived seed and store it with the
// candidates as they stood; draw it again from the stored seed and today's data and say whether
// it is identical; record findings against drawn organizations, and open a rectification item
// on the organization's plan from a finding with a problem.
//
// Scope: admin and auditor see every drawn organization; anyone else only those they may read
// (core::MayAccessOrganization), and a drawn organization or finding out of their scope is
// answered exactly as one never drawn. A month's header (seed, source, head, ratio) is the
// county's and is shown to every caller. One draw per month: a second is refused (kConflict
// spot_check_exists {month}), never replaced, so a draw cannot be fished for by running again.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/rectification_service.h"
#include "core/access.h"
#include "core/periods.h"
#include "core/policy.h"
#include "core/spot_check_rules.h"
#include "storage/spot_check_records.h"
#include "storage/store.h"

namespace grassroots::app {

struct SpotCheckView {
  storage::SpotCheckRecord check;
  // The drawn organizations the caller may see, in the order drawn; `drawn_total` counts all
  // and is given only to callers who see the whole county (0 otherwise).
  std::vector<storage::DrawnRecord> drawn;
  std::int64_t drawn_total = 0;
  std::vector<storage::FindingRecord> findings;  // in scope, by organization then id
  // Of `drawn`, the codes the caller may record findings for (core::MayRecordSpotFinding).
  std::vector<std::string> may_record;
};

// Draws `month` ("YYYY-MM", kInvalid naming "month") with `seed` (source "given") or the seed
// derived from the month and the audit chain's head (source "derived"), the policy's
// spot_check_ppm and spot_check_min_selected, and stores it. Admin only (kForbidden
// spot_check_not_permitted).
core::Result<SpotCheckView> RunSpotCheck(storage::Store& store, const core::Principal& who,
                                         const std::string& month,
                                         std::optional<std::uint64_t> seed,
                                         const core::Policy& policy, const storage::Actor& actor);

// Months drawn, newest first.
core::Result<std::vector<storage::SpotCheckRecord>> ListSpotChecks(storage::Store& store);
// kNotFound spot_check_not_found {month} when the month was not drawn.
core::Result<SpotCheckView> GetSpotCheck(storage::Store& store, const core::Principal& who,
                                         const std::string& month);

// The candidates of `month` from the data as it stands now (docs/spot-check.md, "Candidates").
core::Result<std::vector<core::SpotCandidate>> CandidatesNow(storage::Tx& tx,
                                                             const core::DayRange& month,
                                                             std::optional<int>* assessment_year);

// Verify's answer. `difference` is "" when identical, else the first that fails of:
// "seed" (a derived seed is not the one its month and head give), "digest" (the stored
// candidates are not those the stored digest was taken over), "candidates" (the candidates
// computed now differ from the stored ones: `candidate` says how, its code only when the caller
// may read it), "draw" (the draw from the stored seed differs at `position`).
struct SpotVerification {
  std::string month;
  bool identical = false;
  std::string difference;
  std::optional<core::CandidateDifference> candidate;
  bool draw_same = false;  // the re-draw over today's candidates gives the stored list
  int position = 0;        // 1-based first position where the draws differ (draw_same false)
  std::int64_t stored_count = 0, now_count = 0;  // candidates
};
core::Result<SpotVerification> VerifySpotCheck(storage::Store& store, const core::Principal& who,
                                               const std::string& month);

struct NewFinding {
  std::string org_code;
  std::string outcome;  // core::SpotOutcome name
  std::string note;
  std::string checked_on;  // YYYY-MM-DD; '' for the county's today
};
// kNotFound spot_check_org_not_found {month, org} when the organization was not drawn that
// month or is out of scope; kForbidden spot_finding_not_permitted unless
// core::MayRecordSpotFinding; kInvalid naming outcome, note or checked_on (a day from the
// month's first to today).
core::Result<storage::FindingRecord> RecordFinding(
    storage::Store& store, const core::Principal& who, const std::string& month,
    const NewFinding& finding, const storage::Actor& actor, core::UnixSeconds now);
core::Result<std::vector<storage::FindingRecord>> ListFindings(storage::Store& store,
                                                               const core::Principal& who,
                                                               const std::string& month);

// Adds `item` (checked as AddItem checks it) to the plan of the finding's organization for the
// month's year and links it to the finding, in one transaction. kNotFound
// spot_finding_not_found {id}; kConflict finding_not_a_problem (a fine finding),
// finding_item_exists {item}, or no_plan_for_finding {org, year} when the organization has no
// plan that year.
core::Result<ItemView> OpenItemFromFinding(storage::Store& store, const core::Principal& who,
                                           std::int64_t finding_id, const NewItem& item,
                                           const storage::Actor& actor, core::UnixSeconds now);

// For the quarterly bulletin and others: the findings checked on a day of `days`, in the
// caller's scope, by day and id.
core::Result<std::vector<storage::FindingRecord>> SpotCheckFindings(storage::Store& store,
                                                                    const core::Principal& who,
                                                                    const core::DayRange& days);
// For the early-warning colour: the newest finding with a problem of `org_code` checked on a
// day of `days` (nullopt when none, or when the caller may not read the organization).
core::Result<std::optional<storage::FindingRecord>> FailedSpotCheck(storage::Store& store,
                                                                    const core::Principal& who,
                                                                    const std::string& org_code,
                                                                    const core::DayRange& days);

// The same for every organization at once (a map of the county): by code, the newest finding
// with a problem checked on a day of `days`, for the organizations the caller may read.
core::Result<std::map<std::string, storage::FindingRecord>> FailedSpotChecks(
    storage::Store& store, const core::Principal& who, const core::DayRange& days);

}  // namespace grassroots::app
