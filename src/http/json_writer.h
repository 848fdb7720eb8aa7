// Writes JSON text straight into a string, for the responses that list many rows: building an
// nlohmann::json tree first (a std::map per object, a heap string per value) and then dumping it
// was 40% of the time of a 50-row organization list. Single objects and errors still use
// nlohmann::json; both produce the same text for the same values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace grassroots::http {

class JsonWriter {
 public:
  // A 50-row page is 7-8 KB: room for it up front instead of doubling there.
  JsonWriter() { out_.reserve(8192); }

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  // Escapes as JSON requires; a byte sequence that is not UTF-8 becomes U+FFFD, as
  // nlohmann::json's dump with error_handler_t::replace does.
  JsonWriter& String(std::string_view value);
  JsonWriter& StringOrNull(std::string_view value);  // null when empty
  JsonWriter& Int(std::int64_t value);
  // Shortest text that reads back as the same double, "85.0" for whole numbers (as nlohmann
  // writes them); null for NaN and infinities, which JSON cannot hold.
  JsonWriter& Double(double value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // Inserts already-serialized JSON as one value.
  JsonWriter& Raw(std::string_view json);

  std::string Take() { return std::move(out_); }

 private:
  void BeforeValue();

  std::string out_;
  bool needs_comma_ = false;
};

}  // namespace grassroots::http
