// The monthly spot check's draw (每月一抽查, issue 13, SPEC §4): a sample of organizations that
// anyone can draw again from the recorded seed and the same candidates, with a spreadsheet if
// they like. Pure: the caller gives the candidates as they stood and the seed; storing the seed
// and the drawn list, and deriving a seed nobody can fish for, are the adapters' work.
//
// The algorithm, step by step (docs/spot-check.md says it for people):
// 1. Numbers come from the Park–Miller generator: x₀ = the seed reduced into 1..2³¹−2 (seed
//    mod (2³¹−1), and 1 for 0); xₖ₊₁ = 48271 × xₖ mod (2³¹−1). Each product is below 2⁴⁷, so a
//    spreadsheet's MOD computes it exactly.
// 2. The strata are the organization types in the contract's order (village, community, soe,
//    nonpublic, agency, institution); in a stratum, organizations are listed by code (byte
//    order). A stratum of n organizations gives ceil(ratio × n) of them (CeilShare).
// 3. A stratum's pool is its organizations not drawn last month, by code; to draw one from a
//    list of m, take the next number x and the organization at position x mod m (from 0), and
//    strike it from the list. When the pool runs out before the stratum's share is drawn (the
//    stratum is too small), the rest is drawn the same way from last month's ones.
// 4. Then, if fewer than `min_under_rectification` of the drawn organizations are under
//    rectification, more are drawn, the same way, from the undrawn organizations under
//    rectification (all strata, by code; those not drawn last month first), until there are
//    that many or none is left.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/organization.h"

namespace grassroots::core {

struct SpotCandidate {
  std::string code;
  OrgType type = OrgType::kVillage;
  bool under_rectification = false;  // selected, its plan not yet finished
  bool drawn_last_month = false;
};

struct SpotDraw {
  // The drawn organizations' codes in the order drawn.
  std::vector<std::string> codes;
  // The generator's numbers used, in order (x₁, x₂, ...): what a person checking by hand
  // compares with their own column.
  std::vector<std::uint32_t> numbers;
};

// The draw of SpotCheck's algorithm above. `ratio_ppm` is the share of each stratum (policy
// spot_check_ppm); candidates may come in any order.
SpotDraw DrawSpotCheck(std::vector<SpotCandidate> candidates, std::int64_t ratio_ppm,
                       int min_under_rectification, std::uint64_t seed);

// Park–Miller's generator, as step 1 says.
class ParkMiller {
 public:
  static constexpr std::uint32_t kModulus = 2'147'483'647;  // 2³¹ − 1
  explicit ParkMiller(std::uint64_t seed);
  std::uint32_t Next();

 private:
  std::uint64_t state_;
};

}  // namespace grassroots::core
