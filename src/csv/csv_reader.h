// RFC 4180 CSV reading: quoted fields (with "" for a quote, commas and line breaks inside
// quotes), CRLF or LF line ends, an optional UTF-8 BOM, and UTF-8 validation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/import_rows.h"

namespace grassroots::csv {

struct Record {
  int line = 0;  // 1-based physical line where the record starts
  std::vector<std::string> fields;
};

struct Table {
  std::vector<std::string> header;      // trimmed column names, as in the file
  std::vector<Record> records;          // data records; blank lines are skipped
  std::vector<core::LineError> errors;  // malformed quoting, bad UTF-8 (that record is dropped)
};

// Parses a whole file's content. Never throws.
Table ParseCsv(std::string_view content);

}  // namespace grassroots::csv
