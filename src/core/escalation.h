// The escalation ladder of an overdue rectification item (逐级问责, issue 13): 提醒 reminder →
// 函询 written inquiry → 诫勉 admonition, one step at a time. The system proposes the next step
// from the policy's [supervision] day thresholds; a person confirms it (admin, or the unit
// admin above the item's organization), and the adapters record who and when. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/access.h"
#include "core/error.h"
#include "core/policy.h"
#include "core/rectification_item.h"

namespace grassroots::core {

enum class EscalationStep : std::uint8_t { kReminder, kInquiry, kAdmonition };
std::string_view ToString(EscalationStep step);      // "reminder", "inquiry", "admonition"
std::string_view ChineseLabel(EscalationStep step);  // 提醒, 函询, 诫勉
std::optional<EscalationStep> ParseEscalationStep(std::string_view text);

// The step to propose for an item `overdue_days` past its deadline (core::OverdueDays, 0 when
// not overdue or closed) whose highest confirmed step is `last` (nullopt: none yet): a reminder
// once overdue, an inquiry after a reminder from inquiry_overdue_days, an admonition after an
// inquiry from admonition_overdue_days; nullopt when nothing is due (not overdue, the next step's
// threshold not reached, or the ladder's end).
std::optional<EscalationStep> ProposeEscalation(int overdue_days,
                                                std::optional<EscalationStep> last,
                                                const SupervisionThresholds& thresholds);

// Whether `who`, standing in `relation` to the item's organization, may confirm a step: admin,
// or a unit admin above it (kSupervisor). A supervisor assigned by five-level support may not.
bool MayConfirmEscalation(const Principal& who, ItemRelation relation);

// Checks a confirmation of `step` against what is proposed now: kForbidden
// escalation_not_permitted unless MayConfirmEscalation; kConflict escalation_not_proposed
// {step, proposed} ("none" when nothing is) unless `step` is the proposed one.
Status CheckEscalation(EscalationStep step, std::optional<EscalationStep> proposed,
                       const Principal& who, ItemRelation relation);

}  // namespace grassroots::core
