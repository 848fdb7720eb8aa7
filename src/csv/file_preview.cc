#include "csv/file_preview.h"

namespace grassroots::csv {

FilePreview PreviewFile(std::string_view csv, std::span<const Column> columns,
                        std::size_t max_rows) {
  FilePreview preview;
  std::vector<core::LineError> ignored;  // the import reports them
  RowReader reader(csv, columns, ignored);
  std::vector<std::size_t> present;
  for (std::size_t column = 0; column < columns.size(); ++column) {
    if (!reader.has(column)) continue;
    present.push_back(column);
    preview.columns.push_back(columns[column].name);
  }
  while (reader.Next()) {
    ++preview.total;
    if (preview.rows.size() >= max_rows) continue;
    PreviewRow row{reader.line(), {}};
    row.values.reserve(present.size());
    for (std::size_t column : present) row.values.emplace_back(reader[column]);
    preview.rows.push_back(std::move(row));
  }
  return preview;
}

}  // namespace grassroots::csv
