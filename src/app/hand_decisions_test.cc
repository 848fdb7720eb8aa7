// The committee's hand decisions: a reason is required, a decision moves the next run's
// selection, withdrawing it moves it back.
#include "app/hand_decisions.h"

#include <gtest/gtest.h>

#include "app/audit_trail.h"
#include "app/record_fixture.h"
#include "app/stored_assessments.h"

namespace grassroots::app {
namespace {

class HandDecisionsTest : public test::RecordFixture {
 protected:
  bool Selected(int year, const std::string& code) {
    storage::OrgFilter only;
    only.restrict_to_scope = true;
    only.only = {code};
    auto rows = AssessmentRows(*store_, year, only);
    EXPECT_TRUE(rows.ok() && rows.value().items.size() == 1);
    return rows.ok() && !rows.value().items.empty() && rows.value().items[0].selected;
  }
};

TEST_F(HandDecisionsTest, ADecisionWithoutAReasonIsRefusedAndNothingIsWritten) {
  const std::int64_t entries = ListAudit(*store_, 0, 1).value().total;
  core::Status refused = DecideByHand(*store_, 2016, {"V05", true, "   ", "admin", ""}, actor_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "reason");
  EXPECT_TRUE(HandDecisionsOf(*store_, 2016).value().empty());
  EXPECT_EQ(ListAudit(*store_, 0, 1).value().total, entries);
}

TEST_F(HandDecisionsTest, AnIncludedOrganizationIsSelectedAtTheNextRunUntilWithdrawn) {
  Assess(2016);
  EXPECT_FALSE(Selected(2016, "V05"));
  ASSERT_TRUE(DecideByHand(*store_, 2016, {"V05", true, "县委研究决定", "admin", ""}, actor_).ok());
  const auto decisions = HandDecisionsOf(*store_, 2016).value();
  ASSERT_EQ(decisions.size(), 1u);
  EXPECT_EQ(decisions[0].code, "V05");
  EXPECT_EQ(decisions[0].decided_by, "admin");
  EXPECT_EQ(ListAudit(*store_, 0, 1).value().items[0].action, "assessment.manual");
  Assess(2016);
  EXPECT_TRUE(Selected(2016, "V05"));
  ASSERT_TRUE(WithdrawHandDecision(*store_, 2016, "V05", actor_).ok());
  EXPECT_TRUE(HandDecisionsOf(*store_, 2016).value().empty());
  Assess(2016);
  EXPECT_FALSE(Selected(2016, "V05"));
}

}  // namespace
}  // namespace grassroots::app
