// Pieces of stored assessment results as JSON, shared by the assessment and dashboard routes.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/assessment_summary.h"

namespace grassroots::http {

// A score in hundredths as a number with 2 decimals; null when absent or negative.
nlohmann::json CentsJson(std::optional<std::int32_t> cents);
// core::Reason bits as ["bottom_quota", "grade_d", "manual"].
nlohmann::json ReasonsJson(std::uint8_t bits);
// {"organizations", "selected", "grades": {"A", "B", "C", "D", "unscored"}}.
nlohmann::json GradeCountsJson(const core::GradeCounts& counts);

}  // namespace grassroots::http
