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
                            "weights." + std::string(kDimensionKeys[d]));
    }
    weight_sum += policy.weights[d];
  }
  if (weight_sum <= 0) return Error::Invalid("at least one weight must be above 0", "weights");
  const auto in_range = [](std::int32_t cents) { return cents >= 0 && cents <= 10000; };
  if (!in_range(policy.grade_a_cents)) return Error::Invalid("must be in [0, 100]", "grades.a");
  if (!in_range(policy.grade_b_cents)) return Error::Invalid("must be in [0, 100]", "grades.b");
  if (!in_range(policy.grade_c_cents)) return Error::Invalid("must be in [0, 100]", "grades.c");
  if (!(policy.grade_a_cents > policy.grade_b_cents &&
        policy.grade_b_cents > policy.grade_c_cents)) {
    return Error::Invalid("thresholds must fall strictly: a > b > c", "grades");
  }
  for (OrgType type : kAllOrgTypes) {
    const auto ppm = policy.ratio_ppm[static_cast<int>(type)];
    if (ppm < 0 || ppm > kPpm) {
      return Error::Invalid("ratio must be in [0, 1]", "ratios." + std::string(ToString(type)));
    }
  }
  if (policy.consecutive_years < 2 || policy.consecutive_years > 10) {
    return Error::Invalid("must be an integer in [2, 10]", "consecutive.years");
  }
  if (policy.spot_check_ppm <= 0 || policy.spot_check_ppm > kPpm) {
    return Error::Invalid("ratio must be in (0, 1]", "spot_check.ratio");
  }
  if (policy.spot_check_min_selected < 0) {
    return Error::Invalid("must not be negative", "spot_check.min_selected");
  }
  if (policy.village_fund_fen < 0) {
    return Error::Invalid("must not be negative", "support.village_fund_yuan");
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
