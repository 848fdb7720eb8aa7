// The rules around the monthly spot check's draw (core/spot_check.h, issue 13): who is a
// candidate "under rectification", where a derived seed comes from, the candidate lines a
// digest is taken over, the first difference between the candidates stored with a draw and
// those recomputed later, a finding's outcome and who may run a draw or record a finding. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/error.h"
#include "core/rectification_plan.h"
#include "core/spot_check.h"

namespace grassroots::core {

// Under rectification: selected in the stored assessment the month follows and its plan of that
// year not finished (PlanProgress::finished; no plan yet is not finished).
bool UnderRectification(bool selected, const std::optional<PlanProgress>& plan);

// What a derived seed is computed from: "YYYY-MM|ID:HASH" (the month and the audit chain's head
// at the draw). The seed is the first 8 bytes of its SHA-256, big-endian (SeedFromSha256Hex).
std::string SeedMaterial(std::string_view month, std::string_view audit_head);
// The first 16 hex digits of a SHA-256 as a number; nullopt unless they are hex.
std::optional<std::uint64_t> SeedFromSha256Hex(std::string_view hex);
// A seed as written on the command line or in a request: decimal digits, 0..2⁶⁴−1. kInvalid
// naming `field`, reason invalid_seed {value}.
Result<std::uint64_t> ParseSeed(std::string_view field, std::string_view text);

// The candidates as lines "CODE<TAB>TYPE<TAB>U<TAB>L\n" by code (byte order), U and L 1 or 0
// (under rectification, drawn last month): what the stored digest is the SHA-256 of, and what a
// person pastes into a spreadsheet.
std::string CandidateLines(std::vector<SpotCandidate> candidates);

// The first way `now` differs from `stored`, by code: an organization added or gone, or one of
// its three facts changed. nullopt when they are the same list.
struct CandidateDifference {
  std::string code;
  std::string what;         // "added", "removed", "type", "under_rectification", "drawn_last_month"
  std::string stored, now;  // the value before and now ("" for added / removed)
};
std::optional<CandidateDifference> FirstCandidateDifference(std::vector<SpotCandidate> stored,
                                                            std::vector<SpotCandidate> now);

enum class SpotOutcome : std::uint8_t { kFine, kProblemFound };
std::string_view ToString(SpotOutcome outcome);  // "fine", "problem_found"
// kInvalid naming "outcome", reason unknown_value {value, accepted}.
Result<SpotOutcome> ParseSpotOutcome(std::string_view text);
// A finding's note: required for a problem (what was found), at most kMaxFindingNote bytes.
inline constexpr std::size_t kMaxFindingNote = 4000;
Status CheckFindingNote(SpotOutcome outcome, std::string_view note);

// Running a month's draw is the organization department's: admin.
bool MayRunSpotCheck(const Principal& who);
// Recording a finding (an inspector's work): admin, or a unit_admin above the organization.
// `ancestry` as for MayAccessOrganization.
bool MayRecordSpotFinding(const Principal& who, std::span<const std::string> ancestry);

}  // namespace grassroots::core
