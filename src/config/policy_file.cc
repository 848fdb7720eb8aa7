#include "config/policy_file.h"

#include <sodium.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace grassroots::embedded {
extern const std::string_view mohe_2016_policy;
}

namespace grassroots::config {
namespace {

using core::Error;

// Reads the keys of one TOML document, remembering which it has seen so the rest can be
// refused as unknown.
class KeyReader {
 public:
  KeyReader(const toml::table& root, std::string_view source) : root_(root), source_(source) {}

  core::Result<double> Number(const std::string& key) {
    const toml::node* node = Find(key);
    if (node == nullptr) return Missing(key);
    if (auto value = node->value<double>(); value && std::isfinite(*value)) return *value;
    return Wrong(key, "a number");
  }
  core::Result<std::int64_t> Integer(const std::string& key) {
    const toml::node* node = Find(key);
    if (node == nullptr) return Missing(key);
    if (auto value = node->value_exact<std::int64_t>()) return *value;
    return Wrong(key, "an integer");
  }
  core::Result<bool> Boolean(const std::string& key) {
    const toml::node* node = Find(key);
    if (node == nullptr) return Missing(key);
    if (auto value = node->value_exact<bool>()) return *value;
    return Wrong(key, "true or false");
  }
  // An optional key: `otherwise` when the document does not have it.
  core::Result<bool> OptionalBoolean(const std::string& key, bool otherwise) {
    const toml::node* node = Find(key);
    if (node == nullptr) return otherwise;
    if (auto value = node->value_exact<bool>()) return *value;
    return Wrong(key, "true or false");
  }
  // An optional integer key: `otherwise` when the document does not have it.
  core::Result<std::int64_t> OptionalInteger(const std::string& key, std::int64_t otherwise) {
    const toml::node* node = Find(key);
    if (node == nullptr) return otherwise;
    if (auto value = node->value_exact<std::int64_t>()) return *value;
    return Wrong(key, "an integer");
  }
  core::Result<std::string> String(const std::string& key) {
    const toml::node* node = Find(key);
    if (node == nullptr) return Missing(key);
    if (auto value = node->value_exact<std::string>()) return *value;
    return Wrong(key, "a string");
  }
  core::Result<std::string> OptionalString(const std::string& key, std::string otherwise) {
    const toml::node* node = Find(key);
    if (node == nullptr) return otherwise;
    if (auto value = node->value_exact<std::string>()) return *value;
    return Wrong(key, "a string");
  }

  // The first key in the document that was never asked for, or empty.
  std::string FirstUnknownKey() const {
    std::string unknown;
    root_.for_each([&](const toml::key& key, const toml::node& node) {
      if (!unknown.empty()) return;
      const std::string name(key.str());
      if (const toml::table* table = node.as_table()) {
        table->for_each([&](const toml::key& inner, const toml::node&) {
          const std::string full = name + "." + std::string(inner.str());
          if (unknown.empty() && !seen_.count(full)) unknown = full;
        });
      } else if (!seen_.count(name)) {
        unknown = name;
      }
    });
    return unknown;
  }

 private:
  const toml::node* Find(const std::string& key) {
    seen_.insert(key);
    return root_.at_path(key).node();
  }
  Error Missing(const std::string& key) const {
    return Error::Invalid(std::string(source_) + ": missing key \"" + key + "\"", key);
  }
  Error Wrong(const std::string& key, std::string_view expected) const {
    return Error::Invalid(
        std::string(source_) + ": key \"" + key + "\" must be " + std::string(expected), key);
  }

