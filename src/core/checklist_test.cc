#include "core/checklist.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

Checklist Venue(int items) {
  Checklist checklist{"venue_10", "十有", {}, Dimension::kVenue, {}};
  for (int i = 1; i <= items; ++i) {
    checklist.items.push_back({"i" + std::to_string(i), "item " + std::to_string(i)});
  }
  return checklist;
}

std::vector<ItemAnswer> Answers(const std::vector<AnswerState>& states) {
  std::vector<ItemAnswer> answers;
  for (std::size_t i = 0; i < states.size(); ++i) {
    answers.push_back({"i" + std::to_string(i + 1), states[i], ""});
  }
  return answers;
}

constexpr AnswerState M = AnswerState::kMet;
constexpr AnswerState N = AnswerState::kNotMet;
constexpr AnswerState X = AnswerState::kNotApplicable;

TEST(ChecklistScore, IsTheShareOfApplicableItemsMetTimesOneHundred) {
  auto score = ChecklistScoreOf(Venue(10), Answers({M, M, M, M, M, M, M, N, N, X}));
  ASSERT_TRUE(score.ok()) << score.error().message;
  EXPECT_EQ(score.value().met, 7);
  EXPECT_EQ(score.value().applicable, 9);
  EXPECT_EQ(score.value().cents, 7778);  // 77.777... rounds to 77.78
  EXPECT_DOUBLE_EQ(score.value().Score(), 77.78);
}

TEST(ChecklistScore, RoundsHalfAwayFromZero) {
  // 1 of 8 = 12.5 exactly; 1 of 16 = 6.25; 1 of 32 = 3.125 -> 3.13.
  std::vector<AnswerState> states(32, N);
  states[0] = M;
  EXPECT_EQ(ChecklistScoreOf(Venue(32), Answers(states)).value().cents, 313);
}

TEST(ChecklistScore, AllMetIsOneHundredAndNoneMetIsZero) {
  EXPECT_EQ(ChecklistScoreOf(Venue(3), Answers({M, M, X})).value().cents, 10000);
  EXPECT_EQ(ChecklistScoreOf(Venue(3), Answers({N, N, X})).value().cents, 0);
}

TEST(ChecklistScore, RefusesAChecklistWithUnansweredItems) {
  auto score = ChecklistScoreOf(Venue(4), Answers({M, M}));
  ASSERT_FALSE(score.ok());
  EXPECT_EQ(score.error().code, ErrorCode::kConflict);
  EXPECT_EQ(score.error().reason, "checklist_incomplete");
  EXPECT_EQ(score.error().params, (Params{{"checklist", "venue_10"}, {"missing", "2"}}));
}

TEST(ChecklistScore, RefusesAChecklistWhereNothingApplies) {
  auto score = ChecklistScoreOf(Venue(2), Answers({X, X}));
  ASSERT_FALSE(score.ok());
  EXPECT_EQ(score.error().reason, "checklist_nothing_applicable");
}

TEST(ChecklistScore, IgnoresAnswersOfItemsTheChecklistNoLongerHas) {
  std::vector<ItemAnswer> answers = Answers({M, N});
  answers.push_back({"gone", AnswerState::kMet, ""});
  EXPECT_EQ(ChecklistScoreOf(Venue(2), answers).value().cents, 5000);
}

TEST(ChecklistAnswers, NameItemsOfTheChecklistOnceWithBoundedNotes) {
  const Checklist checklist = Venue(3);
  EXPECT_TRUE(CheckAnswers(checklist, Answers({M, N})).ok());
  std::vector<ItemAnswer> unknown = {{"i9", M, ""}};
  EXPECT_EQ(CheckAnswers(checklist, unknown).error().reason, "unknown_checklist_item");
  EXPECT_EQ(CheckAnswers(checklist, unknown).error().field, "items[0].item");
  std::vector<ItemAnswer> twice = {{"i1", M, ""}, {"i1", N, ""}};
  EXPECT_EQ(CheckAnswers(checklist, twice).error().reason, "duplicate_checklist_item");
  std::vector<ItemAnswer> long_note = {{"i1", M, std::string(kMaxChecklistNote + 1, 'x')}};
  EXPECT_EQ(CheckAnswers(checklist, long_note).error().field, "items[0].note");
}

TEST(ChecklistStates, ReadTheirNamesOnly) {
  EXPECT_EQ(ParseAnswerState("met"), AnswerState::kMet);
  EXPECT_EQ(ParseAnswerState("not_applicable"), AnswerState::kNotApplicable);
  EXPECT_EQ(ParseAnswerState("Met"), std::nullopt);
  EXPECT_EQ(ToString(AnswerState::kNotMet), "not_met");
}

TEST(ChecklistSet, AppliesEachChecklistToItsTypesOrToEveryType) {
  ChecklistSet set{
      "s", {Venue(1), {"village_std", "村", {OrgType::kVillage}, std::nullopt, {{"a", "A"}}}}};
  ASSERT_TRUE(ValidateChecklistSet(set).ok());
  EXPECT_EQ(ChecklistsFor(set, OrgType::kVillage).size(), 2u);
  ASSERT_EQ(ChecklistsFor(set, OrgType::kAgency).size(), 1u);
  EXPECT_EQ(ChecklistsFor(set, OrgType::kAgency)[0]->id, "venue_10");
}

TEST(ChecklistSet, RefusesTwoChecklistsFeedingOneDimensionForAType) {
  Checklist second = Venue(1);
  second.id = "venue_village";
  second.types = {OrgType::kVillage};
  auto status = ValidateChecklistSet({"s", {Venue(1), second}});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().field, "checklist[2].feeds");
  EXPECT_EQ(status.error().reason, "checklist_definition_invalid");
  second.feeds = Dimension::kRoutine;
  EXPECT_TRUE(ValidateChecklistSet({"s", {Venue(1), second}}).ok());
}

TEST(ChecklistSet, RefusesBadOrDuplicateKeys) {
  Checklist bad = Venue(2);
  bad.items[1].key = "i1";
  EXPECT_EQ(ValidateChecklistSet({"s", {bad}}).error().field, "checklist[1].items[2].key");
  bad = Venue(1);
  bad.id = "Venue";
  EXPECT_EQ(ValidateChecklistSet({"s", {bad}}).error().field, "checklist[1].id");
  bad = Venue(0);
  EXPECT_EQ(ValidateChecklistSet({"s", {bad}}).error().field, "checklist[1].items");
  EXPECT_EQ(ValidateChecklistSet({"s", {Venue(1), Venue(1)}}).error().field, "checklist[2].id");
}

}  // namespace
}  // namespace grassroots::core
