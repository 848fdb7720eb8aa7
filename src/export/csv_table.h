// Tables as CSV that Excel and WPS open with Chinese intact: UTF-8 with a BOM, CRLF line
// ends, fields quoted as RFC 4180 says (when they hold a comma, quote or line break). Numbers
// are written as the shortest decimal that reads back, date-times as "YYYY-MM-DD HH:MM:SS".
// Text that a spreadsheet would run as a formula (beginning with =, +, -, @ and not a number)
// gets a leading apostrophe, as OWASP advises for CSV exports.
#pragma once

#include <cstdio>
#include <string>

#include "export/table_writer.h"

namespace grassroots::exporting {

class CsvTable : public TableWriter {
 public:
  // Writes to `file`, which the caller owns and keeps open until Finish().
  explicit CsvTable(std::FILE* file) : file_(file) {}

  core::Status Begin(std::span<const TableColumn> columns) override;
  core::Status Row(std::span<const Cell> cells) override;
  core::Status Finish() override;

 private:
  void AppendField(std::string_view text);
  core::Status Flush(bool force);

  std::FILE* file_;
  std::string buffer_;
};

}  // namespace grassroots::exporting
