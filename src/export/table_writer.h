// A list written as a table file, row by row, in a format a spreadsheet opens (.xlsx or CSV):
// the list code (app/list_export.h) says what each column holds, the writer how it looks.
// Writers keep no rows: what they take goes to their file as it comes.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/error.h"

namespace grassroots::exporting {

// What a column holds, which decides how a spreadsheet shows it.
enum class ColumnKind {
  kText,      // free text
  kCode,      // an identifier: text, even when it looks like a number ("001")
  kNumber,    // a decimal (scores): `decimals` places shown
  kInteger,   // a count, rank or year
  kDateTime,  // a local date and time
  kDate,      // a calendar day (a deadline)
};

struct TableColumn {
  std::string_view header;  // the Chinese header (core/file_columns.h where a format has one)
  ColumnKind kind = ColumnKind::kText;
  double width = 12;  // in characters, as a spreadsheet counts them (a Chinese one counts 2)
  int decimals = 2;   // kNumber only
};

// A local time of day on a civil date (the county's, UTC+8).
struct LocalDateTime {
  core::CivilDate date;
  int seconds = 0;  // since midnight
};

// One cell: empty, text, a number, a date and time, or a date. Text is a view: it must live until
// the row is written.
class Cell {
 public:
  enum class Type { kEmpty, kText, kNumber, kDateTime, kDate };

  Cell() = default;
  static Cell Text(std::string_view text) { return Cell(Type::kText, text, 0, {}); }
  static Cell Number(double number) { return Cell(Type::kNumber, {}, number, {}); }
  static Cell DateTime(LocalDateTime at) { return Cell(Type::kDateTime, {}, 0, at); }
  // A day: a date cell in a workbook, YYYY-MM-DD in CSV.
  static Cell Date(core::CivilDate date) { return Cell(Type::kDate, {}, 0, {date, 0}); }

  Type type() const { return type_; }
  std::string_view text() const { return text_; }
  double number() const { return number_; }
  const LocalDateTime& date_time() const { return date_time_; }

 private:
  Cell(Type type, std::string_view text, double number, LocalDateTime at)
      : type_(type), text_(text), number_(number), date_time_(at) {}

  Type type_ = Type::kEmpty;
  std::string_view text_;
  double number_ = 0;
  LocalDateTime date_time_;
};

class TableWriter {
 public:
  virtual ~TableWriter() = default;
  // Writes the header row; called once, before any Row.
  virtual core::Status Begin(std::span<const TableColumn> columns) = 0;
  // Writes one row, a cell per column.
  virtual core::Status Row(std::span<const Cell> cells) = 0;
  // Completes the file; nothing may be written after.
  virtual core::Status Finish() = 0;
};

// "2016-05-01 12:00:00".
std::string FormatLocalDateTime(const LocalDateTime& at);

}  // namespace grassroots::exporting
