#include "export/xlsx_table.h"

#include <xlsxwriter.h>

#include <utility>

namespace grassroots::exporting {
namespace {

// Excel holds at most 32,767 characters in a cell; libxlsxwriter counts bytes. A longer text
// is cut at a character boundary and marked.
constexpr std::size_t kMaxCellBytes = 32'767;

std::string CutToCell(std::string_view text) {
  constexpr std::string_view kMark = "…";
  std::size_t end = kMaxCellBytes - kMark.size();
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end)) + std::string(kMark);
}

std::string NumberFormat(const TableColumn& column) {
  if (column.kind == ColumnKind::kInteger || column.decimals <= 0) return "0";
  return "0." + std::string(static_cast<std::size_t>(column.decimals), '0');
}

}  // namespace

XlsxTable::XlsxTable(std::string path, std::string sheet_name, std::string temp_dir,
                     std::uint32_t sheet_rows)
    : path_(std::move(path)),
      sheet_name_(std::move(sheet_name)),
      temp_dir_(std::move(temp_dir)),
      sheet_rows_(sheet_rows < 2 ? 2 : sheet_rows) {}

XlsxTable::~XlsxTable() {
  // A workbook never finished is still closed, so its temporary files go; the caller discards
  // the half-written file.
  if (workbook_ != nullptr) workbook_close(workbook_);
}

core::Status XlsxTable::Check(int error, const char* what) {
  if (error == LXW_NO_ERROR) return core::Status::Ok();
  return core::Error::Internal(std::string("cannot write the .xlsx file (") + what + ": " +
                               lxw_strerror(static_cast<lxw_error>(error)) + ")");
}

core::Status XlsxTable::AddSheet() {
  ++sheets_;
  const std::string name =
      sheets_ == 1 ? sheet_name_ : sheet_name_ + " (" + std::to_string(sheets_) + ")";
  sheet_ = workbook_add_worksheet(workbook_, name.c_str());
  if (sheet_ == nullptr) return core::Error::Internal("cannot add a sheet to the .xlsx file");
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    lxw_format* format = columns_[c].kind == ColumnKind::kCode ? text_format_ : nullptr;
    if (auto s = Check(worksheet_set_column(sheet_, col, col, columns_[c].width, format), "width");
        !s.ok()) {
      return s;
    }
    if (auto s = Check(worksheet_write_string(
                           sheet_, 0, col, std::string(columns_[c].header).c_str(), header_format_),
                       "header");
        !s.ok()) {
      return s;
    }
  }
  worksheet_freeze_panes(sheet_, 1, 0);
  // Printed, every page repeats the header row and carries the footer and its page number.
  if (auto s = Check(worksheet_repeat_rows(sheet_, 0, 0), "print titles"); !s.ok()) return s;
  const std::string footer = "&L" + footer_ + "&R第 &P 页，共 &N 页";
  if (auto s = Check(worksheet_set_footer(sheet_, footer.c_str()), "footer"); !s.ok()) return s;
  row_ = 1;
  return core::Status::Ok();
}

core::Status XlsxTable::Begin(std::span<const TableColumn> columns) {
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = temp_dir_.empty() ? nullptr : temp_dir_.data();
  workbook_ = workbook_new_opt(path_.c_str(), &options);
  if (workbook_ == nullptr) return core::Error::Unavailable("cannot create the .xlsx file");
  columns_.assign(columns.begin(), columns.end());
  header_format_ = workbook_add_format(workbook_);
  format_set_bold(header_format_);
  format_set_text_wrap(header_format_);
  text_format_ = workbook_add_format(workbook_);
  format_set_num_format(text_format_, "@");
  date_time_format_ = workbook_add_format(workbook_);
  format_set_num_format(date_time_format_, "yyyy-mm-dd hh:mm:ss");
  date_format_ = workbook_add_format(workbook_);
  format_set_num_format(date_format_, "yyyy-mm-dd");
  SetColumnFormats();
  return AddSheet();
}

void XlsxTable::SetColumnFormats() {
  number_formats_.assign(columns_.size(), nullptr);
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (columns_[c].kind != ColumnKind::kNumber && columns_[c].kind != ColumnKind::kInteger) {
      continue;
    }
    number_formats_[c] = workbook_add_format(workbook_);
    format_set_num_format(number_formats_[c], NumberFormat(columns_[c]).c_str());
  }
}

core::Status XlsxTable::NextSheet(std::string sheet_name, std::span<const TableColumn> columns) {
  if (workbook_ == nullptr) return core::Error::Internal("the .xlsx file was never begun");
  sheet_name_ = std::move(sheet_name);
  sheets_ = 0;
  columns_.assign(columns.begin(), columns.end());
  SetColumnFormats();
  return AddSheet();
}

core::Status XlsxTable::Row(std::span<const Cell> cells) {
  if (row_ >= sheet_rows_) {
    if (auto added = AddSheet(); !added.ok()) return added;
  }
  const lxw_row_t row = row_++;
  for (std::size_t c = 0; c < cells.size() && c < columns_.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    const Cell& cell = cells[c];
    int error = LXW_NO_ERROR;
    switch (cell.type()) {
      case Cell::Type::kEmpty:
        break;
      case Cell::Type::kText: {
        lxw_format* format = columns_[c].kind == ColumnKind::kCode ? text_format_ : nullptr;
        const std::string text =
            cell.text().size() > kMaxCellBytes ? CutToCell(cell.text()) : std::string(cell.text());
        error = worksheet_write_string(sheet_, row, col, text.c_str(), format);
        break;
      }
      case Cell::Type::kNumber:
        error = worksheet_write_number(sheet_, row, col, cell.number(), number_formats_[c]);
        break;
      case Cell::Type::kDateTime: {
        const LocalDateTime& at = cell.date_time();
        lxw_datetime value = {at.date.year,      at.date.month,        at.date.day,
                              at.seconds / 3600, at.seconds / 60 % 60, double(at.seconds % 60)};
        error = worksheet_write_datetime(sheet_, row, col, &value, date_time_format_);
        break;
      }
      case Cell::Type::kDate: {
        const core::CivilDate& day = cell.date_time().date;
        lxw_datetime value = {day.year, day.month, day.day, 0, 0, 0};
        error = worksheet_write_datetime(sheet_, row, col, &value, date_format_);
        break;
      }
    }
    if (auto s = Check(error, "cell"); !s.ok()) return s;
  }
  return core::Status::Ok();
}

core::Status XlsxTable::Finish() {
  lxw_workbook* workbook = std::exchange(workbook_, nullptr);
  if (workbook == nullptr) return core::Error::Internal("the .xlsx file was never begun");
  return Check(workbook_close(workbook), "closing");
}

}  // namespace grassroots::exporting
