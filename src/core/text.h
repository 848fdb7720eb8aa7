// Text as every entry point sees it: UTF-8 well-formedness, lengths in characters, the spaces
// around a value, and the short excerpt of a value an error message may quote. Pure.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace grassroots::core {

// True when `text` is well-formed UTF-8: no overlong forms, surrogates or code points past
// U+10FFFF.
bool IsValidUtf8(std::string_view text);

// The number of characters (Unicode code points) of UTF-8 text; a byte that starts no
// well-formed sequence counts as one character.
std::size_t CharacterCount(std::string_view text);

// `text` without the spaces, tabs and line breaks around it; a view of the same characters.
inline std::string_view TrimSpace(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

// At most the first `max_characters` characters of `text`, with "…" when cut: what a message
// or an error parameter quotes of a value that may be megabytes long (a code, at most 64
// characters, is never cut).
std::string Excerpt(std::string_view text, std::size_t max_characters = 64);

// "\"" + Excerpt(text) + "\"".
std::string Quoted(std::string_view text);

}  // namespace grassroots::core
