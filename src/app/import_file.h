// Importing a file as people have it: CSV in UTF-8 or GB18030, or an .xlsx workbook, with
// English or Chinese headers (csv/file_text.h, core/file_columns.h). The file is read into
// CSV text and then imported exactly as ImportCsv does; errors name the file's own lines (a
// workbook's row numbers). Shared by the CLI and the HTTP API.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "app/import_service.h"
#include "app/import_stream.h"
#include "core/file_columns.h"
#include "csv/file_preview.h"
#include "csv/file_text.h"

namespace grassroots::app {

struct FileImport {
  ImportOutcome outcome;  // errors by the file's lines; a refused encoding is one such error
  csv::FileFormat format = csv::FileFormat::kCsv;
  csv::TextEncoding encoding = csv::TextEncoding::kUtf8;  // of a CSV file
  std::string sheet;                                      // of a workbook
  csv::FilePreview preview;                               // DryRunFile's, when asked for
};

// The columns of an import format.
std::span<const core::FileColumn> ColumnsOf(ImportKind kind);

// Reads and imports `bytes`, all rows or none, streamed (import_stream.h); `consumed` is told
// how far into `bytes` the import has read when it reads them in place (UTF-8 CSV). kInvalid (field
// "file") when a workbook cannot be read; other Errors as ImportCsv's (the store failed).
core::Result<FileImport> ImportFile(storage::Store& store, ImportKind kind, std::string_view bytes,
                                    const storage::Actor& actor, const ProgressFn& progress = {},
                                    const ConsumedFn& consumed = {});

// Checks `bytes` as ImportFile would and writes nothing; `preview_rows` of the file's rows come
// back in the preview (lines as in the errors).
core::Result<FileImport> DryRunFile(storage::Store& store, ImportKind kind, std::string_view bytes,
                                    std::size_t preview_rows = 0);

}  // namespace grassroots::app
