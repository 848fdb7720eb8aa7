// The rows of an import file as the import reads them, for a person to look at before
// importing: the known columns the header has and each data row's values, read by the same
// RowReader as the import (header names or Chinese labels, blank rows skipped), so a preview
// shows what will be imported and its line numbers match the import's errors.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "csv/row_reader.h"

namespace grassroots::csv {

struct PreviewRow {
  int line = 0;
  std::vector<std::string> values;  // one per FilePreview::columns
};

struct FilePreview {
  std::vector<std::string_view> columns;  // keys of the known columns present, in table order
  std::vector<PreviewRow> rows;           // at most the number asked for
  std::size_t total = 0;                  // every well-formed data row
};

// The preview of `csv` read with `columns`, keeping the first `max_rows` rows.
FilePreview PreviewFile(std::string_view csv, std::span<const Column> columns,
                        std::size_t max_rows);

}  // namespace grassroots::csv
