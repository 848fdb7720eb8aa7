// Reads the first worksheet of an .xlsx workbook (Office Open XML, as Excel and WPS save it)
// row by row: shared and inline strings, numbers, booleans, error values, dates and empty
// cells, each as the text a CSV field would hold (csv/xlsx_cells.h).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace grassroots::csv {

// One row of a sheet: its number as the sheet shows it (1-based) and its cells from column A,
// a missing cell as an empty string, up to the last cell the row has.
struct SheetRow {
  int number = 0;
  std::vector<std::string> cells;
};

// True when `bytes` begin like a ZIP archive, as every .xlsx does.
bool LooksLikeXlsx(std::string_view bytes);

// At most this many bytes are unpacked from a workbook (its XML parts together).
inline constexpr std::uint64_t kMaxWorkbookUnpacked = std::uint64_t{512} << 20;

// Calls `row` for each row of the workbook's first sheet that has a cell, in order, and
// answers the sheet's name. kInvalid when the bytes are not a workbook this reader understands
// (reason xlsx_unreadable) or unpack past `max_unpacked` (xlsx_too_large); `row` may have
// been called before that.
core::Result<std::string> ReadFirstSheet(std::string_view bytes,
                                         const std::function<void(const SheetRow&)>& row,
                                         std::uint64_t max_unpacked = kMaxWorkbookUnpacked);

// The same for the workbook's sheet at `index` (0: the first); kInvalid "it has no sheet" past
// the last.
core::Result<std::string> ReadSheet(std::string_view bytes, int index,
                                    const std::function<void(const SheetRow&)>& row,
                                    std::uint64_t max_unpacked = kMaxWorkbookUnpacked);

}  // namespace grassroots::csv
