#include "core/policy.h"

#include <cstdio>
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

Status ValidatePolicy(const Policy& policy) {
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
  return Status::Ok();
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

}  // namespace grassroots::core
