// Tables as .xlsx workbooks (libxlsxwriter in constant-memory mode: each row goes to a
// temporary file as it is written, so a province's list keeps memory flat). The header row is
// bold and frozen, columns have their widths, numbers are numbers with their decimals, dates are
// dates, codes are text. A list longer than a sheet holds goes on in a second sheet (and a
// third...) under the same header.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "export/table_writer.h"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace grassroots::exporting {

class XlsxTable : public TableWriter {
 public:
  // Excel's limit: 1,048,576 rows a sheet, the header included.
  static constexpr std::uint32_t kMaxSheetRows = 1'048'576;

  // Writes a workbook at `path` with sheets named `sheet_name` ("组织", then "组织 (2)", ...).
  // `temp_dir` is where libxlsxwriter keeps its row files (empty: the system's). `sheet_rows`
  // may lower the rows a sheet takes (for tests).
  XlsxTable(std::string path, std::string sheet_name, std::string temp_dir = {},
            std::uint32_t sheet_rows = kMaxSheetRows);
  ~XlsxTable() override;
  XlsxTable(const XlsxTable&) = delete;
  XlsxTable& operator=(const XlsxTable&) = delete;

  // Text printed at the left of every page's footer (the page number is at its right), e.g. the
  // audit head the list was read at; call before Begin. At most 200 bytes, no "&".
  void SetPrintFooter(std::string text) { footer_ = std::move(text); }

  core::Status Begin(std::span<const TableColumn> columns) override;
  // After Begin: the rows that follow go to a new sheet named `sheet_name` under `columns`' header
  // (a workbook of several tables, one a sheet: the quarterly bulletin).
  core::Status NextSheet(std::string sheet_name, std::span<const TableColumn> columns);
  core::Status Row(std::span<const Cell> cells) override;
  core::Status Finish() override;

 private:
  core::Status AddSheet();
  void SetColumnFormats();
  core::Status Check(int error, const char* what);

  std::string path_, sheet_name_, temp_dir_, footer_;
  std::uint32_t sheet_rows_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  int sheets_ = 0;
  std::uint32_t row_ = 0;
  std::vector<TableColumn> columns_;
  lxw_format* header_format_ = nullptr;
  lxw_format* text_format_ = nullptr;
  lxw_format* date_time_format_ = nullptr;
  lxw_format* date_format_ = nullptr;
  std::vector<lxw_format*> number_formats_;  // per column; null where the column has none
};

}  // namespace grassroots::exporting
