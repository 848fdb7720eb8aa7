#include "core/score.h"

#include <cmath>

namespace grassroots::core {

std::string_view ToString(Grade grade) {
  static constexpr std::string_view kNames[] = {"A", "B", "C", "D"};
  return kNames[static_cast<int>(grade)];
}

std::optional<Grade> ParseGrade(std::string_view text) {
  static constexpr std::pair<std::string_view, Grade> kNames[] = {
      {"A", Grade::kA},    {"B", Grade::kB},    {"C", Grade::kC},    {"D", Grade::kD},
      {"a", Grade::kA},    {"b", Grade::kB},    {"c", Grade::kC},    {"d", Grade::kD},
      {"优秀", Grade::kA}, {"良好", Grade::kB}, {"一般", Grade::kC}, {"较差", Grade::kD},
  };
  for (const auto& [name, grade] : kNames) {
    if (name == text) return grade;
  }
  return std::nullopt;
}

std::int32_t RoundToCents(double value) {
  const double scaled = value * 100.0;
  const double floor = std::floor(scaled);
  const double fraction = scaled - floor;
  constexpr double kHalfTolerance = 1e-9;
  double rounded;
  if (std::fabs(fraction - 0.5) <= kHalfTolerance) {
    rounded = scaled >= 0 ? floor + 1.0 : floor;  // the half goes away from zero
  } else {
    rounded = std::round(scaled);
  }
  return static_cast<std::int32_t>(rounded);
}

}  // namespace grassroots::core
