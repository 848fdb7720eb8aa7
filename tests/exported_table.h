// An exported spreadsheet read back as rows of cells, to compare cell by cell with what the API
// lists. One copy for the test files that read exports back (a unity build compiles them
// together).
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "csv/xlsx_reader.h"

namespace grassroots::testing {

using Table = std::vector<std::vector<std::string>>;

// The first sheet of an .xlsx. A row's trailing empty cells are not stored; every row is given
// the header's width.
inline Table FromXlsx(const std::string& bytes) {
  Table rows;
  auto sheet =
      csv::ReadFirstSheet(bytes, [&](const csv::SheetRow& row) { rows.push_back(row.cells); });
  EXPECT_TRUE(sheet.ok()) << (sheet.ok() ? "" : sheet.error().message);
  for (auto& row : rows) row.resize(std::max(row.size(), rows.front().size()));
  return rows;
}

}  // namespace grassroots::testing
