#include "core/adjustment.h"

#include <algorithm>
#include <map>

#include "core/field_rules.h"

namespace grassroots::core {

std::vector<ProposedRemoval> ProposedRemovals(const std::vector<ConsecutiveCase>& cases) {
  std::map<std::string, ProposedRemoval> by_org;
  for (const ConsecutiveCase& c : cases) {
    for (const auto& [kind, org] : c.actions) {
      ProposedRemoval& removal = by_org[org];
      removal.org = org;
      removal.because.emplace_back(kind, c.row.code);
    }
  }
  std::vector<ProposedRemoval> out;
  for (auto& [org, removal] : by_org) {
    std::sort(removal.because.begin(), removal.because.end(),
              [](const auto& a, const auto& b) { return a.second < b.second; });
    out.push_back(std::move(removal));
  }
  return out;
}

std::string_view ToString(AdjustmentOutcome outcome) {
  return outcome == AdjustmentOutcome::kDone ? "done" : "not_done";
}

std::optional<AdjustmentOutcome> ParseAdjustmentOutcome(std::string_view text) {
  if (text == "done") return AdjustmentOutcome::kDone;
  if (text == "not_done") return AdjustmentOutcome::kNotDone;
  return std::nullopt;
}

namespace {

Error NotAllowed(const std::string& field) {
  return Error::Invalid(field + " is given only when the removal was done", field)
      .With("not_allowed");
}

Result<AdjustmentDecision> CheckDone(const AdjustmentDecisionInput& input, const CivilDate& today) {
  if (input.on.empty()) return Error::Invalid("on is empty", "on").With("empty");
  if (Status s = CheckDate("on", input.on, today); !s.ok()) return s.error();
  if (Status s = CheckName("successor", input.successor, true); !s.ok()) return s.error();
  if (Status s = CheckText("reason", input.reason, kMaxReasonLength); !s.ok()) return s.error();
  AdjustmentDecision out;
  out.outcome = AdjustmentOutcome::kDone;
  out.on = ParseIsoDate(input.on);
  out.successor = input.successor;
  out.reason = input.reason;
  return out;
}

Result<AdjustmentDecision> CheckNotDone(const AdjustmentDecisionInput& input) {
  if (!input.on.empty()) return NotAllowed("on");
  if (!input.successor.empty()) return NotAllowed("successor");
  if (input.reason.empty()) return Error::Invalid("reason is empty", "reason").With("empty");
  if (Status s = CheckText("reason", input.reason, kMaxReasonLength); !s.ok()) return s.error();
  AdjustmentDecision out;
  out.outcome = AdjustmentOutcome::kNotDone;
  out.reason = input.reason;
  return out;
}

}  // namespace

Result<AdjustmentDecision> CheckAdjustmentDecision(const AdjustmentDecisionInput& input,
                                                   const CivilDate& today) {
  const Result<AdjustmentOutcome> outcome = ReadVocabulary<AdjustmentOutcome>(
      "outcome", input.outcome, ParseAdjustmentOutcome, "done, not_done");
  if (!outcome.ok()) return outcome.error();
  return outcome.value() == AdjustmentOutcome::kDone ? CheckDone(input, today)
                                                     : CheckNotDone(input);
}

bool AdjustmentOverdue(bool decided, const CivilDate& run_day, const CivilDate& today) {
  return !decided && DaysFromCivil(today) - DaysFromCivil(run_day) >= kAdjustmentDecisionDays;
}

}  // namespace grassroots::core
