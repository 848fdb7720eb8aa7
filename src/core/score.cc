#include "core/score.h"

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

}  // namespace grassroots::core
