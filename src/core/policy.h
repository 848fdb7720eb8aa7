// The assessment policy: every number SPEC.md calls "default" (weights, grade thresholds,
// per-type ratios, tie rule, consecutive-years rule, spot-check ratio). Pure values; reading
// and hashing the TOML file is src/config's job.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/organization.h"
#include "core/pairing_terms.h"
#include "core/score.h"

namespace grassroots::core {

// What happens when several organizations share the score at the cut line.
enum class TieRule : std::uint8_t {
  kTakeAll,   // "take_all": all are taken; the ratio is a floor (不低于). The Mohe rule.
  kTakeNone,  // "take_none": none at the cut line is taken; the list may fall short of quota.
};

inline constexpr std::int64_t kPpm = 1'000'000;  // ratios are held in parts per million

// ceil(ratio x count) in integers, so 15% of 20 is exactly 3: a bottom quota, a sample's size.
constexpr std::int64_t CeilShare(std::int64_t ratio_ppm, std::int64_t count) {
  return (ratio_ppm * count + kPpm - 1) / kPpm;
}

// [supervision]: the early-warning colour and the escalation ladder of overdue items.
struct SupervisionThresholds {
  int red_overdue_days = 30;         // red: an item overdue more than this many days
  int due_soon_days = 7;             // yellow: an item due within this many days
  int inquiry_overdue_days = 15;     // 函询 proposed once an item is this many days overdue
  int admonition_overdue_days = 30;  // 诫勉 proposed once this many days overdue
};

// [party_life]: how many meetings of each kind of 三会一课 a branch holds in a quarter at least
// (core/party_life.h). Neither the Mohe article nor SPEC.md gives the numbers; the defaults are
// the customary rule later written into 中国共产党支部工作条例（试行）(2018) art. 19: the members'
// meeting (支部党员大会) once a quarter, the committee (支委会) and the group (党小组会) once a
// month (three a quarter), a Party lecture (党课) once a quarter.
struct PartyLifeRequirements {
  int branch_meeting = 1;
  int committee_meeting = 3;
  int group_meeting = 3;
  int party_lecture = 1;
};

struct Policy {
  std::string name;
  std::array<double, kDimensionCount> weights{};  // relative; each >= 0, sum > 0
  // Lowest composite (in hundredths) for grades A, B, C; below C's is D.
  std::int32_t grade_a_cents = 9000;
  std::int32_t grade_b_cents = 8000;
  std::int32_t grade_c_cents = 6000;
  std::array<std::int64_t, kOrgTypeCount> ratio_ppm{};  // bottom quota ratio per type
  TieRule tie_rule = TieRule::kTakeAll;
  bool select_grade_d = true;             // every D is selected whatever its rank
  int consecutive_years = 2;              // selected this many years running -> removal proposed
  std::int64_t spot_check_ppm = 100'000;  // monthly spot-check sample ratio
  int spot_check_min_selected = 1;        // at least this many selected organizations sampled
  std::int64_t village_fund_fen = 5'000'000;  // special fund per village (50,000 yuan)
  // Whether secretaries read the committee's reason for a grade it set (core/disclosure.h):
  // an access setting, not an assessment rule, so CanonicalPolicyText and the version leave it
  // out ([disclosure] committee_reason_to_secretaries, optional, default false).
  bool committee_reason_to_secretaries = false;
  // Dynamic supervision's thresholds in days ([supervision], each optional with the default
  // below; core/early_warning.h, core/escalation.h). Like the disclosure setting they decide
  // no assessment, so CanonicalPolicyText and the version leave them out.
  SupervisionThresholds supervision;
  // The office that issues the quarterly bulletin (core/bulletin.h), printed at its head: a
  // presentation setting, left out of CanonicalPolicyText like the one above ([bulletin] office,
  // optional).
  std::string bulletin_office = "中共县委组织部";
  // Party life's required meetings per quarter ([party_life], each optional with the default
  // above): they decide no assessment, so CanonicalPolicyText and the version leave them out.
  PartyLifeRequirements party_life;
  // 百局联百村: the category of agency paired with each village problem ([pairing], each key
  // optional with the article's default; core/pairing.h). It decides no assessment, so
  // CanonicalPolicyText and the version leave it out.
  PairingMatch pairing;

  double Ratio(OrgType type) const {
    return static_cast<double>(ratio_ppm[static_cast<int>(type)]) / kPpm;
  }
};

// The Mohe 2016 rules (what policy/mohe-2016.toml says), for tests and as a fallback.
Policy MoheDefaultPolicy();

// Checks the invariants a loaded policy must hold; the error's field names the key.
Status ValidatePolicy(const Policy& policy);

// A canonical text of the policy's values (fixed key order and number format), so that two
// files that differ only in comments, spacing or key order hash to the same version. Stored
// with every assessment (the policies table), it is read back by ParseCanonicalPolicyText.
std::string CanonicalPolicyText(const Policy& policy);

// The policy a canonical text describes, exactly: CanonicalPolicyText of the answer is `text`
// again, so a stored assessment is recomputed under the very values it ran with. kInvalid
// (field "policy", reason "policy_text_malformed" with the line) when the text is not one
// CanonicalPolicyText wrote, or the values break ValidatePolicy.
Result<Policy> ParseCanonicalPolicyText(std::string_view text);

std::string_view ToString(TieRule rule);

}  // namespace grassroots::core
