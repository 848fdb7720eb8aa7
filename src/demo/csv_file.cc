#include "demo/csv_file.h"

#include <cerrno>
#include <charconv>
#include <cstring>

namespace grassroots::demo {
namespace {

// Large enough that the country's 300 MB file costs a few hundred write calls.
constexpr std::size_t kBufferBytes = 1 << 20;

bool NeedsQuotes(std::string_view text) {
  return text.find_first_of(",\"\r\n") != std::string_view::npos;
}

}  // namespace

core::Result<std::unique_ptr<CsvFile>> CsvFile::Create(const std::filesystem::path& path) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    return core::Error::Unavailable("cannot create " + path.string() + ": " + std::strerror(errno),
                                    path.string());
  }
  return std::unique_ptr<CsvFile>(new CsvFile(file, path.string()));
}

CsvFile::CsvFile(std::FILE* file, std::string path) : file_(file), path_(std::move(path)) {
  buffer_.reserve(kBufferBytes + 4096);
}

CsvFile::~CsvFile() {
  if (file_ != nullptr) std::fclose(file_);
}

void CsvFile::Separate() {
  if (row_started_) buffer_.push_back(',');
  row_started_ = true;
}

void CsvFile::Field(std::string_view text) {
  Separate();
  if (!NeedsQuotes(text)) {
    buffer_.append(text);
    return;
  }
  buffer_.push_back('"');
  for (char c : text) {
    if (c == '"') buffer_.push_back('"');
    buffer_.push_back(c);
  }
  buffer_.push_back('"');
}

void CsvFile::Field(long long value) {
  Separate();
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  buffer_.append(digits, end);
}

void CsvFile::Field(double value) {
  Separate();
  char digits[48];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  buffer_.append(digits, end);
}

void CsvFile::EndRow() {
  buffer_.push_back('\n');
  row_started_ = false;
  FlushIfFull();
}

void CsvFile::FlushIfFull() {
  if (buffer_.size() < kBufferBytes) return;
  if (status_.ok() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    Fail("cannot write");
  }
  buffer_.clear();
}

void CsvFile::Fail(std::string_view what) {
  status_ = core::Error::Unavailable(std::string(what) + " " + path_ + ": " + std::strerror(errno),
                                     path_);
}

core::Status CsvFile::Close() {
  if (file_ == nullptr) return status_;
  if (status_.ok() && !buffer_.empty() &&
      std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    Fail("cannot write");
  }
  buffer_.clear();
  if (std::fclose(file_) != 0 && status_.ok()) Fail("cannot close");
  file_ = nullptr;
  return status_;
}

}  // namespace grassroots::demo
