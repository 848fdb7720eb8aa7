#include "export/csv_table.h"

#include <cstdio>

#include "csv/xlsx_cells.h"

namespace grassroots::exporting {
namespace {

constexpr std::size_t kFlushAt = 64 * 1024;

bool LooksLikeFormula(std::string_view text) {
  if (text.empty()) return false;
  const char first = text.front();
  if (first != '=' && first != '+' && first != '-' && first != '@') return false;
  return !csv::ParseNumber(text).has_value();
}

}  // namespace

void CsvTable::AppendField(std::string_view text) {
  const bool formula = LooksLikeFormula(text);
  if (!formula && text.find_first_of(",\"\r\n") == std::string_view::npos) {
    buffer_.append(text);
    return;
  }
  buffer_.push_back('"');
  if (formula) buffer_.push_back('\'');
  for (char c : text) {
    if (c == '"') buffer_.push_back('"');
    buffer_.push_back(c);
  }
  buffer_.push_back('"');
}

core::Status CsvTable::Flush(bool force) {
  if (!force && buffer_.size() < kFlushAt) return core::Status::Ok();
  if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    return core::Error::Unavailable("cannot write the CSV file");
  }
  buffer_.clear();
  return core::Status::Ok();
}

core::Status CsvTable::Begin(std::span<const TableColumn> columns) {
  buffer_.append("\xEF\xBB\xBF");
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) buffer_.push_back(',');
    AppendField(columns[i].header);
  }
  buffer_.append("\r\n");
  return Flush(false);
}

core::Status CsvTable::Row(std::span<const Cell> cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) buffer_.push_back(',');
    const Cell& cell = cells[i];
    switch (cell.type()) {
      case Cell::Type::kEmpty:
        break;
      case Cell::Type::kText:
        AppendField(cell.text());
        break;
      case Cell::Type::kNumber:
        buffer_.append(csv::ShortestDecimal(cell.number()));
        break;
      case Cell::Type::kDateTime:
        buffer_.append(FormatLocalDateTime(cell.date_time()));
        break;
      case Cell::Type::kDate:
        buffer_.append(core::FormatIsoDate(cell.date_time().date));
        break;
    }
  }
  buffer_.append("\r\n");
  return Flush(false);
}

core::Status CsvTable::Finish() {
  if (core::Status flushed = Flush(true); !flushed.ok()) return flushed;
  if (std::fflush(file_) != 0) return core::Error::Unavailable("cannot write the CSV file");
  return core::Status::Ok();
}

}  // namespace grassroots::exporting
