#include "http/import_file_json.h"

#include <string>

#include "http/errors.h"

namespace grassroots::http {

nlohmann::json FileJson(const app::FileImport& file) {
  nlohmann::json body = {{"format", csv::ToString(file.format)}};
  if (file.format == csv::FileFormat::kXlsx) {
    body["sheet"] = file.sheet;
  } else {
    body["encoding"] = csv::ToString(file.encoding);
  }
  return body;
}

nlohmann::json PreviewJson(const csv::FilePreview& preview) {
  nlohmann::json rows = nlohmann::json::array();
  for (const csv::PreviewRow& row : preview.rows) {
    nlohmann::json values = nlohmann::json::object();
    for (std::size_t i = 0; i < preview.columns.size(); ++i) {
      values[std::string(preview.columns[i])] = row.values[i];
    }
    rows.push_back({{"line", row.line}, {"values", std::move(values)}});
  }
  nlohmann::json columns = nlohmann::json::array();
  for (std::string_view column : preview.columns) columns.push_back(column);
  return {{"columns", std::move(columns)}, {"rows", std::move(rows)}, {"total", preview.total}};
}

bool PreviewParam(const httplib::Request& req, std::size_t& rows, httplib::Response& res) {
  rows = 0;
  if (!req.has_param("preview")) return true;
  const std::string text = req.get_param_value("preview");
  std::size_t value = 0;
  bool ok = !text.empty() && text.size() <= 4;
  for (char c : text) {
    ok = ok && c >= '0' && c <= '9';
    if (ok) value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  if (!ok || value > kMaxPreviewRows) {
    WriteError(res, 422, "invalid",
               "preview must be a number of rows from 0 to " + std::to_string(kMaxPreviewRows),
               "preview", "preview_out_of_range", {{"max", std::to_string(kMaxPreviewRows)}});
    return false;
  }
  rows = value;
  return true;
}

}  // namespace grassroots::http
