#include "http/json_writer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

namespace grassroots::http {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
// The most one input byte becomes: a control character is written as \u00XX.
constexpr std::size_t kMaxEscapedBytes = 6;
// Room past the end of a written text: a text's last few bytes are written as a whole word.
constexpr std::size_t kSlack = 8;

// Whether p starts a three-byte sequence whose lead allows any continuation byte after it (every
// Chinese character but those led by E0 and ED, which the full check below takes).
bool IsCommonThreeBytes(const unsigned char* p, const unsigned char* end) {
  return end - p >= 3 && p[0] >= 0xE1 && p[0] <= 0xEF && p[0] != 0xED && (p[1] & 0xC0) == 0x80 &&
         (p[2] & 0xC0) == 0x80;
}

// The length of the well-formed UTF-8 sequence at p, or 0 when it is not one (overlong forms,
// surrogates and code points above U+10FFFF included). *p >= 0x80.
std::size_t Utf8Length(const unsigned char* p, const unsigned char* end) {
  const unsigned char lead = p[0];
  if (IsCommonThreeBytes(p, end)) return 3;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (static_cast<std::size_t>(end - p) < length) return 0;
  if (p[1] < low || p[1] > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (p[k] < 0x80 || p[k] > 0xBF) return 0;
  }
  return length;
}

char* WriteControl(char* w, unsigned char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  char short_form = 0;
  switch (c) {
    case '"':
      short_form = '"';
      break;
    case '\\':
      short_form = '\\';
      break;
    case '\b':
      short_form = 'b';
      break;
    case '\f':
      short_form = 'f';
      break;
    case '\n':
      short_form = 'n';
      break;
    case '\r':
      short_form = 'r';
      break;
    case '\t':
      short_form = 't';
      break;
    default:
      std::memcpy(w, "\\u00", 4);
      w[4] = kHex[c >> 4];
      w[5] = kHex[c & 0xF];
      return w + 6;
  }
  w[0] = '\\';
  w[1] = short_form;
  return w + 2;
}

// Whether any of the eight bytes of `word` needs more than a copy: a control character, '"',
// '\\', or a byte of a multi-byte UTF-8 sequence (checked one sequence at a time).
bool NeedsALook(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHighs = 0x8080808080808080;
  // Some byte below n (n <= 128) iff this is non-zero ("hasless", Bit Twiddling Hacks).
  const auto has_less = [](std::uint64_t v, std::uint64_t n) {
    return (v - kOnes * n) & ~v & kHighs;
  };
  return ((word & kHighs) | has_less(word, 0x20) | has_less(word ^ (kOnes * '"'), 1) |
          has_less(word ^ (kOnes * '\\'), 1)) != 0;
}

// The `n` (< 8) bytes at p in the first bytes of a word, the rest plain filler ('a'). Copied in
// pieces of constant size, which the compiler does inline; a copy of variable size is a call.
std::uint64_t LoadShort(const unsigned char* p, std::size_t n) {
  unsigned char bytes[8] = {'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a'};
  std::size_t at = 0;
  if (n & 4) {
    std::memcpy(bytes, p, 4);
    at = 4;
  }
  if (n & 2) {
    std::memcpy(bytes + at, p + at, 2);
    at += 2;
  }
  if (n & 1) bytes[at] = p[at];
  std::uint64_t word;
  std::memcpy(&word, bytes, 8);
  return word;
}

// Writes `text` quoted and escaped at w, which has room for kMaxEscapedBytes per byte, the
// quotes and kSlack more; returns the end. Runs of plain text, the most of names and codes, are
// checked and copied eight bytes at a time, the last few of a text too (a key is often shorter
// than eight); runs of Chinese characters, three bytes each, are taken at once.
char* WriteEscaped(char* w, std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  *w++ = '"';
  while (p < end) {
    while (end - p >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p, 8);
      if (NeedsALook(word)) break;
      std::memcpy(w, p, 8);
      p += 8;
      w += 8;
    }
    if (const auto left = static_cast<std::size_t>(end - p); left < 8) {
      const std::uint64_t word = LoadShort(p, left);
      if (!NeedsALook(word)) {
        std::memcpy(w, &word, 8);  // the filler lands in the slack: overwritten or cut off
        w += left;
        break;
      }
    }
    const unsigned char c = *p;
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      *w++ = static_cast<char>(c);
      ++p;
    } else if (c < 0x80) {
      w = WriteControl(w, c);
      ++p;
    } else if (const std::size_t length = Utf8Length(p, end); length == 3) {
      // Chinese comes in runs of such characters: the run is taken at once. A constant size is
      // copied inline, not by a call.
      do {
        std::memcpy(w, p, 3);
        w += 3;
        p += 3;
      } while (IsCommonThreeBytes(p, end));
    } else if (length != 0) {
      std::memcpy(w, p, length);
      w += length;
      p += length;
    } else {
      std::memcpy(w, kReplacement.data(), kReplacement.size());
      w += kReplacement.size();
      ++p;
    }
  }
  *w++ = '"';
  return w;
}

}  // namespace

