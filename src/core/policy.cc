#include "core/policy.h"

#include <charconv>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>

namespace grassroots::core {

Policy MoheDefaultPolicy() {
  Policy policy;
  policy.name = "mohe-2016";
  policy.weights = {1, 1, 1, 1, 1, 1};
  policy.grade_a_cents = 9000;
  policy.grade_b_cents = 8000;
  policy.grade_c_cents = 6000;
  policy.ratio_ppm = {150'000, 100'000, 50'000, 50'000, 50'000, 50'000};
  policy.tie_rule = TieRule::kTakeAll;
  policy.select_grade_d = true;
  policy.consecutive_years = 2;
  policy.spot_check_ppm = 100'000;
  policy.spot_check_min_selected = 1;
  policy.village_fund_fen = 5'000'000;
  return policy;
}

std::string_view ToString(TieRule rule) {
  return rule == TieRule::kTakeAll ? "take_all" : "take_none";
}

namespace {

Status DaysInRange(int days, int min, const char* key) {
  if (days >= min && days <= 3660) return Status::Ok();
  return Error::Invalid("must be a whole number of days from " + std::to_string(min) + " to 3660",
                        key)
      .With("number_out_of_range", {{"min", std::to_string(min)}, {"max", "3660"}});
}

Status ValidateSupervision(const SupervisionThresholds& s) {
  for (Status status :
       {DaysInRange(s.red_overdue_days, 1, "supervision.red_overdue_days"),
        DaysInRange(s.due_soon_days, 0, "supervision.due_soon_days"),
        DaysInRange(s.inquiry_overdue_days, 1, "supervision.inquiry_overdue_days"),
        DaysInRange(s.admonition_overdue_days, 1, "supervision.admonition_overdue_days")}) {
    if (!status.ok()) return status;
  }
  if (s.admonition_overdue_days < s.inquiry_overdue_days) {
    return Error::Invalid("must not be below supervision.inquiry_overdue_days",
                          "supervision.admonition_overdue_days")
        .With("admonition_before_inquiry");
  }
  return Status::Ok();
}

Status ValidatePartyLife(const PartyLifeRequirements& p) {
  for (auto [count, key] : {std::pair{p.branch_meeting, "party_life.branch_meeting_per_quarter"},
                            {p.committee_meeting, "party_life.committee_meeting_per_quarter"},
                            {p.group_meeting, "party_life.group_meeting_per_quarter"},
                            {p.party_lecture, "party_life.party_lecture_per_quarter"}}) {
    if (count < 0 || count > 92) {
      return Error::Invalid("must be a whole number of meetings from 0 to 92", key)
          .With("number_out_of_range", {{"min", "0"}, {"max", "92"}});
    }
  }
  return Status::Ok();
}

}  // namespace

Status ValidatePolicy(const Policy& policy) {
  // One line, so that the canonical text reads back unambiguously.
  for (char c : policy.name) {
    if (static_cast<unsigned char>(c) < 0x20) {
      return Error::Invalid("the name must be one line without control characters", "name");
    }
  }
  double weight_sum = 0;
  for (int d = 0; d < kDimensionCount; ++d) {
    if (!(policy.weights[d] >= 0) || policy.weights[d] > 1e6) {
      return Error::Invalid("weight must be a number in [0, 1000000]",
                            "weights." + std::string(kDimensionKeys[d]))
          .With("weight_out_of_range", {{"min", "0"}, {"max", "1000000"}});
    }
    weight_sum += policy.weights[d];
  }
  if (weight_sum <= 0) {
    return Error::Invalid("at least one weight must be above 0", "weights")
        .With("weights_all_zero");
  }
  const std::pair<std::int32_t, const char*> lines[] = {{policy.grade_a_cents, "grades.a"},
                                                        {policy.grade_b_cents, "grades.b"},
                                                        {policy.grade_c_cents, "grades.c"}};
  for (const auto& [cents, field] : lines) {
    if (cents < 0 || cents > 10000) {
      return Error::Invalid("must be in [0, 100]", field)
          .With("grade_line_out_of_range", {{"min", "0"}, {"max", "100"}});
    }
  }
  if (!(policy.grade_a_cents > policy.grade_b_cents &&
        policy.grade_b_cents > policy.grade_c_cents)) {
    return Error::Invalid("thresholds must fall strictly: a > b > c", "grades")
        .With("grade_lines_not_falling");
  }
  for (OrgType type : kAllOrgTypes) {
    const auto ppm = policy.ratio_ppm[static_cast<int>(type)];
    if (ppm < 0 || ppm > kPpm) {
      return Error::Invalid("ratio must be in [0, 1]", "ratios." + std::string(ToString(type)))
          .With("ratio_out_of_range", {{"min", "0"}, {"max", "1"}});
    }
  }
  if (policy.consecutive_years < 2 || policy.consecutive_years > 10) {
    return Error::Invalid("must be an integer in [2, 10]", "consecutive.years")
        .With("number_out_of_range", {{"min", "2"}, {"max", "10"}});
  }
  if (policy.spot_check_ppm <= 0 || policy.spot_check_ppm > kPpm) {
    return Error::Invalid("ratio must be in (0, 1]", "spot_check.ratio")
        .With("ratio_out_of_range", {{"min", "0"}, {"max", "1"}});
  }
  if (policy.spot_check_min_selected < 0) {
    return Error::Invalid("must not be negative", "spot_check.min_selected").With("negative");
  }
  if (policy.village_fund_fen < 0) {
    return Error::Invalid("must not be negative", "support.village_fund_yuan").With("negative");
  }
  if (Status s = ValidatePartyLife(policy.party_life); !s.ok()) return s;
  return ValidateSupervision(policy.supervision);
}

namespace {

// %.17g round-trips every double, so equal values always print equally.
std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

// Fixed-point values print exactly: 15% is "0.150000", never "0.14999999999999999".
std::string Fixed(std::int64_t value, std::int64_t scale, int digits) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%lld.%0*lld", static_cast<long long>(value / scale), digits,
                static_cast<long long>(value % scale));
  return buffer;
}
std::string Cents(std::int64_t cents) { return Fixed(cents, 100, 2); }
std::string Ppm(std::int64_t ppm) { return Fixed(ppm, kPpm, 6); }

}  // namespace

