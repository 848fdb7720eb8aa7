#include "core/spot_check_rules.h"

#include <algorithm>

#include "core/field_rules.h"
#include "core/text.h"

namespace grassroots::core {
namespace {

std::string Flag(bool value) { return value ? "1" : "0"; }

void ByCode(std::vector<SpotCandidate>& list) {
  std::sort(list.begin(), list.end(),
            [](const SpotCandidate& a, const SpotCandidate& b) { return a.code < b.code; });
}

std::optional<CandidateDifference> Compare(const SpotCandidate& a, const SpotCandidate& b) {
  if (a.type != b.type) {
    return CandidateDifference{a.code, "type", std::string(ToString(a.type)),
                               std::string(ToString(b.type))};
  }
  if (a.under_rectification != b.under_rectification) {
    return CandidateDifference{a.code, "under_rectification", Flag(a.under_rectification),
                               Flag(b.under_rectification)};
  }
  if (a.drawn_last_month != b.drawn_last_month) {
    return CandidateDifference{a.code, "drawn_last_month", Flag(a.drawn_last_month),
                               Flag(b.drawn_last_month)};
  }
  return std::nullopt;
}

}  // namespace

bool UnderRectification(bool selected, const std::optional<PlanProgress>& plan) {
  return selected && !(plan && plan->finished());
}

std::string SeedMaterial(std::string_view month, std::string_view audit_head) {
  std::string out(month);
  out += '|';
  out += audit_head;
  return out;
}

std::optional<std::uint64_t> SeedFromSha256Hex(std::string_view hex) {
  if (hex.size() < 16) return std::nullopt;
  std::uint64_t seed = 0;
  for (char c : hex.substr(0, 16)) {
    int digit = 0;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else {
      return std::nullopt;
    }
    seed = seed * 16 + static_cast<std::uint64_t>(digit);
  }
  return seed;
}

Result<std::uint64_t> ParseSeed(std::string_view field, std::string_view text) {
  std::uint64_t seed = 0;
  bool ok = !text.empty() && text.size() <= 20;
  for (char c : text) {
    if (!ok) break;
    if (c < '0' || c > '9') {
      ok = false;
      break;
    }
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (seed > (UINT64_MAX - digit) / 10) ok = false;
    seed = seed * 10 + digit;
  }
  if (!ok) {
    return Error::Invalid("a seed is a whole number from 0 to 18446744073709551615",
                          std::string(field))
        .With("invalid_seed", {{"value", std::string(text)}});
  }
  return seed;
}

std::string CandidateLines(std::vector<SpotCandidate> candidates) {
  ByCode(candidates);
  std::string out;
  for (const SpotCandidate& c : candidates) {
    out += c.code + '\t' + std::string(ToString(c.type)) + '\t' + Flag(c.under_rectification) +
           '\t' + Flag(c.drawn_last_month) + '\n';
  }
  return out;
}

std::optional<CandidateDifference> FirstCandidateDifference(std::vector<SpotCandidate> stored,
                                                            std::vector<SpotCandidate> now) {
  ByCode(stored);
  ByCode(now);
  auto a = stored.begin();
  auto b = now.begin();
  while (a != stored.end() || b != now.end()) {
    if (b == now.end() || (a != stored.end() && a->code < b->code)) {
      return CandidateDifference{a->code, "removed", "", ""};
    }
    if (a == stored.end() || b->code < a->code) {
      return CandidateDifference{b->code, "added", "", ""};
    }
    if (auto difference = Compare(*a, *b)) return difference;
    ++a;
    ++b;
  }
  return std::nullopt;
}

std::string_view ToString(SpotOutcome outcome) {
  return outcome == SpotOutcome::kFine ? "fine" : "problem_found";
}

Result<SpotOutcome> ParseSpotOutcome(std::string_view text) {
  if (text == "fine") return SpotOutcome::kFine;
  if (text == "problem_found") return SpotOutcome::kProblemFound;
  return Error::Invalid("outcome must be fine or problem_found", "outcome")
      .With("unknown_value", {{"value", std::string(text)}, {"accepted", "fine, problem_found"}});
}

Status CheckFindingNote(SpotOutcome outcome, std::string_view note) {
  if (outcome == SpotOutcome::kProblemFound && TrimSpace(note).empty()) {
    return Error::Invalid("say what problem was found", "note").With("empty");
  }
  return CheckText("note", note, kMaxFindingNote);
}

bool MayRunSpotCheck(const Principal& who) { return who.role == Role::kAdmin; }

bool MayRecordSpotFinding(const Principal& who, std::span<const std::string> ancestry) {
  if (who.role != Role::kAdmin && who.role != Role::kUnitAdmin) return false;
  return MayAccessOrganization(who, ancestry, OrgAction::kRead);
}

}  // namespace grassroots::core
