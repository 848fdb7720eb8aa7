#include "csv/csv_scanner.h"

#include <cstdint>
#include <cstring>

#include "core/text.h"

namespace grassroots::csv {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

std::size_t EstimateRecords(std::string_view text) {
  // memchr is vectorized by libc at any optimization level; a counting loop may not be.
  std::size_t lines = 1;
  const char* const end = text.data() + text.size();
  for (const char* p = text.data(); p != end; ++lines) {
    p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (p == nullptr) break;
    ++p;
  }
  return lines;
}

CsvScanner::CsvScanner(std::string_view text) : text_(text) {
  if (text_.starts_with(kByteOrderMark)) pos_ = kByteOrderMark.size();
}

bool CsvScanner::Next(ScannedRecord& record) {
  if (!SkipBlankLines()) return false;
  const std::size_t begin = pos_;
  record.line = line_;
  record.syntax_error.clear();
  record.syntax_reason.clear();
  record.syntax_field = 0;
  record.invalid_utf8_field = -1;
  spans_.clear();
  scratch_.clear();
  while (ReadField(record)) {
    if (pos_ == text_.size() || text_[pos_] != ',') {
      ConsumeLineEnd();
      break;
    }
    ++pos_;
  }
  MaterializeFields(record);
  // The raw record holds every byte of its fields, so one check of it covers them all;
  // only a failure needs the per-field look that names the column.
  if (record.syntax_error.empty() && !core::IsValidUtf8(text_.substr(begin, pos_ - begin))) {
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      if (!core::IsValidUtf8(record.fields[i])) {
        record.invalid_utf8_field = static_cast<int>(i);
        break;
      }
    }
  }
  return true;
}

bool CsvScanner::SkipBlankLines() {
  while (pos_ < text_.size()) {
    std::size_t p = pos_;
    while (p < text_.size() && IsBlank(text_[p])) ++p;
    if (p == text_.size()) break;
    if (text_[p] != '\r' && text_[p] != '\n') return true;
    pos_ = p;
    ConsumeLineEnd();
  }
  pos_ = text_.size();
  return false;
}

bool CsvScanner::AtLineEnd() const {
  return pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r');
}

void CsvScanner::ConsumeLineEnd() {
  if (!AtLineEnd()) return;
  if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
  ++pos_;
  ++line_;
}

bool CsvScanner::ReadField(ScannedRecord& record) {
  std::size_t start = pos_;
  while (start < text_.size() && IsBlank(text_[start])) ++start;
  if (start < text_.size() && text_[start] == '"') {
    pos_ = start;
    return ReadQuoted(record);
  }
  ReadUnquoted();
  return true;
}

void CsvScanner::ReadUnquoted() {
  const char* const data = text_.data();
  const char* const end = data + text_.size();
  const char* p = data + pos_;
  while (p != end && *p != ',' && *p != '\n' && *p != '\r') ++p;
  const auto stop = static_cast<std::size_t>(p - data);
  spans_.push_back({pos_, stop - pos_, false});
  pos_ = stop;
}

bool CsvScanner::ReadQuoted(ScannedRecord& record) {
  const std::size_t content = pos_ + 1;
  std::size_t segment = content;
  bool escaped = false;
  for (;;) {
    const std::size_t quote = text_.find('"', segment);
    if (quote == std::string_view::npos) {
      record.syntax_field = static_cast<int>(spans_.size() + 1);
      record.syntax_error = "unterminated quote in field " + std::to_string(record.syntax_field);
      record.syntax_reason = "unterminated_quote";
      pos_ = text_.size();
      return false;
    }
    CountLineBreaks(text_.substr(segment, quote - segment));
    const bool doubled = quote + 1 < text_.size() && text_[quote + 1] == '"';
    if (!doubled && !escaped) {
      spans_.push_back({content, quote - content, false});
      pos_ = quote + 1;
      break;
    }
    // From the first "" on, the field is unescaped into scratch_, keeping one quote of each
    // pair.
    if (!escaped) spans_.push_back({scratch_.size(), 0, true});
    escaped = true;
    scratch_.append(text_.substr(segment, quote - segment + (doubled ? 1 : 0)));
    spans_.back().size = scratch_.size() - spans_.back().begin;
    if (!doubled) {
      pos_ = quote + 1;
      break;
    }
    segment = quote + 2;
  }
  while (pos_ < text_.size() && IsBlank(text_[pos_])) ++pos_;
  if (pos_ == text_.size() || text_[pos_] == ',' || AtLineEnd()) return true;
  record.syntax_field = static_cast<int>(spans_.size());
  record.syntax_error =
      "unexpected text after the closing quote of field " + std::to_string(record.syntax_field);
  record.syntax_reason = "text_after_quote";
  SkipRestOfLine();
  return false;
}

void CsvScanner::CountLineBreaks(std::string_view segment) {
  for (std::size_t i = 0; i < segment.size(); ++i) {
    const char c = segment[i];
    const bool crlf_half = c == '\r' && i + 1 < segment.size() && segment[i + 1] == '\n';
    if ((c == '\n' || c == '\r') && !crlf_half) ++line_;
  }
}

void CsvScanner::SkipRestOfLine() {
  while (pos_ < text_.size() && !AtLineEnd()) ++pos_;
  ConsumeLineEnd();
}

void CsvScanner::MaterializeFields(ScannedRecord& record) const {
  record.fields.clear();
  for (const Span& span : spans_) {
    const std::string_view source = span.in_scratch ? std::string_view(scratch_) : text_;
    record.fields.push_back(source.substr(span.begin, span.size));
  }
}

}  // namespace grassroots::csv