std::string CanonicalPolicyText(const Policy& policy) {
  std::string text = "grassroots-policy 1\n";
  text += "name=" + policy.name + "\n";
  for (int d = 0; d < kDimensionCount; ++d) {
    text += "weights." + std::string(kDimensionKeys[d]) + "=" + Number(policy.weights[d]) + "\n";
  }
  text += "grades.a=" + Cents(policy.grade_a_cents) + "\n";
  text += "grades.b=" + Cents(policy.grade_b_cents) + "\n";
  text += "grades.c=" + Cents(policy.grade_c_cents) + "\n";
  for (OrgType type : kAllOrgTypes) {
    text += "ratios." + std::string(ToString(type)) + "=" +
            Ppm(policy.ratio_ppm[static_cast<int>(type)]) + "\n";
  }
  text += "selection.tie_rule=" + std::string(ToString(policy.tie_rule)) + "\n";
  text += std::string("selection.grade_d_selected=") + (policy.select_grade_d ? "true" : "false") +
          "\n";
  text += "consecutive.years=" + std::to_string(policy.consecutive_years) + "\n";
  text += "spot_check.ratio=" + Ppm(policy.spot_check_ppm) + "\n";
  text += "spot_check.min_selected=" + std::to_string(policy.spot_check_min_selected) + "\n";
  text += "support.village_fund_yuan=" + Cents(policy.village_fund_fen) + "\n";
  return text;
}

namespace {

// Reads a canonical text line by line, each line the key CanonicalPolicyText writes next.
class CanonicalReader {
 public:
  explicit CanonicalReader(std::string_view text) : rest_(text) {}

  // The value of the next line, which must be `key` + "=" + value; nullopt otherwise.
  std::optional<std::string_view> Value(std::string_view key) {
    const std::optional<std::string_view> line = NextLine();
    if (!line || line->size() <= key.size() || line->substr(0, key.size()) != key ||
        (*line)[key.size()] != '=') {
      return std::nullopt;
    }
    return line->substr(key.size() + 1);
  }
  std::optional<std::string_view> NextLine() {
    const std::size_t end = rest_.find('\n');
    if (end == std::string_view::npos) return std::nullopt;
    ++line_;
    const std::string_view line = rest_.substr(0, end);
    rest_.remove_prefix(end + 1);
    return line;
  }
  bool AtEnd() const { return rest_.empty(); }
  Error Malformed() const {
    return Error::Invalid("the stored policy text is malformed at line " + std::to_string(line_),
                          "policy")
        .With("policy_text_malformed", {{"line", std::to_string(line_)}});
  }

