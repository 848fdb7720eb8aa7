#include "app/import_file.h"

#include <optional>
#include <utility>

#include "app/import_stream.h"
#include "csv/text_encoding.h"

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

// A CSV file already in UTF-8 (the usual case, and a country's file is 500 MB) is imported from
// its own bytes, without the BOM, not from a copy: the offset of its text in `bytes`, or
// nullopt for any other file, which csv::ReadFileText converts.
std::optional<std::size_t> Utf8TextStart(std::string_view bytes) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (bytes.starts_with("PK\x03\x04")) return std::nullopt;  // a workbook
  const std::size_t start = bytes.starts_with(kBom) ? kBom.size() : 0;
  const std::string_view body = bytes.substr(start);
  if (csv::FirstInvalidUtf8(body) != body.size()) return std::nullopt;
  return start;
}

// Reads `bytes` as CSV text and imports it with run(text, file, consumed): `consumed` tells
// `release` how far into `bytes` the import has read, when the text is `bytes` themselves.
template <typename Run>
core::Result<FileImport> Read(std::string_view bytes, const ConsumedFn& release, Run run) {
  if (const std::optional<std::size_t> start = Utf8TextStart(bytes)) {
    const csv::FileText plain;  // UTF-8 CSV: lines are the file's
    ConsumedFn consumed;
    if (release) consumed = [&release, at = *start](std::size_t offset) { release(at + offset); };
    auto outcome = run(bytes.substr(*start), plain, consumed);
    if (!outcome.ok()) return outcome.error();
    FileImport file = Described(plain);
    file.outcome = std::move(outcome).value();
    return file;
  }
  auto text = csv::ReadFileText(bytes);
  if (!text.ok()) return text.error();
  FileImport file = Described(text.value());
  if (text.value().refused) {
    file.outcome.errors.push_back(*text.value().refused);
    return file;
  }
  auto outcome = run(std::string_view(text.value().csv), text.value(), ConsumedFn{});
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
                                    const storage::Actor& actor, const ProgressFn& progress,
                                    const ConsumedFn& consumed) {
  return Read(bytes, consumed,
              [&](std::string_view csv, const csv::FileText&, const ConsumedFn& read) {
                return StreamImport(store, kind, csv, &actor, {progress, read});
              });
}

core::Result<FileImport> DryRunFile(storage::Store& store, ImportKind kind, std::string_view bytes,
                                    std::size_t preview_rows) {
  csv::FilePreview preview;
  auto checked =
      Read(bytes, {}, [&](std::string_view csv, const csv::FileText& text, const ConsumedFn&) {
        if (preview_rows > 0) {
          preview = csv::PreviewFile(csv, ColumnsOf(kind), preview_rows);
          for (csv::PreviewRow& row : preview.rows) {
            row.line = text.SourceLine(row.line);
          }
        }
        return DryRunCsv(store, kind, csv);
      });
  if (checked.ok()) checked.value().preview = std::move(preview);
  return checked;
}

}  // namespace grassroots::app
