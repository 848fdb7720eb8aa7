// The two formats an .xlsx workbook is made of: a ZIP archive (libzip) of XML parts (expat).
// ZipArchive streams one part at a time through an XmlHandler, so a large sheet is never held
// whole in memory, and counts what it unpacks against a limit (a small file that unpacks to
// gigabytes is refused, not followed).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"

struct zip;

namespace grassroots::csv {

// Receives the elements of an XML part. Names are local names: a namespace prefix ("x:row")
// and namespace URI are dropped, so parts written with or without prefixes read alike.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // `attributes` is expat's list: name, value, name, value, ..., nullptr.
  virtual void Start(std::string_view name, const char** attributes) = 0;
  virtual void End(std::string_view name) = 0;
  virtual void Text(std::string_view text) = 0;
};

// The value of the attribute whose local name is `name`; empty when absent.
std::string_view AttributeOf(const char** attributes, std::string_view name);

class ZipArchive {
 public:
  // By default at most this many bytes are unpacked from one archive, over all its parts.
  static constexpr std::uint64_t kMaxUnpacked = std::uint64_t{512} << 20;

  // Opens an archive held in memory. `bytes` must outlive the archive. kInvalid when the bytes
  // are not a ZIP archive.
  static core::Result<std::unique_ptr<ZipArchive>> Open(std::string_view bytes,
                                                        std::uint64_t max_unpacked = kMaxUnpacked);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  bool Has(const std::string& part) const;
  // Streams the part through `handler`. kInvalid when it is missing, unreadable, not
  // well-formed XML, or past the unpacking limit.
  core::Status Parse(const std::string& part, XmlHandler& handler);

 private:
  ZipArchive(zip* archive, std::uint64_t max_unpacked)
      : archive_(archive), max_unpacked_(max_unpacked) {}

  zip* archive_;
  std::uint64_t max_unpacked_;
  std::uint64_t unpacked_ = 0;
};

}  // namespace grassroots::csv
