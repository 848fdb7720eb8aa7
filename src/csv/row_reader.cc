#include "csv/row_reader.h"

#include <algorithm>
#include <utility>

#include "csv/trim.h"

namespace grassroots::csv {
namespace {

bool EqualsIgnoringCase(std::string_view text, std::string_view lower) {
  return std::ranges::equal(text, lower, [](char a, char b) {
    return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
  });
}

}  // namespace

RowReader::RowReader(std::string_view content, std::span<const Column> columns,
                     std::vector<core::LineError>& errors)
    : records_(content, errors), columns_(columns), errors_(errors) {
  // A malformed header has been reported already; its missing columns would only be noise.
  if (records_.header_malformed()) return;
  header_ok_ = MatchHeader();
}

bool RowReader::MatchHeader() {
  const std::vector<std::string>& header = records_.header();
  const int line = records_.header_line();
  bool ok = true;
  positions_.assign(columns_.size(), -1);
  for (std::size_t field = 0; field < header.size(); ++field) {
    for (std::size_t column = 0; column < columns_.size(); ++column) {
      if (!EqualsIgnoringCase(header[field], columns_[column].name) &&
          header[field] != columns_[column].label) {
        continue;
      }
      if (positions_[column] >= 0) {
        const std::string name(columns_[column].name);
        errors_.push_back({line,
                           "duplicate column \"" + name + "\"",
                           name,
                           "duplicate_column",
                           {{"column", name}}});
        ok = false;
      }
      positions_[column] = static_cast<int>(field);
    }
  }
  for (std::size_t column = 0; column < columns_.size(); ++column) {
    if (columns_[column].required && positions_[column] < 0) {
      const std::string name(columns_[column].name);
      errors_.push_back(
          {line, "missing column \"" + name + "\"", name, "missing_column", {{"column", name}}});
      ok = false;
    }
  }
  return ok;
}

bool RowReader::Next() {
  Flush();
  if (!header_ok_) return false;
  while (records_.Next()) {
    if (AllBlank()) continue;
    failed_ = false;
    failed_columns_ = 0;
    return true;
  }
  return false;
}

void RowReader::Flush() {
  if (pending_.empty()) return;
  std::ranges::stable_sort(pending_, {}, &Pending::order);
  for (Pending& pending : pending_) errors_.push_back(std::move(pending.error));
  pending_.clear();
}

bool RowReader::AllBlank() const {
  return std::ranges::all_of(records_.fields(),
                             [](std::string_view field) { return Trim(field).empty(); });
}

std::string_view RowReader::operator[](std::size_t column) const {
  const int position = positions_[column];
  if (position < 0) return {};
  return Trim(records_.fields()[static_cast<std::size_t>(position)]);
}

std::size_t RowReader::IndexOf(std::string_view field) const {
  for (std::size_t column = 0; column < columns_.size(); ++column) {
    if (columns_[column].name == field) return column;
  }
  return columns_.size();
}

void RowReader::Fail(std::size_t column, std::string message, std::string reason,
                     core::Params params) {
  pending_.push_back({column,
                      {line(), std::move(message), std::string(name(column)), std::move(reason),
                       std::move(params)}});
  failed_columns_ |= std::uint32_t{1} << column;
  failed_ = true;
}

void RowReader::Report(const core::Error& error) {
  const std::size_t column = IndexOf(error.field);
  if (column < columns_.size()) {
    const std::uint32_t bit = std::uint32_t{1} << column;
    if ((failed_columns_ & bit) != 0) return;
    failed_columns_ |= bit;
  }
  pending_.push_back({column, {line(), error.message, error.field, error.reason, error.params}});
  failed_ = true;
}

}  // namespace grassroots::csv
