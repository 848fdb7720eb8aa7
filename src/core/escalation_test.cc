#include "core/escalation.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

using S = EscalationStep;

TEST(Escalation, TheLadderClimbsOneStepAtATimeByTheThresholds) {
  const SupervisionThresholds t;  // inquiry from 15 days, admonition from 30
  EXPECT_EQ(ProposeEscalation(0, std::nullopt, t), std::nullopt);  // not overdue
  EXPECT_EQ(ProposeEscalation(1, std::nullopt, t), S::kReminder);
  EXPECT_EQ(ProposeEscalation(40, std::nullopt, t), S::kReminder);  // never skips a step
  EXPECT_EQ(ProposeEscalation(14, S::kReminder, t), std::nullopt);
  EXPECT_EQ(ProposeEscalation(15, S::kReminder, t), S::kInquiry);
  EXPECT_EQ(ProposeEscalation(29, S::kInquiry, t), std::nullopt);
  EXPECT_EQ(ProposeEscalation(30, S::kInquiry, t), S::kAdmonition);
  EXPECT_EQ(ProposeEscalation(300, S::kAdmonition, t), std::nullopt);  // the ladder's end
}

TEST(Escalation, OnlyAdminOrTheUnitAdminAboveConfirms) {
  const Principal admin{1, "admin", Role::kAdmin, {}};
  const Principal unit{2, "u", Role::kUnitAdmin, {"MH001"}};
  const Principal assigned{3, "s", Role::kSecretary, {"MH001001"}};
  EXPECT_TRUE(MayConfirmEscalation(admin, ItemRelation::kSupervisor));
  EXPECT_TRUE(MayConfirmEscalation(unit, ItemRelation::kSupervisor));
  EXPECT_FALSE(MayConfirmEscalation(unit, ItemRelation::kWorker));  // its own direct org
  EXPECT_FALSE(MayConfirmEscalation(assigned, ItemRelation::kSupervisor));
  const Status refused =
      CheckEscalation(S::kReminder, S::kReminder, assigned, ItemRelation::kSupervisor);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason, "escalation_not_permitted");
}

TEST(Escalation, AConfirmationMustBeTheStepProposedNow) {
  const Principal admin{1, "admin", Role::kAdmin, {}};
  EXPECT_TRUE(CheckEscalation(S::kInquiry, S::kInquiry, admin, ItemRelation::kSupervisor).ok());
  const Status early = CheckEscalation(S::kInquiry, std::nullopt, admin, ItemRelation::kSupervisor);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, ErrorCode::kConflict);
  EXPECT_EQ(early.error().reason, "escalation_not_proposed");
  EXPECT_EQ(early.error().params.at(1).second, "none");
}

TEST(Escalation, NamesReadBack) {
  for (S s : {S::kReminder, S::kInquiry, S::kAdmonition})
    EXPECT_EQ(ParseEscalationStep(ToString(s)), s);
  EXPECT_EQ(ChineseLabel(S::kInquiry), "函询");
  EXPECT_FALSE(ParseEscalationStep("warn"));
}

}  // namespace
}  // namespace grassroots::core
