#include "core/evidence.h"

#include <algorithm>

#include "core/text.h"

namespace grassroots::core {
namespace {

bool StartsWith(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

// An OOXML package is a zip whose part names tell the document: the first parts are stored at
// the front, so looking at the first 64 KiB finds them without unpacking.
std::string OfficeZipType(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 64 * 1024);
  if (head.find("[Content_Types].xml") == std::string_view::npos) return {};
  if (head.find("word/") != std::string_view::npos) {
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
  if (head.find("xl/") != std::string_view::npos) {
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  if (head.find("ppt/") != std::string_view::npos) {
    return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
  }
  return {};
}

bool IsHeic(std::string_view bytes) {
  if (bytes.size() < 12 || bytes.substr(4, 4) != "ftyp") return false;
  const std::string_view brand = bytes.substr(8, 4);
  return brand == "heic" || brand == "heix" || brand == "mif1" || brand == "heif";
}

bool NameIsSafe(std::string_view name) {
  if (name.empty() || !IsValidUtf8(name) || CharacterCount(name) > kMaxEvidenceNameLength) {
    return false;
  }
  if (name.find_first_not_of('.') == std::string_view::npos) return false;
  return std::none_of(name.begin(), name.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7f || c == '/' || c == '\\' || c == ':';
  });
}

}  // namespace

std::string SniffEvidenceType(std::string_view bytes) {
  if (StartsWith(bytes, "\xFF\xD8\xFF")) return "image/jpeg";
  if (StartsWith(bytes, "\x89PNG\r\n\x1A\n")) return "image/png";
  if (StartsWith(bytes, "GIF87a") || StartsWith(bytes, "GIF89a")) return "image/gif";
  if (bytes.size() >= 12 && StartsWith(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP") {
    return "image/webp";
  }
  if (IsHeic(bytes)) return "image/heic";
  if (StartsWith(bytes, "%PDF-")) return "application/pdf";
  if (StartsWith(bytes, std::string_view("PK\x03\x04", 4))) return OfficeZipType(bytes);
  if (StartsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return "application/vnd.ms-office";
  return {};
}

bool IsInlineEvidenceType(std::string_view content_type) {
  return StartsWith(content_type, "image/") && content_type != "image/heic";
}

Result<std::string> CheckEvidenceFile(std::string_view file_name, std::string_view bytes) {
  if (!NameIsSafe(file_name)) {
    return Error::Invalid("the file name must be 1 to " + std::to_string(kMaxEvidenceNameLength) +
                              " characters without /, \\, : or control characters, and not "
                              "dots only",
                          "file_name")
        .With("evidence_name_invalid", {{"max", std::to_string(kMaxEvidenceNameLength)}});
  }
  if (bytes.empty()) {
    return Error::Invalid("the file is empty", "file").With("evidence_empty");
  }
  if (bytes.size() > kMaxEvidenceBytes) {
    return Error::Invalid("the file is larger than " + std::to_string(kMaxEvidenceBytes) + " bytes",
                          "file")
        .With("evidence_too_large", {{"max", std::to_string(kMaxEvidenceBytes)}});
  }
  std::string type = SniffEvidenceType(bytes);
  if (type.empty()) {
    return Error::Invalid(
               "the file is not a photo (JPEG, PNG, GIF, WebP, HEIC), a PDF or an Office "
               "document; its contents decide, not its name",
               "file")
        .With("evidence_type_unsupported");
  }
  return type;
}

}  // namespace grassroots::core
