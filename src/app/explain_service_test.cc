// The explanation comes from the stored record: edits after the run do not change it, they are
// listed beside it.
#include "app/explain_service.h"

#include <gtest/gtest.h>

#include "app/hand_decisions.h"
#include "app/record_fixture.h"
#include "app/stored_assessments.h"
#include "storage/import_writer.h"
#include "storage/organization_subject.h"
#include "storage/tx.h"

namespace grassroots::app {
namespace {

using test::Org;
using test::Score;

class ExplainTest : public test::RecordFixture {
 protected:
  core::Explanation Explain(int year, const std::string& code) {
    auto explanation = ExplainResult(*store_, year, code);
    EXPECT_TRUE(explanation.ok()) << explanation.error().message;
    return explanation.ok() ? std::move(explanation).value() : core::Explanation{};
  }
};

TEST_F(ExplainTest, TellsTheStoredResultWithItsGroupsArithmeticAndInputs) {
  Assess(2016);
  const core::Explanation e = Explain(2016, "V01");
  EXPECT_EQ(e.type, "village");
  EXPECT_EQ(e.unit, "u1");
  EXPECT_EQ(e.parent, "V00");
  EXPECT_EQ(e.score_cents, 6217);
  EXPECT_EQ(e.grade, core::Grade::kC);
  EXPECT_EQ(e.rank, 1);
  EXPECT_TRUE(e.selected);
  EXPECT_EQ(e.reasons, core::kReasonBottomQuota);
  ASSERT_TRUE(e.group.has_value());
  EXPECT_EQ(e.group->count, 13);
  EXPECT_EQ(e.group->ratio_ppm, 150'000);
  EXPECT_EQ(e.group->quota, 2);
  EXPECT_EQ(e.group->cut_cents, 6417);
  EXPECT_EQ(e.group->taken, 2);
  // 2015 was assessed first and V01 was selected then too.
  EXPECT_TRUE(e.consecutive);
  ASSERT_EQ(e.actions.size(), 2u);
  EXPECT_EQ(e.actions[0], std::make_pair(core::ActionKind::kRemoveSecretary, std::string("V01")));
  EXPECT_EQ(e.actions[1],
            std::make_pair(core::ActionKind::kRemoveParentSecretary, std::string("V00")));
  ASSERT_TRUE(e.inputs.has_value());
  EXPECT_EQ(e.inputs->dimensions, (std::array<double, 6>{62, 62, 62, 62, 62, 63}));
  EXPECT_FALSE(e.inputs->committee_grade.has_value());
  EXPECT_FALSE(e.inputs->manual.has_value());
  EXPECT_EQ(e.inputs->previous_selected_years, std::vector<int>{2015});
  const storage::AssessmentInfo info = *AssessmentOf(*store_, 2016).value();
  EXPECT_EQ(e.policy_version, config::BuiltInPolicy().version);
  EXPECT_EQ(e.run_at, info.run_at);
  EXPECT_EQ(e.audit_hash, info.audit_hash);
  EXPECT_EQ(e.audit_hash.size(), 64u);
  EXPECT_TRUE(e.changed_since.empty());
}

TEST_F(ExplainTest, AScoreEditedAfterTheRunLeavesTheStoredAnswerAndIsListed) {
  Assess(2016);
  Edit(Score("V01", 2016, 99, core::Grade::kA));  // would now rank last and grade A
  const core::Explanation e = Explain(2016, "V01");
  EXPECT_EQ(e.score_cents, 6217);
  EXPECT_EQ(e.grade, core::Grade::kC);
  EXPECT_EQ(e.rank, 1);
  EXPECT_TRUE(e.selected);
  ASSERT_EQ(e.changed_since.size(), 1u);
  const core::RecordChange& change = e.changed_since[0];
  EXPECT_EQ(change.subject, core::ChangeSubject::kScore);
  EXPECT_EQ(change.action, "score.save");
  EXPECT_EQ(change.actor, actor_.name);
  EXPECT_GT(change.audit_id, 0);
  EXPECT_FALSE(change.at.empty());
  ASSERT_TRUE(change.before_json && change.after_json);
  EXPECT_NE(change.before_json->find("\"team\":62"), std::string::npos) << *change.before_json;
  EXPECT_NE(change.after_json->find("\"grade\":\"A\""), std::string::npos) << *change.after_json;
  // Another organization's edit and another year's are not this explanation's.
  Edit(Score("V02", 2016, 99));
  Edit(Score("V01", 2017, 99));
  EXPECT_EQ(Explain(2016, "V01").changed_since.size(), 1u);
}

TEST_F(ExplainTest, AScoreChangedByAnImportAfterTheRunIsListedLikeASingleEdit) {
  Assess(2016);
  core::ScoreRecord changed = Score("V01", 2016, 99);
  auto written = storage::ImportBatch(*store_, actor_, {changed, Score("V02", 2016, 99)});
  ASSERT_TRUE(written.ok()) << written.error().message;
  const core::Explanation e = Explain(2016, "V01");
  EXPECT_EQ(e.score_cents, 6217);
  ASSERT_EQ(e.changed_since.size(), 1u);
  const core::RecordChange& change = e.changed_since[0];
  EXPECT_EQ(change.subject, core::ChangeSubject::kScore);
  ASSERT_TRUE(change.before_json && change.after_json);
  EXPECT_NE(change.before_json->find("\"team\":62"), std::string::npos) << *change.before_json;
  EXPECT_NE(change.after_json->find("\"team\":99"), std::string::npos) << *change.after_json;
}

TEST_F(ExplainTest, HandDecisionsAndMovesAfterTheRunAreListedButARenameIsNot) {
  Assess(2016);
  ASSERT_TRUE(
      DecideByHand(*store_, 2016, {"V03", true, "群众反映强烈", "admin", "2016-12-01"}, actor_)
          .ok());
  core::Organization moved = Org("V03");  // now a direct committee
  ASSERT_TRUE(storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
                return storage::OrganizationRecords(t).Save(moved);
              }).ok());
  core::Organization renamed = moved;
  renamed.name = "新名字";
  ASSERT_TRUE(storage::WriteValue(*store_, actor_, [&](storage::Tx& t) {
                return storage::OrganizationRecords(t).Save(renamed);
              }).ok());

