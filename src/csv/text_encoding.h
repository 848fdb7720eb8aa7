// The text encodings a CSV file arrives in: UTF-8 (with or without a BOM) as the contract says,
// and GB18030 — a superset of GBK and GB2312 — which Excel and WPS on Chinese Windows write
// when told to save "CSV". Decoding turns either into UTF-8 for the CSV reader.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/import_rows.h"

namespace grassroots::csv {

enum class TextEncoding { kUtf8, kGb18030 };
std::string_view ToString(TextEncoding encoding);  // "utf-8", "gb18030"

struct DecodedText {
  std::string text;  // UTF-8, without a BOM
  TextEncoding encoding = TextEncoding::kUtf8;
  std::optional<core::LineError> error;  // set when the bytes are neither; `text` is then empty
};

// Valid UTF-8 is read as UTF-8; anything else as GB18030 (through iconv). Bytes that are
// neither are refused with one error at the line of the first byte that stops the decoding
// that got further (reason not_text, params {line, byte}). Text that is UTF-8, Chinese
// included, up to one bad byte is refused at that byte (reason bad_utf8), not read as GB18030
// into garbled names. A UTF-16 file, which Excel writes as "Unicode text", is refused as such
// (reason utf16_text).
DecodedText DecodeText(std::string_view bytes);

// The offset of the first byte that is not part of well-formed UTF-8 (no overlong forms, no
// surrogates, nothing above U+10FFFF), or bytes.size() when all of it is.
std::size_t FirstInvalidUtf8(std::string_view bytes);

// The 1-based line of `offset`, counting CRLF, LF and a lone CR as line ends as the CSV reader
// does.
int LineOfOffset(std::string_view bytes, std::size_t offset);

}  // namespace grassroots::csv
