#include "csv/zip_xml.h"

#include <expat.h>
#include <zip.h>

#include <array>

namespace grassroots::csv {
namespace {

// The name after expat's namespace separator, or the name after a prefix's colon.
std::string_view LocalName(const char* name) {
  std::string_view text(name);
  const std::size_t bar = text.rfind('|');
  if (bar != std::string_view::npos) return text.substr(bar + 1);
  const std::size_t colon = text.rfind(':');
  return colon == std::string_view::npos ? text : text.substr(colon + 1);
}

void XMLCALL OnStart(void* data, const XML_Char* name, const XML_Char** attributes) {
  static_cast<XmlHandler*>(data)->Start(LocalName(name), attributes);
}

void XMLCALL OnEnd(void* data, const XML_Char* name) {
  static_cast<XmlHandler*>(data)->End(LocalName(name));
}

void XMLCALL OnText(void* data, const XML_Char* text, int length) {
  static_cast<XmlHandler*>(data)->Text(std::string_view(text, static_cast<std::size_t>(length)));
}

core::Error Unreadable(const std::string& part, const std::string& why) {
  return core::Error::Invalid("not a readable .xlsx workbook: " + part + ": " + why, "file")
      .With("xlsx_unreadable", {{"part", part}});
}

}  // namespace

std::string_view AttributeOf(const char** attributes, std::string_view name) {
  for (const char** a = attributes; a != nullptr && *a != nullptr; a += 2) {
    if (LocalName(a[0]) == name) return a[1];
  }
  return {};
}

core::Result<std::unique_ptr<ZipArchive>> ZipArchive::Open(std::string_view bytes,
                                                           std::uint64_t max_unpacked) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source == nullptr ? nullptr : zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    const std::string why = zip_error_strerror(&error);
    if (source != nullptr) zip_source_free(source);
    zip_error_fini(&error);
    return core::Error::Invalid("not a readable .xlsx workbook (" + why + ")", "file")
        .With("xlsx_unreadable", {{"part", ""}});
  }
  zip_error_fini(&error);
  return std::unique_ptr<ZipArchive>(new ZipArchive(archive, max_unpacked));
}

ZipArchive::~ZipArchive() { zip_discard(archive_); }

bool ZipArchive::Has(const std::string& part) const {
  return zip_name_locate(archive_, part.c_str(), 0) >= 0;
}

core::Status ZipArchive::Parse(const std::string& part, XmlHandler& handler) {
  zip_file_t* file = zip_fopen(archive_, part.c_str(), 0);
  if (file == nullptr) return Unreadable(part, zip_strerror(archive_));
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> closer(file, zip_fclose);
  std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> parser(XML_ParserCreateNS(nullptr, '|'),
                                                                 XML_ParserFree);
  if (!parser) return core::Error::Internal("cannot create an XML parser");
  XML_SetUserData(parser.get(), &handler);
  XML_SetElementHandler(parser.get(), OnStart, OnEnd);
  XML_SetCharacterDataHandler(parser.get(), OnText);
  std::array<char, 64 * 1024> buffer;
  for (;;) {
    const zip_int64_t got = zip_fread(file, buffer.data(), buffer.size());
    if (got < 0) return Unreadable(part, zip_file_strerror(file));
    unpacked_ += static_cast<std::uint64_t>(got);
    if (unpacked_ > max_unpacked_) {
      const std::string mib = std::to_string(max_unpacked_ >> 20);
      return core::Error::Invalid("the .xlsx workbook unpacks to more than " + mib + " MiB", "file")
          .With("xlsx_too_large", {{"mib", mib}});
    }
    const bool last = got == 0;
    if (XML_Parse(parser.get(), buffer.data(), static_cast<int>(got), last) != XML_STATUS_OK) {
      return Unreadable(part, std::string(XML_ErrorString(XML_GetErrorCode(parser.get()))) +
                                  " at line " +
                                  std::to_string(XML_GetCurrentLineNumber(parser.get())));
    }
    if (last) return core::Status::Ok();
  }
}

}  // namespace grassroots::csv
