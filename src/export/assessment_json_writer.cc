// The assessment's JSON written as it is produced (WriteAssessmentJson), in exactly the bytes
// nlohmann's dump(1) gives for AssessmentToJson: one space of indent per level, ": " after a
// key, empty arrays and objects as [] and {}. The organizations, five million lines and more
// at country scale, are written by hand; the few values whose text nlohmann decides (the
// quotas' ratios, any string that is not plain ASCII) are written by nlohmann itself.
#include <algorithm>
#include <charconv>

#include "export/assessment_json.h"

namespace grassroots::exporting {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kFlushBytes = 64 * 1024;

class JsonOut {
 public:
  explicit JsonOut(std::ostream& out) : out_(out) { buffer_.reserve(kFlushBytes + 4096); }
  ~JsonOut() { Flush(); }
  JsonOut(const JsonOut&) = delete;
  JsonOut& operator=(const JsonOut&) = delete;

  JsonOut& Raw(std::string_view text) {
    buffer_.append(text);
    if (buffer_.size() >= kFlushBytes) Flush();
    return *this;
  }
  // A new line indented to `level`.
  JsonOut& Line(int level) {
    buffer_.push_back('\n');
    buffer_.append(static_cast<std::size_t>(level), ' ');
    return *this;
  }
  JsonOut& Key(int level, std::string_view key) {
    Line(level);
    String(key);
    return Raw(": ");
  }
  // A string as nlohmann writes it: plain printable ASCII as it is, anything else by nlohmann
  // (escapes, and its check of UTF-8).
  JsonOut& String(std::string_view text) {
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
      const auto byte = static_cast<unsigned char>(c);
      return byte >= 0x20 && byte < 0x80 && c != '"' && c != '\\';
    });
    if (!plain) return Raw(Json(text).dump());
    buffer_.push_back('"');
    buffer_.append(text);
    buffer_.push_back('"');
    return *this;
  }
  JsonOut& Int(std::int64_t value) {
    char text[24];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;
    return Raw(std::string_view(text, static_cast<std::size_t>(end - text)));
  }
  // cents / 100.0 as nlohmann writes that double (the shortest text that reads back as it):
  // "85.55", "85.5", "85.0". Scores lie in 0..100, far from where it would use an exponent.
  JsonOut& Cents(std::int32_t cents) {
    if (cents < 0) return Raw(Json(cents / 100.0).dump());
    Int(cents / 100);
    const int fraction = cents % 100;
    char text[3] = {'.', static_cast<char>('0' + fraction / 10),
                    static_cast<char>('0' + fraction % 10)};
    return Raw(std::string_view(text, fraction % 10 == 0 ? 2 : 3));
  }
  JsonOut& Bool(bool value) { return Raw(value ? "true" : "false"); }

  // Any value, as dump(1) writes it at `level`.
  JsonOut& Value(const Json& value, int level) {
    if (value.is_object() && !value.empty()) {
      Raw("{");
      bool first = true;
      for (const auto& [key, item] : value.items()) {
        if (!first) Raw(",");
        first = false;
        Key(level + 1, key);
        Value(item, level + 1);
      }
      Line(level);
      return Raw("}");
    }
    if (value.is_array() && !value.empty()) {
      Raw("[");
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (i > 0) Raw(",");
        Line(level + 1);
        Value(value[i], level + 1);
      }
      Line(level);
      return Raw("]");
    }
    return Raw(value.dump());
  }

  void Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  std::ostream& out_;
  std::string buffer_;
};

// One element of "organizations", at level 2 (its members at 3).
void WriteOrganization(JsonOut& out, const core::OrgTable& orgs,
                       const core::AssessmentResult& result, std::uint32_t i) {
  const bool scored = result.score_cents[i] != core::kNoScore;
  out.Raw("{").Key(3, "code").String(orgs.code[i]).Raw(",");
  out.Key(3, "type").String(core::ToString(orgs.type[i])).Raw(",");
  out.Key(3, "score");
  scored ? out.Cents(result.score_cents[i]) : out.Raw("null");
  out.Raw(",").Key(3, "grade");
  scored ? out.String(core::ToString(static_cast<core::Grade>(result.grade[i]))) : out.Raw("null");
  out.Raw(",").Key(3, "rank_in_type");
  scored ? out.Int(result.rank[i]) : out.Raw("null");
  out.Raw(",").Key(3, "selected").Bool(result.selected[i] != 0).Raw(",");
  out.Key(3, "reasons");
  const std::vector<std::string_view> reasons = ReasonNames(result.reasons[i]);
  if (reasons.empty()) {
    out.Raw("[]");
  } else {
    out.Raw("[");
    for (std::size_t r = 0; r < reasons.size(); ++r) {
      if (r > 0) out.Raw(",");
      out.Line(4).String(reasons[r]);
    }
    out.Line(3).Raw("]");
  }
  out.Raw(",").Key(3, "consecutive").Bool(result.consecutive[i] != 0).Raw(",");
  out.Key(3, "actions");
  const std::vector<core::Action> actions = core::ProposedActions(orgs, result, i);
  if (actions.empty()) {
    out.Raw("[]");
  } else {
    out.Raw("[");
    for (std::size_t a = 0; a < actions.size(); ++a) {
      if (a > 0) out.Raw(",");
      out.Line(4).Raw("{").Key(5, "action").String(core::ToString(actions[a].kind)).Raw(",");
      out.Key(5, "org").String(orgs.code[actions[a].org]).Line(4).Raw("}");
    }
    out.Line(3).Raw("]");
  }
  out.Line(2).Raw("}");
}

}  // namespace

void WriteAssessmentJson(std::ostream& out, const core::OrgTable& orgs,
                         const core::AssessmentResult& result, const std::string& policy_version) {
  JsonOut json(out);
  json.Raw("{").Key(1, "year").Int(result.year).Raw(",");
  json.Key(1, "policy_version").String(policy_version).Raw(",");
  json.Key(1, "quotas").Value(QuotasToJson(orgs, result), 1).Raw(",");
  const std::vector<std::uint32_t> order = ByCode(orgs);
  json.Key(1, "organizations");
  if (order.empty()) {
    json.Raw("[]");
  } else {
    json.Raw("[");
    for (std::size_t k = 0; k < order.size(); ++k) {
      if (k > 0) json.Raw(",");
      json.Line(2);
      WriteOrganization(json, orgs, result, order[k]);
    }
    json.Line(1).Raw("]");
  }
  json.Raw(",").Key(1, "selected");
  bool any = false;
  for (std::uint32_t i : order) {
    if (!result.selected[i]) continue;
    json.Raw(any ? "," : "[").Line(2).String(orgs.code[i]);
    any = true;
  }
  any ? json.Line(1).Raw("]") : json.Raw("[]");
  json.Line(0).Raw("}");
}

}  // namespace grassroots::exporting
