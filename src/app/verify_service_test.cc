// Verification recomputes a stored assessment from its stored inputs and policy alone.
#include "app/verify_service.h"

#include <gtest/gtest.h>

#include "app/hand_decisions.h"
#include "app/record_fixture.h"
#include "storage/organization_subject.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

using test::Org;
using test::Score;

class VerifyTest : public test::RecordFixture {
 protected:
  Verification Verify(int year) {
    auto verification = VerifyAssessment(*store_, year);
    EXPECT_TRUE(verification.ok()) << verification.error().message;
    return verification.ok() ? std::move(verification).value() : Verification{};
  }
};

TEST_F(VerifyTest, AFreshRunIsIdenticalAndSoIsTheYearAssessedFirst) {
  Assess(2016);
  EXPECT_TRUE(Verify(2016).identical());
  EXPECT_TRUE(Verify(2015).identical());
  EXPECT_EQ(Verify(2016).policy_version, config::BuiltInPolicy().version);
}

TEST_F(VerifyTest, StaysIdenticalWhateverChangesInTodaysData) {
  Assess(2016);
  Edit(Score("V01", 2016, 99, core::Grade::kA));
  Edit(Score("V12", 2016, 10));
  ASSERT_TRUE(
      DecideByHand(*store_, 2016, {"V05", true, "reason", "admin", "2016-12-01"}, actor_).ok());
  ASSERT_TRUE(storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
                return storage::OrganizationRecords(t).Save(Org("V02", "", "u2"));
              }).ok());                                      // another unit
  Exec("DELETE FROM assessment_results WHERE year = 2015");  // the previous year's record too
  EXPECT_TRUE(Verify(2016).identical());
}

TEST_F(VerifyTest, AStoredResultAlteredByHandIsTheFirstDifference) {
  Assess(2016);
  Exec(
      "UPDATE assessment_results SET selected = 0, reasons = 0"
      " WHERE year = 2016 AND org_code = 'V02'");
  const Verification verification = Verify(2016);
  ASSERT_FALSE(verification.identical());
  EXPECT_EQ(verification.difference->code, "V02");
  EXPECT_EQ(verification.difference->field, "selected");
  EXPECT_EQ(verification.difference->stored, "false");
  EXPECT_EQ(verification.difference->recomputed, "true");
}

TEST_F(VerifyTest, AnAlteredStoredInputChangesTheRecomputation) {
  Assess(2016);
  Exec("UPDATE assessment_results SET team = 98 WHERE year = 2016 AND org_code = 'V04'");
  const Verification verification = Verify(2016);
  ASSERT_FALSE(verification.identical());
  EXPECT_EQ(verification.difference->code, "V04");
  EXPECT_EQ(verification.difference->field, "score");
  EXPECT_EQ(verification.difference->stored, "68.17");
  EXPECT_EQ(verification.difference->recomputed, "73.17");
}

TEST_F(VerifyTest, AnAlteredQuotaGroupOrHeaderIsADifferenceToo) {
  Assess(2016);
  Exec("UPDATE assessment_quotas SET quota = 3 WHERE year = 2016");
  Verification verification = Verify(2016);
  ASSERT_FALSE(verification.identical());
  EXPECT_EQ(verification.difference->code, "");
  EXPECT_EQ(verification.difference->unit, "u1");
  EXPECT_EQ(verification.difference->type, "village");
  EXPECT_EQ(verification.difference->field, "quota");
  EXPECT_EQ(verification.difference->stored, "3");
  EXPECT_EQ(verification.difference->recomputed, "2");

  Assess(2016);
  Exec("UPDATE assessments SET selected_count = 9 WHERE year = 2016");
  verification = Verify(2016);
  ASSERT_FALSE(verification.identical());
  EXPECT_EQ(verification.difference->field, "selected_count");
  EXPECT_EQ(verification.difference->recomputed, "2");
}

TEST_F(VerifyTest, ThePolicyIsTheStoredOneEvenWhenAnotherIsActiveNow) {
  core::Policy strict = core::MoheDefaultPolicy();
  strict.name = "strict";
  strict.ratio_ppm[0] = 500'000;
  strict.tie_rule = core::TieRule::kTakeNone;
  strict.consecutive_years = 3;
  Assess(2016, {strict, config::PolicyVersion(strict), "test"});
  const Verification verification = Verify(2016);
  EXPECT_TRUE(verification.identical());
  EXPECT_EQ(verification.policy_version, config::PolicyVersion(strict));

  // A stored text that no longer hashes to the run's version is not the policy it ran under.
  Exec(
      "UPDATE policies SET content = replace(content, 'ratios.village=0.500000',"
      " 'ratios.village=0.150000')");
  const Verification altered = Verify(2016);
  ASSERT_FALSE(altered.identical());
  EXPECT_EQ(altered.difference->field, "policy_version");
  EXPECT_EQ(altered.difference->stored, config::PolicyVersion(strict));
  core::Policy read_back = strict;
  read_back.ratio_ppm[0] = 150'000;
  EXPECT_EQ(altered.difference->recomputed, config::PolicyVersion(read_back));
}

TEST_F(VerifyTest, ARunStoredBeforeInputsWereKeptCannotBeVerifiedUntilRerun) {
  Assess(2016);
  Exec("UPDATE assessments SET inputs_stored = 0 WHERE year = 2016");
  auto old = VerifyAssessment(*store_, 2016);
  ASSERT_FALSE(old.ok());
  EXPECT_EQ(old.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(old.error().reason, "assessment_predates_inputs");
  EXPECT_EQ(old.error().params, (core::Params{{"year", "2016"}}));
  EXPECT_NE(old.error().message.find("before assessments kept their inputs"), std::string::npos);
  Assess(2016);
  EXPECT_TRUE(Verify(2016).identical());
}

TEST_F(VerifyTest, AYearNeverAssessedIsNotFound) {
  auto none = VerifyAssessment(*store_, 2016);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(none.error().field, "year");
  EXPECT_EQ(none.error().reason, "year_not_assessed");
}

TEST_F(VerifyTest, AMalformedStoredPolicyIsAConflictNotACrash) {
  Assess(2016);
  Exec("UPDATE policies SET content = 'not a policy'");
  auto verification = VerifyAssessment(*store_, 2016);
  ASSERT_FALSE(verification.ok());
  EXPECT_EQ(verification.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(verification.error().reason, "policy_text_malformed");
}

}  // namespace
}  // namespace grassroots::app
