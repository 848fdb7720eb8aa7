// What the dashboard shows of stored assessments (issue 4): grade counts by type, quota use by
// (unit, type), the selected organizations, the consecutive cases with their proposed
// removals, and the grades over the years. Computed from what was stored, never by re-running
// the assessment, over the rows the caller may see. Pure.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/assessment.h"

namespace grassroots::core {

// One organization's stored result, with the organization's name as stored now (empty when the
// organization is gone) and its type, unit and parent as they were when it was assessed.
struct ResultRow {
  std::string code;
  std::string name;
  std::string type;  // API name, e.g. "village"
  std::string unit;
  std::string parent;
  std::optional<std::int32_t> score_cents;
  std::optional<std::string> grade;  // "A".."D"; nullopt when unscored
  bool selected = false;
  std::uint8_t reasons = 0;  // Reason bits
  bool consecutive = false;
};

// The stored quota arithmetic of one (unit, type) group.
struct StoredQuota {
  std::string unit;
  std::string type;
  std::int64_t count = 0;  // organizations of the group with a score (the whole unit)
  std::int64_t ratio_ppm = 0;
  std::int64_t quota = 0;
  std::optional<std::int32_t> cut_cents;
  std::int64_t taken = 0;
};

// Counts by grade A, B, C, D, then unscored.
struct GradeCounts {
  std::array<std::int64_t, 5> counts{};
  std::int64_t selected = 0;
  std::int64_t organizations = 0;
  void Add(const ResultRow& row);
};
inline constexpr std::size_t kUnscored = 4;  // GradeCounts::counts index

struct TypeCounts {
  std::string type;
  GradeCounts grades;
};

// A quota group the caller sees some of: the group's own arithmetic (the whole unit's) and how
// many of the caller's organizations in it are selected.
struct QuotaUse {
  StoredQuota group;
  std::int64_t selected_in_scope = 0;
};

struct ConsecutiveCase {
  ResultRow row;
  // remove_secretary of the organization, and remove_parent_secretary of its parent for a
  // second-level organization (SPEC.md §2).
  std::vector<std::pair<ActionKind, std::string>> actions;
};

struct AssessmentSummary {
  int year = 0;
  GradeCounts total;
  std::vector<TypeCounts> by_type;     // in core::kAllOrgTypes order, types with rows only
  std::vector<QuotaUse> quotas;        // groups with at least one row in scope, unit then type
  std::vector<ResultRow> selected;     // by code
  std::vector<ConsecutiveCase> cases;  // selected and consecutive, by code
};

// `rows` are the stored rows of `year` the caller may see; `quotas` all of that year's groups.
AssessmentSummary Summarize(int year, const std::vector<ResultRow>& rows,
                            const std::vector<StoredQuota>& quotas);

struct YearCounts {
  int year = 0;
  GradeCounts grades;
};

// Grade counts and the number selected over `rows` (one year's rows the caller may see).
YearCounts CountYear(int year, const std::vector<ResultRow>& rows);

}  // namespace grassroots::core
