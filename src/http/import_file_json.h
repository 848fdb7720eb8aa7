// How an import file was read, as the import answers tell it: {"format": "csv"|"xlsx",
// "encoding": "utf-8"|"gb18030" (CSV) or "sheet": NAME (xlsx)}, and the dry run's preview
// {"columns": [keys], "rows": [{"line", "values": {key: text}}], "total"}.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <nlohmann/json.hpp>

#include "app/import_file.h"

namespace grassroots::http {

// The most rows a dry run's preview may ask for (?preview=N).
inline constexpr std::size_t kMaxPreviewRows = 1000;

nlohmann::json FileJson(const app::FileImport& file);
nlohmann::json PreviewJson(const csv::FilePreview& preview);

// ?preview=N (0..kMaxPreviewRows, default 0) into `rows`; false after a 422.
bool PreviewParam(const httplib::Request& req, std::size_t& rows, httplib::Response& res);

}  // namespace grassroots::http