  const toml::table& root_;
  std::string_view source_;
  std::set<std::string> seen_;
};

#define GRASSROOTS_ASSIGN(target, expr)        \
  do {                                         \
    auto result_ = (expr);                     \
    if (!result_.ok()) return result_.error(); \
    target = result_.value();                  \
  } while (0)

core::Result<core::Policy> ReadPolicy(KeyReader& keys) {
  core::Policy policy;
  GRASSROOTS_ASSIGN(policy.name, keys.String("name"));
  for (int d = 0; d < core::kDimensionCount; ++d) {
    GRASSROOTS_ASSIGN(policy.weights[d],
                      keys.Number("weights." + std::string(core::kDimensionKeys[d])));
  }
  double threshold = 0;
  GRASSROOTS_ASSIGN(threshold, keys.Number("grades.a"));
  policy.grade_a_cents = static_cast<std::int32_t>(std::llround(threshold * 100));
  GRASSROOTS_ASSIGN(threshold, keys.Number("grades.b"));
  policy.grade_b_cents = static_cast<std::int32_t>(std::llround(threshold * 100));
  GRASSROOTS_ASSIGN(threshold, keys.Number("grades.c"));
  policy.grade_c_cents = static_cast<std::int32_t>(std::llround(threshold * 100));
  for (core::OrgType type : core::kAllOrgTypes) {
    double ratio = 0;
    GRASSROOTS_ASSIGN(ratio, keys.Number("ratios." + std::string(core::ToString(type))));
    policy.ratio_ppm[static_cast<int>(type)] = std::llround(ratio * core::kPpm);
  }
  std::string tie_rule;
  GRASSROOTS_ASSIGN(tie_rule, keys.String("selection.tie_rule"));
  if (tie_rule == "take_all") {
    policy.tie_rule = core::TieRule::kTakeAll;
  } else if (tie_rule == "take_none") {
    policy.tie_rule = core::TieRule::kTakeNone;
  } else {
    return Error::Invalid("selection.tie_rule must be \"take_all\" or \"take_none\"",
                          "selection.tie_rule");
  }
  GRASSROOTS_ASSIGN(policy.select_grade_d, keys.Boolean("selection.grade_d_selected"));
  std::int64_t integer = 0;
  GRASSROOTS_ASSIGN(integer, keys.Integer("consecutive.years"));
  policy.consecutive_years = static_cast<int>(std::clamp<std::int64_t>(integer, -1, 1000));
  double ratio = 0;
  GRASSROOTS_ASSIGN(ratio, keys.Number("spot_check.ratio"));
  policy.spot_check_ppm = std::llround(ratio * core::kPpm);
  GRASSROOTS_ASSIGN(integer, keys.Integer("spot_check.min_selected"));
  policy.spot_check_min_selected = static_cast<int>(std::clamp<std::int64_t>(integer, -1, 1000000));
  double yuan = 0;
  GRASSROOTS_ASSIGN(yuan, keys.Number("support.village_fund_yuan"));
  policy.village_fund_fen = std::llround(yuan * 100);
  GRASSROOTS_ASSIGN(policy.committee_reason_to_secretaries,
                    keys.OptionalBoolean("disclosure.committee_reason_to_secretaries", false));
  core::SupervisionThresholds& supervision = policy.supervision;
  for (auto [key, days] :
       {std::pair{"supervision.red_overdue_days", &supervision.red_overdue_days},
        {"supervision.due_soon_days", &supervision.due_soon_days},
        {"supervision.inquiry_overdue_days", &supervision.inquiry_overdue_days},
        {"supervision.admonition_overdue_days", &supervision.admonition_overdue_days}}) {
    GRASSROOTS_ASSIGN(integer, keys.OptionalInteger(key, *days));
    *days = static_cast<int>(std::clamp<std::int64_t>(integer, -1, 100000));
  }
  core::PartyLifeRequirements& party_life = policy.party_life;
  for (auto [key, count] :
       {std::pair{"party_life.branch_meeting_per_quarter", &party_life.branch_meeting},
        {"party_life.committee_meeting_per_quarter", &party_life.committee_meeting},
        {"party_life.group_meeting_per_quarter", &party_life.group_meeting},
        {"party_life.party_lecture_per_quarter", &party_life.party_lecture}}) {
    GRASSROOTS_ASSIGN(integer, keys.OptionalInteger(key, *count));
    *count = static_cast<int>(std::clamp<std::int64_t>(integer, -1, 100000));
  }
  GRASSROOTS_ASSIGN(policy.bulletin_office,
                    keys.OptionalString("bulletin.office", core::Policy().bulletin_office));
  if (policy.bulletin_office.empty() || policy.bulletin_office.size() > 200) {
    return Error::Invalid("bulletin.office must be 1 to 200 bytes of text", "bulletin.office");
  }
  for (core::VillageTag tag : core::kAllVillageTags) {
    const std::string key = "pairing." + std::string(core::ToString(tag));
    std::string name;
    GRASSROOTS_ASSIGN(
        name, keys.OptionalString(key, std::string(core::ToString(policy.pairing.For(tag)))));
    const std::optional<core::AgencyCategory> category = core::ParseAgencyCategory(name);
    if (!category) {
      return Error::Invalid(
          key + " must be \"party_gov\", \"economic\", \"political_legal\" or \"agriculture\"",
          key);
    }
    policy.pairing.category[static_cast<int>(tag)] = *category;
  }
  return policy;
}

#undef GRASSROOTS_ASSIGN

}  // namespace

std::string PolicyVersion(const core::Policy& policy) {
  const std::string text = core::CanonicalPolicyText(policy);
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return "sha256:" + std::string(hex, 16);
}

core::Result<LoadedPolicy> ParsePolicy(std::string_view toml_text, std::string_view source) {
  toml::table root;
  try {
    root = toml::parse(toml_text, source);
  } catch (const toml::parse_error& error) {
    const auto& where = error.source().begin;
    return Error::Invalid(std::string(source) + ":" + std::to_string(where.line) + ": " +
                              std::string(error.description()),
                          std::string(source));
  }
  KeyReader keys(root, source);
  auto policy = ReadPolicy(keys);
  if (!policy.ok()) return policy.error();
  if (std::string unknown = keys.FirstUnknownKey(); !unknown.empty()) {
    return Error::Invalid(std::string(source) + ": unknown key \"" + unknown + "\"", unknown);
  }
  if (core::Status status = core::ValidatePolicy(policy.value()); !status.ok()) {
    core::Error error = status.error();
    error.message = std::string(source) + ": key \"" + error.field + "\": " + error.message;
    return error;
  }
  LoadedPolicy loaded{policy.value(), PolicyVersion(policy.value()), std::string(source)};
  return loaded;
}

core::Result<LoadedPolicy> LoadPolicyFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Error::Unavailable("cannot read policy file " + path, "--policy");
  std::ostringstream content;
  content << file.rdbuf();
  return ParsePolicy(content.str(), path);
}

LoadedPolicy BuiltInPolicy() {
  auto loaded = ParsePolicy(embedded::mohe_2016_policy, "built-in mohe-2016");
  // The file is part of the build and tested; failing here is a build defect.
  if (!loaded.ok()) std::abort();
  return std::move(loaded).value();
}

}  // namespace grassroots::config
