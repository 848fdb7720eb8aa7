// Trimming of field values and column names, shared by the CSV layers.
#pragma once

#include <string_view>

namespace grassroots::csv {

// `text` without the spaces, tabs and line breaks around it; a view of the same characters.
inline std::string_view Trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

}  // namespace grassroots::csv
