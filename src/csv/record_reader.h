// The header and the well-formed records of a CSV text: the layer that turns scanner
// findings into LineErrors, shared by ParseCsv and the import parsers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/import_rows.h"
#include "csv/csv_scanner.h"

namespace grassroots::csv {

// Reads the first record as the header, then data records. A malformed record (bad quoting,
// invalid UTF-8, a field count other than the header's) is reported and skipped, so the
// caller sees only records as wide as the header. Errors come in line order, with reasons
// unterminated_quote and text_after_quote {position}, field_count {expected, got} and
// invalid_utf8 {position, column}.
class RecordReader {
 public:
  // Reads the header at once. `content` and `errors` must outlive the reader.
  RecordReader(std::string_view content, std::vector<core::LineError>& errors);

  // Trimmed column names; empty when the text has no record or a malformed header.
  const std::vector<std::string>& header() const { return header_; }
  // The line of the header, or 1 when there is none.
  int header_line() const { return header_line_; }
  // True when there was a header but it was malformed (and reported).
  bool header_malformed() const { return header_malformed_; }

  // Advances to the next well-formed data record; false at the end of the text.
  bool Next();
  int line() const { return record_.line; }
  // How many bytes of the text have been read: nothing before it is looked at again.
  std::size_t offset() const { return scanner_.offset(); }
  // Valid until the next call of Next().
  const std::vector<std::string_view>& fields() const { return record_.fields; }

 private:
  void ReadHeader();
  bool CheckRecord();
  std::string ColumnName(int index) const;
  void ReportSyntax(std::string_view prefix);
  void Report(int line, std::string message, std::string reason, core::Params params);

  CsvScanner scanner_;
  std::vector<core::LineError>& errors_;
  std::vector<std::string> header_;
  int header_line_ = 1;
  bool header_ok_ = false;
  bool header_malformed_ = false;
  ScannedRecord record_;
};

}  // namespace grassroots::csv