 private:
  std::string_view rest_;
  int line_ = 0;
};

template <typename T>
std::optional<T> Whole(std::string_view text) {
  T value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "INT.FRAC" with exactly `digits` fraction digits, as Fixed writes it, in units of 1/scale.
std::optional<std::int64_t> FixedValue(std::string_view text, std::int64_t scale, int digits) {
  const std::size_t dot = text.find('.');
  if (dot == std::string_view::npos || dot == 0 ||
      text.size() - dot - 1 != static_cast<std::size_t>(digits)) {
    return std::nullopt;
  }
  for (char c : text.substr(0, dot)) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  for (char c : text.substr(dot + 1)) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  const auto whole = Whole<std::int64_t>(text.substr(0, dot));
  const auto fraction = Whole<std::int64_t>(text.substr(dot + 1));
  if (!whole || !fraction || *whole > std::numeric_limits<std::int64_t>::max() / scale - 1)
    return std::nullopt;
  return *whole * scale + *fraction;
}

// Reads every value in the order CanonicalPolicyText writes them; false at the first line that
// is not what it would have written.
bool ReadCanonical(CanonicalReader& in, Policy& policy) {
  const auto cents = [&](std::string_view key) -> std::optional<std::int64_t> {
    const auto value = in.Value(key);
    return value ? FixedValue(*value, 100, 2) : std::nullopt;
  };
  const auto ppm = [&](std::string_view key) -> std::optional<std::int64_t> {
    const auto value = in.Value(key);
    return value ? FixedValue(*value, kPpm, 6) : std::nullopt;
  };
  if (in.NextLine() != std::optional<std::string_view>("grassroots-policy 1")) return false;
  const auto name = in.Value("name");
  if (!name) return false;
  policy.name = std::string(*name);
  for (int d = 0; d < kDimensionCount; ++d) {
    const auto text = in.Value("weights." + std::string(kDimensionKeys[d]));
    const auto weight = text ? Whole<double>(*text) : std::nullopt;
    if (!weight) return false;
    policy.weights[d] = *weight;
  }
  std::int32_t* const grades[] = {&policy.grade_a_cents, &policy.grade_b_cents,
                                  &policy.grade_c_cents};
  const char* const grade_keys[] = {"grades.a", "grades.b", "grades.c"};
  for (int g = 0; g < 3; ++g) {
    const auto value = cents(grade_keys[g]);
    if (!value || *value > 10'000) return false;
    *grades[g] = static_cast<std::int32_t>(*value);
  }
  for (OrgType type : kAllOrgTypes) {
    const auto value = ppm("ratios." + std::string(ToString(type)));
    if (!value) return false;
    policy.ratio_ppm[static_cast<int>(type)] = *value;
  }
  const auto tie = in.Value("selection.tie_rule");
  if (!tie || (*tie != ToString(TieRule::kTakeAll) && *tie != ToString(TieRule::kTakeNone))) {
    return false;
  }
  policy.tie_rule = *tie == ToString(TieRule::kTakeAll) ? TieRule::kTakeAll : TieRule::kTakeNone;
  const auto grade_d = in.Value("selection.grade_d_selected");
  if (!grade_d || (*grade_d != "true" && *grade_d != "false")) return false;
  policy.select_grade_d = *grade_d == "true";
  const auto years = in.Value("consecutive.years");
  const auto years_value = years ? Whole<int>(*years) : std::nullopt;
  if (!years_value) return false;
  policy.consecutive_years = *years_value;
  const auto spot_ratio = ppm("spot_check.ratio");
  if (!spot_ratio) return false;
  policy.spot_check_ppm = *spot_ratio;
  const auto min_selected = in.Value("spot_check.min_selected");
  const auto min_value = min_selected ? Whole<int>(*min_selected) : std::nullopt;
  if (!min_value) return false;
  policy.spot_check_min_selected = *min_value;
  const auto fund = cents("support.village_fund_yuan");
  if (!fund) return false;
  policy.village_fund_fen = *fund;
  return in.AtEnd();
}

}  // namespace

Result<Policy> ParseCanonicalPolicyText(std::string_view text) {
  CanonicalReader in(text);
  Policy policy;
  if (!ReadCanonical(in, policy)) return in.Malformed();
  if (Status valid = ValidatePolicy(policy); !valid.ok()) {
    Error error = valid.error();
    error.message = "the stored policy text: " + error.field + ": " + error.message;
    return error;
  }
  // The text is canonical only if writing the values again gives it back (a weight written
  // as "1.0" instead of "1" would hash to another version).
  if (CanonicalPolicyText(policy) != text) return in.Malformed();
  return policy;
}

}  // namespace grassroots::core
