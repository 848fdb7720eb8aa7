// Single field values of the import formats: numbers, parsed strictly because a misread
// score silently changes who is selected. (Dates are core::ParseIsoDate's.)
#pragma once

#include <optional>
#include <string_view>

namespace grassroots::csv {

// A plain decimal: an optional minus, digits, and optionally a point with more digits
// ("85", "85.5", "-1", ".5"). Exponents, hex, "inf" and "nan" are not numbers here.
std::optional<double> ParseDecimal(std::string_view text);

// An optional minus and digits only; nullopt also when the value overflows.
std::optional<long long> ParseWholeNumber(std::string_view text);

}  // namespace grassroots::csv
