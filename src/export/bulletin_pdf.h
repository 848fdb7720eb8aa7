// A printable HTML page made into a PDF by Debian's Chromium, headless (`--print-to-pdf`): the
// page's own @page rules (A4) decide the paper. Chromium is found as GRASSROOTS_CHROMIUM, else
// `chromium`, `chromium-browser` or `google-chrome` on PATH; without one the answer says so and
// suggests the HTML, which prints the same from any browser.
#pragma once

#include <optional>
#include <string>

#include "core/error.h"

namespace grassroots::exporting {

// The browser to print with, or nullopt when none is installed.
std::optional<std::string> FindChromium();

// Prints `html_path` to `pdf_path` (overwritten). kUnavailable reason chromium_not_found when
// there is no browser, reason pdf_failed when it ran but wrote no PDF (within 60 seconds).
core::Status HtmlToPdf(const std::string& html_path, const std::string& pdf_path);

}  // namespace grassroots::exporting
