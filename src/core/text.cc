#include "core/text.h"

#include <cstdint>
#include <cstring>

namespace grassroots::core {
namespace {

// Index of the first byte at or after `i` that is not ASCII; 8 bytes at a time because
// almost all of a large file is ASCII.
std::size_t SkipAscii(const unsigned char* s, std::size_t i, std::size_t n) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  while (i + sizeof(std::uint64_t) <= n) {
    std::uint64_t word;
    std::memcpy(&word, s + i, sizeof word);
    if ((word & kHighBits) != 0) break;
    i += sizeof word;
  }
  while (i < n && s[i] < 0x80) ++i;
  return i;
}

// Length of the well-formed multi-byte sequence starting at s[i], or 0 if there is none
// (Unicode Table 3-7: the second byte's range excludes overlongs and surrogates).
std::size_t SequenceLength(const unsigned char* s, std::size_t i, std::size_t n) {
  const unsigned lead = s[i];
  std::size_t length = 0;
  unsigned low = 0x80;
  unsigned high = 0xBF;
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
  if (n - i < length || s[i + 1] < low || s[i + 1] > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if ((s[i + k] & 0xC0) != 0x80) return 0;
  }
  return length;
}

// Bytes of the character at text[i]: a well-formed sequence, or 1.
std::size_t CharacterBytes(std::string_view text, std::size_t i) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  if (s[i] < 0x80) return 1;
  const std::size_t length = SequenceLength(s, i, text.size());
  return length == 0 ? 1 : length;
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = SkipAscii(s, 0, n); i < n; i = SkipAscii(s, i, n)) {
    const std::size_t length = SequenceLength(s, i, n);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

std::size_t CharacterCount(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); i += CharacterBytes(text, i)) ++count;
  return count;
}

std::string Excerpt(std::string_view text, std::size_t max_characters) {
  std::size_t i = 0;
  for (std::size_t count = 0; i < text.size() && count < max_characters; ++count) {
    i += CharacterBytes(text, i);
  }
  if (i >= text.size()) return std::string(text);
  return std::string(text.substr(0, i)) + "…";
}

std::string Quoted(std::string_view text) { return "\"" + Excerpt(text) + "\""; }

}  // namespace grassroots::core
