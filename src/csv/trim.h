// Trimming of field values and column names, shared by the CSV layers: core's, so that a
// value typed into a file and the same value sent as JSON are read alike.
#pragma once

#include <string_view>

#include "core/text.h"

namespace grassroots::csv {

// `text` without the spaces, tabs and line breaks around it; a view of the same characters.
inline std::string_view Trim(std::string_view text) { return core::TrimSpace(text); }

}  // namespace grassroots::csv