void JsonWriter::Grow(std::size_t n) { buffer_.resize(std::max(buffer_.size() * 2, size_ + n)); }

void JsonWriter::Put(std::string_view text) {
  std::memcpy(Room(text.size()), text.data(), text.size());
  size_ += text.size();
}

void JsonWriter::BeforeValue() {
  if (needs_comma_) Put(',');
  needs_comma_ = true;
}

JsonWriter& JsonWriter::BeginObject() {
  BeforeValue();
  Put('{');
  needs_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  Put('}');
  needs_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  BeforeValue();
  Put('[');
  needs_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  Put(']');
  needs_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  BeforeValue();
  char* w = WriteEscaped(Room(key.size() * kMaxEscapedBytes + 3 + kSlack), key);
  *w++ = ':';
  Advance(w);
  needs_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  BeforeValue();
  Advance(WriteEscaped(Room(value.size() * kMaxEscapedBytes + 2 + kSlack), value));
  return *this;
}

JsonWriter& JsonWriter::Field(std::string_view key, std::string_view value) {
  BeforeValue();
  char* w = Room((key.size() + value.size()) * kMaxEscapedBytes + 5 + 2 * kSlack);
  w = WriteEscaped(w, key);
  *w++ = ':';
  Advance(WriteEscaped(w, value));
  return *this;
}

JsonWriter& JsonWriter::StringOrNull(std::string_view value) {
  return value.empty() ? Null() : String(value);
}

JsonWriter& JsonWriter::Int(std::int64_t value) {
  BeforeValue();
  constexpr std::size_t kDigits = 20;  // "-9223372036854775808"
  char* w = Room(kDigits);
  const auto [end, ec] = std::to_chars(w, w + kDigits, value);
  Advance(ec == std::errc() ? end : w);
  return *this;
}

JsonWriter& JsonWriter::Double(double value) {
  if (!std::isfinite(value)) return Null();
  BeforeValue();
  constexpr std::size_t kChars = 32;  // the shortest form of any double, then ".0"
  char* w = Room(kChars + 2);
  const auto [end, ec] = std::to_chars(w, w + kChars, value);
  if (ec != std::errc()) {
    Put(std::string_view("null"));
    return *this;
  }
  const std::string_view text(w, static_cast<std::size_t>(end - w));
  char* after = end;
  if (text.find_first_of(".e") == std::string_view::npos) {
    std::memcpy(after, ".0", 2);
    after += 2;
  }
  Advance(after);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  BeforeValue();
  Put(value ? std::string_view("true") : std::string_view("false"));
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  Put(std::string_view("null"));
  return *this;
}

JsonWriter& JsonWriter::Raw(std::string_view json) {
  BeforeValue();
  Put(json);
  return *this;
}

}  // namespace grassroots::http
