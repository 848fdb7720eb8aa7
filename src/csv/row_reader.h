// Data rows read by column name, for the import formats of SPEC.md §7.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/file_columns.h"
#include "core/import_rows.h"
#include "csv/record_reader.h"

namespace grassroots::csv {

// A column an import format knows (core/file_columns.h): `name` is lower case, `label` its
// Chinese header; a required column must be in the header, an optional one may be.
using Column = core::FileColumn;

// Reads rows whose columns may come in any order: header names are matched trimmed, the key
// ignoring ASCII case or the Chinese label exactly; unknown columns are ignored, and a row with
// no value in any column (what spreadsheets leave behind as ",,,,") is skipped. Errors, the
// reader's and the caller's through Fail() and Report(), go to the vector given at
// construction, in line order and, within a row, in the order of `columns`.
class RowReader {
 public:
  // Checks the header at once: each missing required column (reason missing_column) and each
  // known column named twice (duplicate_column), params {column}, is an error at the header's
  // line, after which Next() reads nothing. `content`, `columns` and `errors` must outlive the
  // reader; at most 32 columns.
  RowReader(std::string_view content, std::span<const Column> columns,
            std::vector<core::LineError>& errors);

  // Advances to the next row; false at the end.
  bool Next();
  int line() const { return records_.line(); }
  // How many bytes of the text have been read: nothing before it is looked at again.
  std::size_t offset() const { return records_.offset(); }
  // True when columns[column] is in the header.
  bool has(std::size_t column) const {
    return column < positions_.size() && positions_[column] >= 0;
  }

  // The trimmed value of columns[column] in the current row; empty when an optional column
  // is absent from the file.
  std::string_view operator[](std::size_t column) const;
  // The name of columns[column], for messages.
  std::string_view name(std::size_t column) const { return columns_[column].name; }

  // Reports that one column's text is no value (empty, not a number, ...): the error names
  // that column as its field, and the row counts as failed.
  void Fail(std::size_t column, std::string message, std::string reason, core::Params params = {});
  // Reports an error of a core rule about the column named by `error.field` — unless that
  // column failed already in this row, whose value then stands for nothing. The column and
  // the row count as failed.
  void Report(const core::Error& error);
  bool failed() const { return failed_; }

 private:
  struct Pending {
    std::size_t order = 0;  // the column's index, or columns_.size() for none
    core::LineError error;
  };

  bool MatchHeader();
  bool AllBlank() const;
  std::size_t IndexOf(std::string_view field) const;
  void Flush();

  RecordReader records_;
  std::span<const Column> columns_;
  std::vector<core::LineError>& errors_;
  std::vector<int> positions_;    // per known column, its field index, or -1 when absent
  std::vector<Pending> pending_;  // the current row's errors
  std::uint32_t failed_columns_ = 0;
  bool header_ok_ = false;
  bool failed_ = false;
};

}  // namespace grassroots::csv
