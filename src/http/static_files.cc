#include "http/static_files.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>

namespace grassroots::http {
namespace {

// Whether Accept-Encoding names `coding` with a non-zero weight ("br", "gzip;q=0.8").
bool Accepts(const std::string& header, std::string_view coding) {
  std::size_t start = 0;
  while (start <= header.size()) {
    std::size_t end = header.find(',', start);
    if (end == std::string::npos) end = header.size();
    std::string_view item(header.data() + start, end - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    const std::size_t semicolon = item.find(';');
    std::string_view name = item.substr(0, semicolon);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name == coding) {
      if (semicolon == std::string_view::npos) return true;
      const std::string params(item.substr(semicolon + 1));
      const std::size_t q = params.find("q=");
      return q == std::string::npos || std::strtod(params.c_str() + q + 2, nullptr) > 0;
    }
    start = end + 1;
  }
  return false;
}

std::optional<std::string> ReadWhole(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

void UsePrecompressed(const std::string& root, const httplib::Request& req,
                      httplib::Response& res) {
  if (res.status != 200 || req.has_header("Range") || req.path.empty() || req.path[0] != '/') {
    return;
  }
  // cpp-httplib served this path from `root` (it refuses ".." and the like before), a
  // directory by its index.html.
  std::string relative = req.path.substr(1);
  if (relative.empty() || relative.back() == '/') relative += "index.html";
  const std::filesystem::path file = std::filesystem::path(root) / relative;
  const std::string accepted = req.get_header_value("Accept-Encoding");
  for (const char* coding : {"br", "gzip"}) {
    if (!Accepts(accepted, coding)) continue;
    const char* suffix = std::string_view(coding) == "br" ? ".br" : ".gz";
    std::optional<std::string> body = ReadWhole(file.string() + suffix);
    if (!body) continue;
    const std::string type = res.get_header_value("Content-Type");
    // Through a content provider of known length: cpp-httplib compresses a body it holds
    // itself, but sends a provider's bytes as they are.
    auto bytes = std::make_shared<const std::string>(std::move(*body));
    res.body.clear();
    res.set_content_provider(
        bytes->size(), type,
        [bytes](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
          sink.write(bytes->data() + offset, length);
          return true;
        });
    res.set_header("Content-Encoding", coding);
    res.set_header("Vary", "Accept-Encoding");
    return;
  }
}

}  // namespace grassroots::http
