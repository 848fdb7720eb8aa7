// A quarterly bulletin (core/bulletin.h) as an .xlsx workbook, a sheet per section — 概况,
// 各单位进展, 逾期事项, 抽查发现 — each with Chinese headers, column widths and a frozen header
// row (export/xlsx_table.h).
#pragma once

#include <string>

#include "core/bulletin.h"
#include "core/error.h"

namespace grassroots::exporting {

// The sheets' names, in order.
inline constexpr std::string_view kBulletinSheets[] = {"概况", "各单位进展", "逾期事项",
                                                       "抽查发现"};

core::Status WriteBulletinXlsx(const core::BulletinDocument& doc, const std::string& path,
                               const std::string& temp_dir = {});

}  // namespace grassroots::exporting
