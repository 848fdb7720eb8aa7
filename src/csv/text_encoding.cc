#include "csv/text_encoding.h"

#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

namespace grassroots::csv {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// The decoding of `bytes` as GB18030 into UTF-8, or the offset where it stops.
struct Gb18030Result {
  std::string text;
  std::size_t stopped_at = std::string_view::npos;  // npos when all was decoded
};

Gb18030Result FromGb18030(std::string_view bytes) {
  Gb18030Result result;
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    result.stopped_at = 0;
    return result;
  }
  std::unique_ptr<void, int (*)(iconv_t)> closer(cd, iconv_close);
  // A GB18030 character is at most 4 bytes and becomes at most 4 bytes of UTF-8; ASCII stays
  // one byte and a two-byte Chinese character becomes three: 2x is always enough.
  result.text.resize(bytes.size() * 2 + 4);
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* out = result.text.data();
  std::size_t out_left = result.text.size();
  if (iconv(cd, &in, &in_left, &out, &out_left) == static_cast<std::size_t>(-1)) {
    result.stopped_at = static_cast<std::size_t>(in - bytes.data());
    result.text.clear();
    return result;
  }
  result.text.resize(result.text.size() - out_left);
  return result;
}

std::string HexByte(unsigned char byte) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02X", byte);
  return text;
}

// UTF-8 text with this many characters of three or four bytes (Chinese, in UTF-8) before its
// first bad byte is UTF-8 with a broken byte, not GB18030: GBK text runs into a byte UTF-8 cannot
// take within a character or two, and reading such a file as GB18030 would garble every name
// in it without a word.
constexpr int kUtf8Evidence = 2;

int WideUtf8Characters(std::string_view valid_utf8) {
  int count = 0;
  for (char c : valid_utf8) count += static_cast<unsigned char>(c) >= 0xE0 ? 1 : 0;
  return count;
}

std::string ByteText(std::string_view bytes, std::size_t offset) {
  return offset < bytes.size() ? HexByte(static_cast<unsigned char>(bytes[offset])) : "end of file";
}

DecodedText BrokenUtf8(std::string_view bytes, std::size_t offset) {
  const int line = LineOfOffset(bytes, offset);
  const std::string byte = ByteText(bytes, offset);
  DecodedText refused;
  refused.error =
      core::LineError(line,
                      "line " + std::to_string(line) + " is not UTF-8 (byte " + byte +
                          ") while the text before it is; save the file as \"CSV UTF-8\" again",
                      {}, "bad_utf8", {{"line", std::to_string(line)}, {"byte", byte}});
  return refused;
}

DecodedText Refused(std::string_view bytes, std::size_t offset) {
  const int line = LineOfOffset(bytes, offset);
  const std::string byte = ByteText(bytes, offset);
  DecodedText refused;
  refused.error =
      core::LineError(line,
                      "the file is neither UTF-8 nor GB18030 text (byte " + byte + " on line " +
                          std::to_string(line) + "); save it as \"CSV UTF-8\" or as .xlsx",
                      {}, "not_text", {{"line", std::to_string(line)}, {"byte", byte}});
  return refused;
}

}  // namespace

std::string_view ToString(TextEncoding encoding) {
  return encoding == TextEncoding::kGb18030 ? "gb18030" : "utf-8";
}

std::size_t FirstInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: a country's file is 500 MB of them, read before the import
    // starts.
    std::uint64_t eight = 0;
    while (i + sizeof eight <= n) {
      std::memcpy(&eight, s + i, sizeof eight);
      if ((eight & 0x8080808080808080u) != 0) break;
      i += sizeof eight;
    }
    if (i == n) break;
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;   // overlong
      if (c == 0xED) high = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;   // overlong
      if (c == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    if (i + 1 >= n || s[i + 1] < low || s[i + 1] > high) return i;
    for (std::size_t k = 2; k < length; ++k) {
      if (i + k >= n || (s[i + k] & 0xC0) != 0x80) return i;
    }
    i += length;
  }
  return n;
}

int LineOfOffset(std::string_view bytes, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) {
      ++line;
    }
  }
  return line;
}

DecodedText DecodeText(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    DecodedText refused;
    refused.error = core::LineError(
        1,
        "the file is UTF-16 text (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" or as .xlsx",
        {}, "utf16_text", {});
    return refused;
  }
  const std::string_view body = bytes.starts_with(kUtf8Bom) ? bytes.substr(kUtf8Bom.size()) : bytes;
  const std::size_t utf8_end = FirstInvalidUtf8(body);
  if (utf8_end == body.size()) return {std::string(body), TextEncoding::kUtf8, std::nullopt};
  const std::size_t utf8_stop = utf8_end + (bytes.size() - body.size());
  if (WideUtf8Characters(body.substr(0, utf8_end)) >= kUtf8Evidence) {
    return BrokenUtf8(bytes, utf8_stop);
  }
  Gb18030Result gb = FromGb18030(bytes);
  if (gb.stopped_at == std::string_view::npos) {
    return {std::move(gb.text), TextEncoding::kGb18030, std::nullopt};
  }
  // The decoding that read further is the likelier meant one: its stop is the byte to fix.
  return Refused(bytes, std::max(utf8_stop, gb.stopped_at));
}

}  // namespace grassroots::csv
