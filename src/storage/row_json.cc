#include "storage/row_json.h"

#include <array>
#include <cassert>
#include <charconv>

#include "core/score.h"
#include "storage/audit_chain.h"
#include "storage/audited_rows.h"

namespace grassroots::storage {
namespace {

// Frozen: see RowShape.
constexpr std::array<std::string_view, 10> kScoreKeys = {
    "code", "year", "team", "leader", "venue", "routine", "service", "members", "grade", "reason"};
constexpr std::array<std::string_view, 7> kOrganizationKeys = {
    "code", "name", "type", "kind", "parent", "secretary", "unit"};
constexpr std::array<std::string_view, 5> kMemberKeys = {"id", "name", "org", "status", "joined"};

// A dimension renamed in core would change what a score's shape 1 means: give scores a new
// shape then, and keep this one for the records stored with it.
constexpr bool ScoreShapeHasTheDimensions() {
  for (int d = 0; d < core::kDimensionCount; ++d) {
    if (kScoreKeys[2 + d] != core::kDimensionKeys[d]) return false;
  }
  return kScoreKeys.size() == 2 + core::kDimensionCount + 2;
}
static_assert(ScoreShapeHasTheDimensions());

constexpr std::size_t kNoValue = std::string_view::npos;

// Where the value starting at `at` ends: the position of the ',' or ']' after it, or kNoValue
// when there is no value there (a compact row holds strings, numbers and null only).
std::size_t ValueEnd(std::string_view row, std::size_t at) {
  std::size_t i = at;
  if (i < row.size() && row[i] == '"') {
    for (++i; i < row.size() && row[i] != '"'; ++i) {
      if (row[i] == '\\') ++i;  // the escaped character, a quote included
    }
    if (i >= row.size()) return kNoValue;
    ++i;
  } else {
    while (i < row.size() && row[i] != ',' && row[i] != ']') {
      if (row[i] == '"' || row[i] == '[' || row[i] == '{') return kNoValue;
      ++i;
    }
    if (i == at) return kNoValue;
  }
  return i < row.size() && (row[i] == ',' || row[i] == ']') ? i : kNoValue;
}

}  // namespace

std::span<const std::string_view> RowShapeKeys(int shape) {
  switch (static_cast<RowShape>(shape)) {
    case RowShape::kScore:
      return kScoreKeys;
    case RowShape::kOrganization:
      return kOrganizationKeys;
    case RowShape::kMember:
      return kMemberKeys;
  }
  return {};
}

RowJson::RowJson(RowShape shape, RowForm form, std::size_t reserve)
    : keys_(RowShapeKeys(static_cast<int>(shape))), form_(form) {
  json_.reserve(reserve);
  if (form_ == RowForm::kObject) {
    json_ += '{';
  } else {
    json_ += '[';
    json_ += std::to_string(static_cast<int>(shape));
  }
}

void RowJson::Next() {
  assert(next_ < keys_.size());
  if (form_ == RowForm::kCompact) {
    json_ += ',';
  } else {
    if (next_ > 0) json_ += ',';
    json_ += '"';
    json_ += keys_[next_];
    json_ += "\":";
  }
  ++next_;
}

RowJson& RowJson::Text(std::string_view value) {
  Next();
  AppendJsonQuoted(json_, value);
  return *this;
}

RowJson& RowJson::TextOrNull(std::string_view value) {
  return value.empty() ? Null() : Text(value);
}

RowJson& RowJson::Number(double value) {
  Next();
  AppendJsonNumber(json_, value);
  return *this;
}

RowJson& RowJson::Integer(std::int64_t value) {
  Next();
  char digits[24];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  json_.append(digits, end);
  return *this;
}

RowJson& RowJson::Null() {
  Next();
  json_ += "null";
  return *this;
}

std::string RowJson::Finish() {
  assert(next_ == keys_.size());
  json_ += form_ == RowForm::kObject ? '}' : ']';
  return std::move(json_);
}

std::string ExpandedRowJson(std::string_view stored) {
  const std::size_t first_comma = stored.find(',');
  if (stored.size() < 4 || stored.front() != '[' || stored.back() != ']' ||
      first_comma == std::string_view::npos) {
    return std::string(stored);
  }
  int shape = 0;
  const auto [shape_end, ec] =
      std::from_chars(stored.data() + 1, stored.data() + first_comma, shape);
  const std::span<const std::string_view> keys = RowShapeKeys(shape);
  if (ec != std::errc() || shape_end != stored.data() + first_comma || keys.empty()) {
    return std::string(stored);
  }
  std::string object;
  object.reserve(stored.size() + 12 * keys.size());
  object += '{';
  std::size_t at = first_comma + 1;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const std::size_t end = ValueEnd(stored, at);
    const bool last = k + 1 == keys.size();
    // Each key has its value, and the last one ends the row.
    if (end == kNoValue || (stored[end] == ']') != last || (last && end + 1 != stored.size())) {
      return std::string(stored);
    }
    if (k > 0) object += ',';
    object += '"';
    object += keys[k];
    object += "\":";
    object.append(stored.substr(at, end - at));
    at = end + 1;
  }
  object += '}';
  return object;
}

}  // namespace grassroots::storage
