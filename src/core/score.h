// A year's six-dimension score of one organization (SPEC.md §2).
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace grassroots::core {

// The six dimensions, in the order of the CSV contract and the policy's weights.
enum class Dimension : std::uint8_t { kTeam, kLeader, kVenue, kRoutine, kService, kMembers };
inline constexpr int kDimensionCount = 6;
inline constexpr std::array<std::string_view, kDimensionCount> kDimensionKeys = {
    "team", "leader", "venue", "routine", "service", "members"};
// 班子配备, 书记业务, 活动场所, 制度执行, 服务群众, 党员作用
inline constexpr std::array<std::string_view, kDimensionCount> kDimensionLabels = {
    "班子配备", "书记业务", "活动场所", "制度执行", "服务群众", "党员作用"};

// A 优秀, B 良好, C 一般, D 较差.
enum class Grade : std::uint8_t { kA, kB, kC, kD };
std::string_view ToString(Grade grade);
std::optional<Grade> ParseGrade(std::string_view text);  // "A".."D" or 优秀/良好/一般/较差

inline constexpr double kMinScore = 0.0;
inline constexpr double kMaxScore = 100.0;

struct ScoreRecord {
  std::string code;  // the organization's code
  int year = 0;
  std::array<double, kDimensionCount> dimensions{};
  std::optional<Grade> committee_grade;  // set by the assessing committee, with a reason
  std::string reason;
};

// Rounds to 2 decimals, half away from zero, returning hundredths (58.495 -> 5850). The
// composite of decimal inputs is rarely exact in binary, so a value within 1e-9 of a half is
// treated as the half a person computing by hand would see.
// Inline: the assessment calls it once per organization, 5.2 million times at country scale.
inline std::int32_t RoundToCents(double value) {
  constexpr double kHalfTolerance = 1e-9;
  const double scaled = value * 100.0;
  const double away = scaled >= 0 ? std::floor(scaled + 0.5 + kHalfTolerance)
                                  : -std::floor(-scaled + 0.5 + kHalfTolerance);
  return static_cast<std::int32_t>(away);
}

}  // namespace grassroots::core