  const core::Explanation e = Explain(2016, "V03");
  EXPECT_FALSE(e.selected);  // the decision came after the run
  EXPECT_EQ(e.parent, "V00");
  ASSERT_EQ(e.changed_since.size(), 2u);
  EXPECT_EQ(e.changed_since[0].subject, core::ChangeSubject::kManual);
  EXPECT_EQ(e.changed_since[0].action, "assessment.manual");
  EXPECT_EQ(e.changed_since[1].subject, core::ChangeSubject::kOrganization);
  EXPECT_LT(e.changed_since[0].audit_id, e.changed_since[1].audit_id);

  // Re-running takes the decision in and starts the record afresh.
  Assess(2016);
  const core::Explanation again = Explain(2016, "V03");
  EXPECT_TRUE(again.selected);
  EXPECT_EQ(again.reasons, core::kReasonManual);
  ASSERT_TRUE(again.inputs && again.inputs->manual);
  EXPECT_TRUE(again.inputs->manual->include);
  EXPECT_EQ(again.inputs->manual->reason, "群众反映强烈");
  EXPECT_EQ(again.parent, "");
  EXPECT_TRUE(again.changed_since.empty());
}

TEST_F(ExplainTest, ACommitteeGradeIsExplainedWithItsReason) {
  Edit(Score("V12", 2016, 95, core::Grade::kD));
  Assess(2016);
  const core::Explanation e = Explain(2016, "V12");
  EXPECT_EQ(e.grade, core::Grade::kD);
  EXPECT_EQ(e.reasons, core::kReasonGradeD);
  ASSERT_TRUE(e.inputs.has_value());
  EXPECT_EQ(e.inputs->committee_grade, core::Grade::kD);
  EXPECT_EQ(e.inputs->committee_reason, "committee decision");
}

TEST_F(ExplainTest, AnUnknownOrganizationOrYearIsNotFoundNamingWhich) {
  Assess(2016);
  auto unknown = ExplainResult(*store_, 2016, "NOPE");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(unknown.error().field, "code");
  EXPECT_EQ(unknown.error().reason, "not_in_assessment");
  auto year = ExplainResult(*store_, 2020, "V01");
  ASSERT_FALSE(year.ok());
  EXPECT_EQ(year.error().field, "year");
  EXPECT_EQ(year.error().reason, "year_not_assessed");
  EXPECT_EQ(year.error().params, (core::Params{{"year", "2020"}}));
}

TEST_F(ExplainTest, ARunStoredBeforeInputsWereKeptIsStillExplainedFromItsRows) {
  Assess(2016);
  Exec("UPDATE assessments SET inputs_stored = 0");
  const core::Explanation e = Explain(2016, "V02");
  EXPECT_FALSE(e.inputs.has_value());
  EXPECT_EQ(e.score_cents, 6417);
  EXPECT_TRUE(e.selected);
  ASSERT_TRUE(e.group.has_value());
  EXPECT_EQ(e.group->quota, 2);
}

}  // namespace
}  // namespace grassroots::app
