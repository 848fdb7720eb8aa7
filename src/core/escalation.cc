#include "core/escalation.h"

#include <array>
#include <string>

namespace grassroots::core {
namespace {

constexpr std::array<std::string_view, 3> kEscalationNames = {"reminder", "inquiry", "admonition"};
constexpr std::array<std::string_view, 3> kEscalationLabels = {"提醒", "函询", "诫勉"};

}  // namespace

std::string_view ToString(EscalationStep step) { return kEscalationNames[static_cast<int>(step)]; }
std::string_view ChineseLabel(EscalationStep step) {
  return kEscalationLabels[static_cast<int>(step)];
}

std::optional<EscalationStep> ParseEscalationStep(std::string_view text) {
  for (std::size_t i = 0; i < kEscalationNames.size(); ++i) {
    if (kEscalationNames[i] == text) return static_cast<EscalationStep>(i);
  }
  return std::nullopt;
}

std::optional<EscalationStep> ProposeEscalation(int overdue_days,
                                                std::optional<EscalationStep> last,
                                                const SupervisionThresholds& thresholds) {
  if (overdue_days <= 0) return std::nullopt;
  if (!last) return EscalationStep::kReminder;
  switch (*last) {
    case EscalationStep::kReminder:
      if (overdue_days >= thresholds.inquiry_overdue_days) return EscalationStep::kInquiry;
      return std::nullopt;
    case EscalationStep::kInquiry:
      if (overdue_days >= thresholds.admonition_overdue_days) return EscalationStep::kAdmonition;
      return std::nullopt;
    case EscalationStep::kAdmonition:
      return std::nullopt;
  }
  return std::nullopt;
}

bool MayConfirmEscalation(const Principal& who, ItemRelation relation) {
  if (relation != ItemRelation::kSupervisor) return false;
  return who.role == Role::kAdmin || who.role == Role::kUnitAdmin;
}

Status CheckEscalation(EscalationStep step, std::optional<EscalationStep> proposed,
                       const Principal& who, ItemRelation relation) {
  if (!MayConfirmEscalation(who, relation)) {
    return Error::Forbidden(
               "only admin or the unit admin above the organization confirms an "
               "escalation")
        .With("escalation_not_permitted");
  }
  if (proposed != step) {
    const std::string wanted(proposed ? ToString(*proposed) : std::string_view("none"));
    return Error::Conflict(
               "the step proposed now is " + wanted + ", not " + std::string(ToString(step)),
               "step")
        .With("escalation_not_proposed",
              {{"step", std::string(ToString(step))}, {"proposed", wanted}});
  }
  return Status::Ok();
}

}  // namespace grassroots::core
