// Writes JSON text straight into a string, for the responses that list many rows: building an
// nlohmann::json tree first (a std::map per object, a heap string per value) and then dumping it
// was 40% of the time of a 50-row organization list. Single objects and errors still use
// nlohmann::json; both produce the same text for the same values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace grassroots::http {

// The text goes into a buffer kept larger than what is written, so that each piece is one copy
// to a known place instead of a std::string append (a capacity check and a call each time):
// keys and values of a 50-row page are some 700 pieces.
class JsonWriter {
 public:
  // A 50-row page is 7-8 KB: room for it up front instead of doubling there.
  JsonWriter() { buffer_.resize(8192); }

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  // Escapes as JSON requires; a byte sequence that is not UTF-8 becomes U+FFFD, as
  // nlohmann::json's dump with error_handler_t::replace does.
  JsonWriter& String(std::string_view value);
  JsonWriter& StringOrNull(std::string_view value);  // null when empty
  // Key(key).String(value) in one step (a list row is a run of these).
  JsonWriter& Field(std::string_view key, std::string_view value);
  JsonWriter& Int(std::int64_t value);
  // Shortest text that reads back as the same double, "85.0" for whole numbers (as nlohmann
  // writes them); null for NaN and infinities, which JSON cannot hold.
  JsonWriter& Double(double value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // Inserts already-serialized JSON as one value.
  JsonWriter& Raw(std::string_view json);

  std::string Take() {
    buffer_.resize(size_);
    size_ = 0;
    return std::move(buffer_);
  }

 private:
  void BeforeValue();
  // Where `n` more bytes may be written; Advance(n') with n' <= n then keeps them.
  char* Room(std::size_t n) {
    if (buffer_.size() - size_ < n) Grow(n);
    return buffer_.data() + size_;
  }
  void Advance(const char* end) { size_ = static_cast<std::size_t>(end - buffer_.data()); }
  void Grow(std::size_t n);
  void Put(std::string_view text);
  void Put(char c) {
    *Room(1) = c;
    ++size_;
  }
  std::string buffer_;  // [0, size_) written, the rest room
  std::size_t size_ = 0;
  bool needs_comma_ = false;
};

}  // namespace grassroots::http
