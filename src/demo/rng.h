// The demo's random numbers: SplitMix64, specified to the bit, so the same seed gives the same
// data with every compiler and standard library (std::uniform_*_distribution does not).
#pragma once

#include <cstdint>

namespace grassroots::demo {

// SplitMix64's output function (Steele, Lea, Flood 2014): a bijective 64-bit mixer.
constexpr std::uint64_t Mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// A seed for the independent stream (tag, a, b): streams are addressed by position rather than
// drawn in sequence, so the organizations pass and the scores pass can each re-derive the
// values of organization i without keeping anything in memory.
constexpr std::uint64_t StreamSeed(std::uint64_t seed, std::uint64_t tag, std::uint64_t a,
                                   std::uint64_t b = 0) {
  std::uint64_t h = Mix64(seed + 0x9E3779B97F4A7C15ULL * (tag + 1));
  h = Mix64(h ^ (a + 0x632BE59BD9B4E019ULL));
  return Mix64(h ^ (b + 0x85157AF5C16EE2D5ULL));
}

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t Next() { return Mix64(state_ += 0x9E3779B97F4A7C15ULL); }

  // Uniform in [0, n) for n > 0, from the high 32 bits (multiply-shift); the bias is below
  // n / 2^32, invisible in demo data.
  std::uint32_t Below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((Next() >> 32) * n) >> 32);
  }
  // Uniform in [lo, hi], lo <= hi.
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<std::uint32_t>(hi - lo + 1)));
  }
  // True with probability per_mille / 1000.
  bool Chance(std::uint32_t per_mille) { return Below(1000) < per_mille; }

 private:
  std::uint64_t state_;
};

}  // namespace grassroots::demo
