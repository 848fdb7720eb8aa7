// The monthly spot checks as stored (migration 016, issue 13), over a transaction (tx.h): a
// month's draw with its seed, source, audit head, policy values and the candidates as they stood,
// the drawn list in order with the generator's numbers, and the findings recorded against drawn
// organizations. Also the data a month's candidates are computed from (LiveCandidateFacts).
// Writes only in Write's transaction, each with its audit entry ("spotcheck:YYYY-MM",
// "spotfinding:ID"). Which rows a caller may see is app's and core's; this only stores.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/rectification_plan.h"
#include "core/spot_check.h"
#include "storage/tx.h"

namespace grassroots::storage {

struct SpotCheckRecord {
  std::string month;  // YYYY-MM
  std::uint64_t seed = 0;
  std::string seed_source;  // "given" or "derived"
  std::string audit_head;   // "ID:HASH" at the draw
  std::int64_t ratio_ppm = 0;
  int min_selected = 0;
  std::optional<int> assessment_year;  // whose selection said "under rectification"
  std::int64_t candidate_count = 0;
  std::string candidates_digest;  // SHA-256 of core::CandidateLines
  std::string run_by, run_at;
};

struct DrawnRecord {
  int seq = 0;  // 1, 2, ... in the order drawn
  std::string org_code;
  std::uint32_t number = 0;  // the generator's number that drew it
  // From the stored candidates; name and unit as the organization is stored now.
  std::string type, org_name, unit;
  bool under_rectification = false;
};

struct FindingRecord {
  std::int64_t id = 0;
  std::string month, org_code;
  std::string org_name;  // as stored now (read only)
  std::string outcome;   // core::SpotOutcome name
  std::string note;
  std::string checked_on;  // YYYY-MM-DD
  std::optional<std::int64_t> item_id;
  std::string recorded_by, recorded_at;
};

// What a month's candidates are computed from, as the data stands now.
struct CandidateFacts {
  struct Org {
    std::string code;
    core::OrgType type = core::OrgType::kVillage;
  };
  std::vector<Org> orgs;               // existing in the month: not ended before its first day
  std::optional<int> assessment_year;  // the newest stored assessment of the month's year or before
  std::vector<std::string> selected;   // by that assessment
  std::map<std::string, core::PlanProgress> plans;  // of that year, by organization (items, closed)
};

class SpotCheckRecords {
 public:
  explicit SpotCheckRecords(Tx& tx) : tx_(tx) {}

  core::Result<std::optional<SpotCheckRecord>> Get(const std::string& month);
  // Every stored month, newest first.
  core::Result<std::vector<SpotCheckRecord>> List();
  core::Result<std::vector<core::SpotCandidate>> Candidates(const std::string& month);
  core::Result<std::vector<DrawnRecord>> Drawn(const std::string& month);
  // The organizations drawn in `month` (by code); empty when the month has no draw.
  core::Result<std::vector<std::string>> DrawnCodes(const std::string& month);

  // `first_day` is the month's first day (YYYY-MM-DD), `year` its year.
  core::Result<CandidateFacts> LiveCandidateFacts(const std::string& first_day, int year);

  // Stores a draw whole with one audit entry "spotcheck.run" naming the month, seed, source,
  // head, digest and drawn codes. kConflict spot_check_exists {month} when the month has one.
  core::Status Create(const SpotCheckRecord& record,
                      const std::vector<core::SpotCandidate>& candidates,
                      const core::SpotDraw& draw);

  // Stores a finding (its id, recorded_by and recorded_at filled in), audited
  // "spotfinding.create".
  core::Result<FindingRecord> AddFinding(FindingRecord finding);
  // Sets the item a finding opened, audited "spotfinding.item".
  core::Status LinkItem(const FindingRecord& before, std::int64_t item_id);
  core::Result<std::optional<FindingRecord>> Finding(std::int64_t id);
  core::Result<std::vector<FindingRecord>> Findings(const std::string& month);
  // Findings checked on a day from `first` to `last` (YYYY-MM-DD, both included), by day and id.
  core::Result<std::vector<FindingRecord>> FindingsBetween(const std::string& first,
                                                           const std::string& last);
  // The organization's findings with a problem, newest first.
  core::Result<std::vector<FindingRecord>> ProblemsOf(const std::string& org_code);

 private:
  Tx& tx_;
};

}  // namespace grassroots::storage
