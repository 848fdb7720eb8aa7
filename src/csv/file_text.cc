#include "csv/file_text.h"

#include <algorithm>
#include <utility>

#include "csv/xlsx_reader.h"

namespace grassroots::csv {
namespace {

bool NeedsQuotes(std::string_view field) {
  return field.find_first_of(",\"\r\n") != std::string_view::npos;
}

// Appends `field` as RFC 4180 wants it; answers how many line ends it holds (CRLF, LF and a
// lone CR count one each, as the reader counts lines).
int AppendField(std::string& out, std::string_view field) {
  if (!NeedsQuotes(field)) {
    out.append(field);
    return 0;
  }
  int breaks = 0;
  out.push_back('"');
  for (std::size_t i = 0; i < field.size(); ++i) {
    const char c = field[i];
    if (c == '"') out.push_back('"');
    if (c == '\n' || (c == '\r' && (i + 1 >= field.size() || field[i + 1] != '\n'))) ++breaks;
    out.push_back(c);
  }
  out.push_back('"');
  return breaks;
}

bool AllEmpty(const std::vector<std::string>& cells) {
  return std::ranges::all_of(cells, [](const std::string& cell) { return cell.empty(); });
}

}  // namespace

std::string_view ToString(FileFormat format) {
  return format == FileFormat::kXlsx ? "xlsx" : "csv";
}

int FileText::SourceLine(int csv_line) const {
  if (format != FileFormat::kXlsx || csv_line < 1 || sheet_rows.empty()) return csv_line;
  const auto index = static_cast<std::size_t>(csv_line - 1);
  return index < sheet_rows.size() ? sheet_rows[index] : sheet_rows.back();
}

void SheetCsv::Add(int row_number, std::vector<std::string> cells) {
  if (AllEmpty(cells)) return;
  if (!header_done_) {
    width_ = cells.size();
    header_done_ = true;
  }
  // Cells past the header's width that hold nothing are formatting, not data.
  while (cells.size() > width_ && cells.back().empty()) cells.pop_back();
  if (cells.size() < width_) cells.resize(width_);
  int lines = 1;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) text_.push_back(',');
    lines += AppendField(text_, cells[i]);
  }
  text_.push_back('\n');
  rows_.insert(rows_.end(), static_cast<std::size_t>(lines), row_number);
}

core::Result<FileText> ReadFileText(std::string_view bytes) {
  FileText file;
  if (!LooksLikeXlsx(bytes)) {
    DecodedText decoded = DecodeText(bytes);
    file.encoding = decoded.encoding;
    file.csv = std::move(decoded.text);
    file.refused = std::move(decoded.error);
    return file;
  }
  file.format = FileFormat::kXlsx;
  SheetCsv sheet;
  auto name = ReadFirstSheet(bytes, [&](const SheetRow& row) { sheet.Add(row.number, row.cells); });
  if (!name.ok()) return name.error();
  file.sheet = std::move(name).value();
  file.csv = std::move(sheet.text());
  file.sheet_rows = std::move(sheet.rows());
  return file;
}

}  // namespace grassroots::csv
