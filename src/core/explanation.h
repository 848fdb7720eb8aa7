// The explanation of one organization's stored result (SPEC.md §2, the fairness promise): what
// the stored assessment says, the arithmetic of its group and the inputs it was computed from,
// all as they were at the run, and the changes recorded since to what it rests on. Values and
// codes only: the CLI and the web UI word them, in English or Chinese. Pure values.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/assessment.h"
#include "core/score.h"

namespace grassroots::core {

// The stored quota arithmetic of the organization's (unit, type) group: quota = ceil(count x
// ratio), the ratio in parts per million so that count x ratio is exact.
struct ExplainedGroup {
  std::int64_t count = 0;  // organizations of the group with a score
  std::int64_t ratio_ppm = 0;
  std::int64_t quota = 0;
  std::optional<std::int32_t> cut_cents;  // the highest score the quota took
  std::int64_t taken = 0;                 // taken by the quota (ties at the cut may exceed it)
};

struct HandDecision {
  bool include = true;
  std::string reason;
};

// What the engine read for the organization. Kept by every run since stored inputs began.
struct ExplainedInputs {
  std::optional<std::array<double, kDimensionCount>> dimensions;  // nullopt: no score
  std::optional<Grade> committee_grade;
  std::string committee_reason;
  std::optional<HandDecision> manual;
  std::vector<int> previous_selected_years;  // earlier years the consecutive rule saw it selected
};

// What a later change touched.
enum class ChangeSubject : std::uint8_t { kScore, kManual, kOrganization };
std::string_view ToString(ChangeSubject subject);  // "score", "manual", "organization"

// An audit entry recorded after the run that changed what the explanation rests on: the
// organization's score of that year (committee grade included), its hand decision of that
// year, or its type, unit or parent.
struct RecordChange {
  std::int64_t audit_id = 0;
  std::string at;  // ISO 8601 UTC
  std::string actor;
  std::string action;  // the audit action: "score.save", "assessment.manual", ...
  ChangeSubject subject = ChangeSubject::kScore;
  std::optional<std::string> before_json;  // the entry's documents, verbatim
  std::optional<std::string> after_json;
};

struct Explanation {
  int year = 0;
  std::string code;
  std::string type;    // as assessed, e.g. "village"
  std::string unit;    // as assessed
  std::string parent;  // as assessed; empty for a direct organization
  std::optional<std::int32_t> score_cents;
  std::optional<Grade> grade;
  std::optional<std::int32_t> rank;  // 1 = lowest of its group
  bool selected = false;
  std::uint8_t reasons = 0;  // Reason bits
  bool consecutive = false;
  std::vector<std::pair<ActionKind, std::string>> actions;  // with the organization each names
  std::optional<ExplainedGroup> group;
  std::optional<ExplainedInputs> inputs;  // nullopt: the run predates stored inputs
  std::string policy_version;
  std::string run_at;
  std::string audit_hash;  // the head of the audit chain when the run was stored
  std::vector<RecordChange> changed_since;
};

}  // namespace grassroots::core
