#include "csv/record_reader.h"

#include <utility>

#include "core/text.h"
#include "csv/trim.h"

namespace grassroots::csv {

RecordReader::RecordReader(std::string_view content, std::vector<core::LineError>& errors)
    : scanner_(content), errors_(errors) {
  ReadHeader();
}

void RecordReader::ReadHeader() {
  if (!scanner_.Next(record_)) return;
  header_line_ = record_.line;
  header_malformed_ = true;  // until proven otherwise below
  if (!record_.syntax_error.empty()) {
    ReportSyntax("header: ");
    return;
  }
  if (record_.invalid_utf8_field >= 0) {
    const std::string position = std::to_string(record_.invalid_utf8_field + 1);
    Report(record_.line, "header: invalid UTF-8 in field " + position, "invalid_utf8",
           {{"position", position}});
    return;
  }
  header_.reserve(record_.fields.size());
  for (std::string_view name : record_.fields) header_.emplace_back(Trim(name));
  header_malformed_ = false;
  header_ok_ = true;
}

bool RecordReader::Next() {
  if (!header_ok_) return false;
  while (scanner_.Next(record_)) {
    if (CheckRecord()) return true;
  }
  return false;
}

bool RecordReader::CheckRecord() {
  if (!record_.syntax_error.empty()) {
    ReportSyntax("");
    return false;
  }
  if (record_.fields.size() != header_.size()) {
    const std::string expected = std::to_string(header_.size());
    const std::string got = std::to_string(record_.fields.size());
    Report(record_.line, "expected " + expected + " fields as in the header, got " + got,
           "field_count", {{"expected", expected}, {"got", got}});
    return false;
  }
  if (record_.invalid_utf8_field >= 0) {
    const int index = record_.invalid_utf8_field;
    Report(record_.line, "invalid UTF-8 in " + ColumnName(index), "invalid_utf8",
           {{"position", std::to_string(index + 1)},
            {"column", core::Excerpt(header_[static_cast<std::size_t>(index)])}});
    return false;
  }
  return true;
}

// How an error names a column: by its header name, or by position when that is blank.
std::string RecordReader::ColumnName(int index) const {
  const std::string& name = header_[static_cast<std::size_t>(index)];
  if (name.empty()) return "field " + std::to_string(index + 1);
  return "column \"" + name + "\"";
}

void RecordReader::ReportSyntax(std::string_view prefix) {
  Report(record_.line, std::string(prefix) + record_.syntax_error, record_.syntax_reason,
         {{"position", std::to_string(record_.syntax_field)}});
}

void RecordReader::Report(int line, std::string message, std::string reason, core::Params params) {
  errors_.push_back({line, std::move(message), {}, std::move(reason), std::move(params)});
}

}  // namespace grassroots::csv
