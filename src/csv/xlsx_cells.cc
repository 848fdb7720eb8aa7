#include "csv/xlsx_cells.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "core/clock.h"

namespace grassroots::csv {

std::optional<int> ColumnOfReference(std::string_view reference) {
  int column = 0;
  std::size_t i = 0;
  for (; i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z'; ++i) {
    column = column * 26 + (reference[i] - 'A' + 1);
    if (column > 16384) return std::nullopt;  // past XFD, the last column Excel has
  }
  if (i == 0 || i == reference.size()) return std::nullopt;
  for (std::size_t k = i; k < reference.size(); ++k) {
    if (reference[k] < '0' || reference[k] > '9') return std::nullopt;
  }
  return column - 1;
}

std::string ShortestDecimal(double value) {
  if (value == 0) return "0";
  std::array<char, 400> text;  // a double's longest fixed form is about 330 characters
  const auto [end, error] =
      std::to_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
  if (error != std::errc()) return "0";
  return std::string(text.data(), end);
}

std::optional<double> ParseNumber(std::string_view value) {
  double number = 0;
  const char* first = value.data();
  const char* last = value.data() + value.size();
  if (first != last && *first == '+') ++first;
  const auto [end, error] = std::from_chars(first, last, number);
  if (error != std::errc() || end != last || !std::isfinite(number)) return std::nullopt;
  return number;
}

bool IsDateFormat(int format_id, std::string_view format_code) {
  switch (format_id) {
    case 14:
    case 15:
    case 16:
    case 17:
    case 22:
    case 27:
    case 28:
    case 29:
    case 30:
    case 31:
    case 36:
    case 50:
    case 51:
    case 52:
    case 53:
    case 54:
    case 57:
    case 58:
      return true;
    default:
      break;
  }
  if (format_id < 164) return false;  // other built-ins: numbers, times, text
  bool quoted = false;
  for (std::size_t i = 0; i < format_code.size(); ++i) {
    const char c = format_code[i];
    if (quoted) {
      quoted = c != '"';
    } else if (c == '"') {
      quoted = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal (or padding)
    } else if (c == '[') {
      const std::size_t close = format_code.find(']', i);
      if (close == std::string_view::npos) return false;
      i = close;
    } else if (c == 'y' || c == 'Y' || c == 'd' || c == 'D') {
      return true;
    } else if (c == ';') {
      return false;  // the first section decides
    }
  }
  return false;
}

std::optional<std::string> DateOfSerial(double serial, bool date1904) {
  // 2958466 is 10000-01-01 in the 1900 system.
  if (!std::isfinite(serial) || serial < (date1904 ? 0 : 1) || serial >= 2958466) {
    return std::nullopt;
  }
  const auto day = static_cast<std::int64_t>(std::floor(serial));
  if (!date1904 && day == 60) return "1900-02-29";  // Excel's phantom day, kept as it shows
  // 1899-12-31 is serial 0 for the first 59 days, 1899-12-30 after the phantom day.
  const core::CivilDate epoch = date1904   ? core::CivilDate{1904, 1, 1}
                                : day < 60 ? core::CivilDate{1899, 12, 31}
                                           : core::CivilDate{1899, 12, 30};
  return core::FormatIsoDate(core::CivilFromDays(core::DaysFromCivil(epoch) + day));
}

}  // namespace grassroots::csv
