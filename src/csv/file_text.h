// What an uploaded import file holds, as the CSV text the import parsers read: a CSV file in
// UTF-8 or GB18030 (csv/text_encoding.h), or the first sheet of an .xlsx workbook
// (csv/xlsx_reader.h) written out as CSV. The format is told by the bytes, not by a name.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/import_rows.h"
#include "csv/text_encoding.h"

namespace grassroots::csv {

enum class FileFormat { kCsv, kXlsx };
std::string_view ToString(FileFormat format);  // "csv", "xlsx"

struct FileText {
  FileFormat format = FileFormat::kCsv;
  TextEncoding encoding = TextEncoding::kUtf8;  // of a CSV file; a workbook's XML is UTF-8
  std::string sheet;                            // the sheet a workbook was read from
  std::string csv;                              // UTF-8 CSV text
  // A CSV file whose bytes are neither UTF-8 nor GB18030: its one error, at the bad byte's
  // line; `csv` is then empty.
  std::optional<core::LineError> refused;

  // The line of the file a line of `csv` came from: itself for a CSV file, the sheet's row
  // number for a workbook.
  int SourceLine(int csv_line) const;

  std::vector<int> sheet_rows;  // a workbook's: the sheet row of each line of `csv`
};

// Reads an import file's bytes. kInvalid (field "file"; reasons xlsx_unreadable,
// xlsx_too_large) when they begin like a workbook but are not one this reader understands.
core::Result<FileText> ReadFileText(std::string_view bytes);

// The CSV text of a sheet's rows (exposed for tests): the first row is the header, its width
// every row's (shorter rows padded with empty fields; longer ones keep their extra values, which
// the import reports); `sheet_rows` gets one entry per line written.
class SheetCsv {
 public:
  void Add(int row_number, std::vector<std::string> cells);
  std::string& text() { return text_; }
  std::vector<int>& rows() { return rows_; }

 private:
  std::string text_;
  std::vector<int> rows_;
  std::size_t width_ = 0;
  bool header_done_ = false;
};

}  // namespace grassroots::csv
