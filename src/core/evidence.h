// Evidence (佐证材料) of a rectification item (issue 12): the files that show the work was done —
// photos, scans, PDFs and office documents. What a file may be is decided here, from its bytes
// and never from its name, so that every entry point (API upload, demo, a later import) takes
// the same files. Pure.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.h"

namespace grassroots::core {

// The largest file accepted: a phone photo or a scanned document of many pages fits.
inline constexpr std::size_t kMaxEvidenceBytes = 20 * 1024 * 1024;
// A longest file name kept, in characters.
inline constexpr std::size_t kMaxEvidenceNameLength = 200;

// The media type of `bytes` as read from their first bytes: image/jpeg, image/png, image/gif,
// image/webp, image/heic (a phone camera's), application/pdf, the OOXML documents (.docx,
// .xlsx, .pptx: a zip whose parts are named word/, xl/ or ppt/) and the older Office files
// (application/vnd.ms-office); empty when they are none of these.
std::string SniffEvidenceType(std::string_view bytes);

// Whether the type is shown in the page (images) rather than downloaded.
bool IsInlineEvidenceType(std::string_view content_type);

// The checks of an uploaded file, nothing stored when any fails:
// - kInvalid (field "file") evidence_empty; evidence_too_large {max}: over kMaxEvidenceBytes;
//   evidence_type_unsupported: the bytes are none of SniffEvidenceType's types;
// - kInvalid (field "file_name") evidence_name_invalid: empty, longer than
//   kMaxEvidenceNameLength, not UTF-8, a control character, a path separator or a name made
//   of dots only ("..": a name is shown and offered for download, never used as a path).
// Answers the content type.
Result<std::string> CheckEvidenceFile(std::string_view file_name, std::string_view bytes);

}  // namespace grassroots::core
