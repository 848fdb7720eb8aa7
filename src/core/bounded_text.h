// Text kept as data within a size: what a client typed, recorded without letting it grow the
// record without bound. Pure.
#pragma once

#include <cstddef>
#include <string_view>

namespace grassroots::core {

// The longest prefix of `text` of at most `max_bytes` bytes that does not end inside a UTF-8
// character: the cut falls before a lead byte, never between a lead byte and its continuation
// bytes. `text` itself when it fits.
std::string_view Utf8Prefix(std::string_view text, std::size_t max_bytes);

}  // namespace grassroots::core
