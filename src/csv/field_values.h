// Single field values of the import formats: numbers and dates, parsed strictly because a
// misread score silently changes who is selected.
#pragma once

#include <optional>
#include <string_view>

namespace grassroots::csv {

// A plain decimal: an optional minus, digits, and optionally a point with more digits
// ("85", "85.5", "-1", ".5"). Exponents, hex, "inf" and "nan" are not numbers here.
std::optional<double> ParseDecimal(std::string_view text);

// An optional minus and digits only; nullopt also when the value overflows.
std::optional<long long> ParseWholeNumber(std::string_view text);

// True for a real calendar date written YYYY-MM-DD, year 0001 or later, leap years counted.
bool IsCalendarDate(std::string_view text);

}  // namespace grassroots::csv
