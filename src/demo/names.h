// Chinese person and place names for the demo, drawn from short fixed lists.
#pragma once

#include <string>

#include "demo/rng.h"

namespace grassroots::demo {

// Replaces `out` with a person's name, e.g. 王建国 (common surnames, common given names).
void DrawPersonName(Rng& rng, std::string& out);

// Appends a two-character place name, e.g. 红旗 or 永丰 (for the scaled-up data).
void AppendPlaceName(Rng& rng, std::string& out);

}  // namespace grassroots::demo
