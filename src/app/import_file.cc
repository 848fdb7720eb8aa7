#include "app/import_file.h"

#include <utility>

namespace grassroots::app {
namespace {

FileImport Described(const csv::FileText& text) {
  FileImport file;
  file.format = text.format;
  file.encoding = text.encoding;
  file.sheet = text.sheet;
  return file;
}

// Moves the outcome's lines from the CSV text to the file's own lines. A workbook's rows keep
// their order, so the errors stay sorted by line.
void ToFileLines(const csv::FileText& text, ImportOutcome& outcome) {
  for (core::LineError& error : outcome.errors) error.line = text.SourceLine(error.line);
}

template <typename Run>
core::Result<FileImport> Read(std::string_view bytes, Run run) {
  auto text = csv::ReadFileText(bytes);
  if (!text.ok()) return text.error();
  FileImport file = Described(text.value());
  if (text.value().refused) {
    file.outcome.errors.push_back(*text.value().refused);
    return file;
  }
  auto outcome = run(text.value());
  if (!outcome.ok()) return outcome.error();
  file.outcome = std::move(outcome).value();
  ToFileLines(text.value(), file.outcome);
  return file;
}

}  // namespace

std::span<const core::FileColumn> ColumnsOf(ImportKind kind) {
  switch (kind) {
    case ImportKind::kOrganizations:
      return core::kOrganizationFileColumns;
    case ImportKind::kMembers:
      return core::kMemberFileColumns;
    case ImportKind::kScores:
      return core::kScoreFileColumns;
  }
  return {};
}

core::Result<FileImport> ImportFile(storage::Store& store, ImportKind kind, std::string_view bytes,
                                    const storage::Actor& actor, const ProgressFn& progress) {
  return Read(bytes, [&](const csv::FileText& text) {
    return ImportCsv(store, kind, text.csv, actor, progress);
  });
}

core::Result<FileImport> DryRunFile(storage::Store& store, ImportKind kind, std::string_view bytes,
                                    std::size_t preview_rows) {
  csv::FilePreview preview;
  auto checked = Read(bytes, [&](const csv::FileText& text) {
    if (preview_rows > 0) {
      preview = csv::PreviewFile(text.csv, ColumnsOf(kind), preview_rows);
      for (csv::PreviewRow& row : preview.rows) row.line = text.SourceLine(row.line);
    }
    return DryRunCsv(store, kind, text.csv);
  });
  if (checked.ok()) checked.value().preview = std::move(preview);
  return checked;
}

}  // namespace grassroots::app
