// How a cell of an .xlsx sheet becomes the text a CSV field would hold: numbers as the shortest
// decimal that reads back to the same double, date-formatted numbers as YYYY-MM-DD, references
// like "B12" as column indices. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace grassroots::csv {

// The 0-based column of a cell reference ("A1" -> 0, "AB7" -> 27); nullopt when malformed.
std::optional<int> ColumnOfReference(std::string_view reference);

// The shortest plain decimal (no exponent) that reads back as `value`: 77.5 -> "77.5",
// 100000 -> "100000", 0.1 -> "0.1", -0.0 -> "0".
std::string ShortestDecimal(double value);

// The number in a cell's <v> ("77.5", "1.0000000000000001E-2"); nullopt when it is not a
// finite number.
std::optional<double> ParseNumber(std::string_view value);

// True when the number format shows a date: Excel's built-in date formats (14-17, 22 and the
// East Asian ones 27-31, 36, 50-54, 57, 58) or a custom code with a year or day part outside
// quotes, escapes and brackets ("yyyy/m/d", "yyyy\"年\"m\"月\"d\"日\"").
bool IsDateFormat(int format_id, std::string_view format_code);

// The civil date of a serial day number: in the 1900 date system (Excel's default, with its
// phantom 1900-02-29 as serial 60) or the 1904 one. The time of day is dropped. nullopt
// outside 1900..9999 (1904..9999).
std::optional<std::string> DateOfSerial(double serial, bool date1904);

}  // namespace grassroots::csv
