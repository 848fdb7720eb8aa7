// Splits CSV text into records without copying: the lowest layer under ParseCsv and the
// import parsers. It knows RFC 4180 syntax and UTF-8, nothing about headers or columns.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace grassroots::csv {

// One record as scanned. The views point into the scanned text, or into the scanner's own
// buffer for quoted fields holding "" escapes; they stay valid until the next Next().
struct ScannedRecord {
  int line = 0;  // 1-based physical line where the record starts
  std::vector<std::string_view> fields;
  std::string syntax_error;     // non-empty when malformed; the fields are then incomplete
  std::string syntax_reason;    // its stable name: unterminated_quote or text_after_quote
  int syntax_field = 0;         // 1-based position of the field it is in
  int invalid_utf8_field = -1;  // 0-based index of the first field that is not UTF-8
};

// Reads records one at a time. Accepts CRLF, LF or a lone CR as the line end, a UTF-8 byte
// order mark before the first record, and spaces before an opening quote (which RFC 4180
// does not, but spreadsheets typed by hand do). Blank and whitespace-only lines between
// records are skipped. An unterminated quote swallows the rest of the text, so it ends
// the scan. The scanner does not own the text, which must outlive it.
class CsvScanner {
 public:
  explicit CsvScanner(std::string_view text);

  // Fills `record` with the next record; false once the text is exhausted.
  bool Next(ScannedRecord& record);
  // How many bytes of the text have been read.
  std::size_t offset() const { return pos_; }

 private:
  // Where a field's characters are: a range of the text or of scratch_. Kept as offsets
  // because scratch_ may move while a record is read.
  struct Span {
    std::size_t begin = 0;
    std::size_t size = 0;
    bool in_scratch = false;
  };

  bool SkipBlankLines();
  bool AtLineEnd() const;
  void ConsumeLineEnd();
  bool ReadField(ScannedRecord& record);  // false on a syntax error
  void ReadUnquoted();
  bool ReadQuoted(ScannedRecord& record);
  void CountLineBreaks(std::string_view segment);
  void SkipRestOfLine();
  void MaterializeFields(ScannedRecord& record) const;

  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::vector<Span> spans_;
  std::string scratch_;
};

// An upper bound of the records in `text` when lines end in LF or CRLF, for reserving
// room: growing a vector of millions of rows by doubling costs more than the parse.
std::size_t EstimateRecords(std::string_view text);

}  // namespace grassroots::csv
