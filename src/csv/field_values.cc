#include "csv/field_values.h"

#include <charconv>

namespace grassroots::csv {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// std::from_chars accepts "inf", "nan" and exponents, so the shape is checked first.
bool IsPlainDecimal(std::string_view text) {
  if (text.starts_with('-')) text.remove_prefix(1);
  int digits = 0;
  int points = 0;
  for (char c : text) {
    if (IsDigit(c)) {
      ++digits;
    } else if (c == '.' && ++points == 1) {
      continue;
    } else {
      return false;
    }
  }
  return digits > 0;
}

}  // namespace

std::optional<double> ParseDecimal(std::string_view text) {
  if (!IsPlainDecimal(text)) return std::nullopt;
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value, std::chars_format::fixed);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

std::optional<long long> ParseWholeNumber(std::string_view text) {
  long long value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

}  // namespace grassroots::csv
