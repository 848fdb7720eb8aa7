// A CSV file written through a large buffer, remembering its first error.
#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"

namespace grassroots::demo {

class CsvFile {
 public:
  // Creates or truncates `path`; kUnavailable naming the file when it cannot.
  static core::Result<std::unique_ptr<CsvFile>> Create(const std::filesystem::path& path);
  ~CsvFile();
  CsvFile(const CsvFile&) = delete;
  CsvFile& operator=(const CsvFile&) = delete;

  // Appends one field, preceded by a comma unless it starts the row, and quoted (RFC 4180)
  // when it holds a comma, a quote, CR or LF.
  void Field(std::string_view text);
  void Field(long long value);
  void Field(double value);  // the shortest text that reads back as `value` (85.5, 90)
  void EndRow();

  // Flushes and closes; the first error met since Create, naming the file.
  core::Status Close();

 private:
  CsvFile(std::FILE* file, std::string path);
  void Separate();
  void FlushIfFull();
  void Fail(std::string_view what);

  std::FILE* file_;
  std::string path_;
  std::string buffer_;
  bool row_started_ = false;
  core::Status status_;
};

}  // namespace grassroots::demo
