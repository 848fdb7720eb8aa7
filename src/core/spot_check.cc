#include "core/spot_check.h"

#include <algorithm>

#include "core/policy.h"

namespace grassroots::core {
namespace {

using Pool = std::vector<const SpotCandidate*>;

// Draws up to `count` from `fresh` (not drawn last month), then from `again` when `fresh` runs
// out: step 3's rule, which step 4 follows too.
class Drawer {
 public:
  Drawer(std::uint64_t seed, SpotDraw& out) : numbers_(seed), out_(out) {}

  std::int64_t Draw(Pool fresh, Pool again, std::int64_t count) {
    std::int64_t drawn = 0;
    for (Pool* pool : {&fresh, &again}) {
      while (drawn < count && !pool->empty()) {
        const std::uint32_t x = numbers_.Next();
        out_.numbers.push_back(x);
        const auto at = pool->begin() + static_cast<std::ptrdiff_t>(x % pool->size());
        out_.codes.push_back((*at)->code);
        taken_.push_back(*at);
        pool->erase(at);
        ++drawn;
      }
    }
    return drawn;
  }

  bool Taken(const SpotCandidate* candidate) const {
    return std::find(taken_.begin(), taken_.end(), candidate) != taken_.end();
  }

 private:
  ParkMiller numbers_;
  SpotDraw& out_;
  std::vector<const SpotCandidate*> taken_;
};

// Splits `pool` into those not drawn last month and those drawn, each keeping its order.
std::pair<Pool, Pool> ByLastMonth(const Pool& pool) {
  Pool fresh, again;
  for (const SpotCandidate* c : pool) (c->drawn_last_month ? again : fresh).push_back(c);
  return {std::move(fresh), std::move(again)};
}

}  // namespace

ParkMiller::ParkMiller(std::uint64_t seed) : state_(seed % kModulus) {
  if (state_ == 0) state_ = 1;
}

std::uint32_t ParkMiller::Next() {
  state_ = state_ * 48271 % kModulus;
  return static_cast<std::uint32_t>(state_);
}

SpotDraw DrawSpotCheck(std::vector<SpotCandidate> candidates, std::int64_t ratio_ppm,
                       int min_under_rectification, std::uint64_t seed) {
  std::sort(candidates.begin(), candidates.end(),
            [](const SpotCandidate& a, const SpotCandidate& b) { return a.code < b.code; });
  SpotDraw out;
  Drawer drawer(seed, out);
  for (OrgType type : kAllOrgTypes) {
    Pool stratum;
    for (const SpotCandidate& c : candidates) {
      if (c.type == type) stratum.push_back(&c);
    }
    const std::int64_t share = CeilShare(ratio_ppm, static_cast<std::int64_t>(stratum.size()));
    auto [fresh, again] = ByLastMonth(stratum);
    drawer.Draw(std::move(fresh), std::move(again), share);
  }
  std::int64_t under = 0;
  Pool rest;
  for (const SpotCandidate& c : candidates) {
    if (!c.under_rectification) continue;
    if (drawer.Taken(&c)) {
      ++under;
    } else {
      rest.push_back(&c);
    }
  }
  if (under < min_under_rectification) {
    auto [fresh, again] = ByLastMonth(rest);
    drawer.Draw(std::move(fresh), std::move(again), min_under_rectification - under);
  }
  return out;
}

}  // namespace grassroots::core
