#include "core/score_rules.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "core/test_support.h"

namespace grassroots::core {
namespace {

ScoreRecord ValidScore() { return {"V01", 2016, {90, 80, 70, 60, 50, 40}, std::nullopt, ""}; }

TEST(ScoreRules, ADimensionIsAFiniteNumberFromZeroToHundred) {
  const struct {
    double value;
    const char* reason;
  } cases[] = {
      {0, "ok"},
      {100, "ok"},
      {58.495, "ok"},
      {-0.01, "score_out_of_range"},
      {100.01, "score_out_of_range"},
      {1e300, "score_out_of_range"},
      {std::numeric_limits<double>::infinity(), "not_a_number"},
      {std::numeric_limits<double>::quiet_NaN(), "not_a_number"},
  };
  for (const auto& c : cases) {
    const Status status = CheckDimension(Dimension::kVenue, c.value);
    EXPECT_EQ(ReasonOf(status), c.reason) << c.value;
    EXPECT_EQ(IsValidDimension(c.value), status.ok()) << c.value;
    if (!status.ok()) {
      EXPECT_EQ(status.error().field, "venue");
    }
  }
  const Status high = CheckDimension(Dimension::kService, 100.01);
  EXPECT_EQ(high.error().message, "service: 100.01 is outside [0, 100]");
  EXPECT_EQ(high.error().params, (Params{{"value", "100.01"}, {"min", "0"}, {"max", "100"}}));
  EXPECT_EQ(CheckDimension(Dimension::kTeam, -1).error().message, "team: -1 is outside [0, 100]");
}

TEST(ScoreRules, AGradeNeedsAReasonAndAReasonNeedsAGrade) {
  const Status bare = CheckCommitteeGrade(Grade::kD, "");
  EXPECT_EQ(ReasonOf(bare), "grade_needs_reason");
  EXPECT_EQ(bare.error().field, "reason");
  EXPECT_EQ(bare.error().params, (Params{{"grade", "D"}}));
  EXPECT_EQ(bare.error().message, "grade \"D\" needs a reason");
  EXPECT_EQ(ReasonOf(CheckCommitteeGrade(Grade::kA, "  \t")), "grade_needs_reason")
      << "spaces are no reason";
  const Status orphan = CheckCommitteeGrade(std::nullopt, "自评优秀");
  EXPECT_EQ(ReasonOf(orphan), "reason_without_grade");
  EXPECT_EQ(orphan.error().field, "grade");
  EXPECT_EQ(orphan.error().message, "reason given without a grade");
  EXPECT_TRUE(CheckCommitteeGrade(std::nullopt, "").ok());
  EXPECT_TRUE(CheckCommitteeGrade(Grade::kD, "群众反映强烈").ok());
  EXPECT_EQ(ReasonOf(CheckCommitteeGrade(Grade::kD, std::string(2001, 'x'))), "too_long");
  for (const std::optional<Grade>& grade : {std::optional<Grade>(), std::optional(Grade::kB)}) {
    for (const std::string& reason : {std::string(), std::string(" "), std::string("审定"),
                                      std::string(2001, 'x'), std::string("a\0b", 3)}) {
      EXPECT_EQ(IsValidCommitteeGrade(grade, reason), CheckCommitteeGrade(grade, reason).ok())
          << grade.has_value() << " " << reason.size();
    }
  }
}

TEST(ScoreRules, AHandDecisionNeedsAReasonOfBoundedLength) {
  EXPECT_TRUE(CheckDecisionReason("群众反映强烈").ok());
  EXPECT_EQ(ReasonOf(CheckDecisionReason(" \t")), "empty");
  EXPECT_EQ(CheckDecisionReason("").error().field, "reason");
  EXPECT_EQ(ReasonOf(CheckDecisionReason(std::string(2001, 'x'))), "too_long");
}

TEST(ScoreRules, GradesAreReadByLetterOrChineseName) {
  EXPECT_EQ(ReadGrade("A").value(), Grade::kA);
  EXPECT_EQ(ReadGrade("较差").value(), Grade::kD);
  const auto unknown = ReadGrade("E");
  EXPECT_EQ(unknown.error().reason, "unknown_value");
  EXPECT_EQ(unknown.error().message,
            "unknown grade \"E\" (expected A, B, C, D or 优秀, 良好, 一般, 较差)");
}

TEST(ScoreRules, EveryBrokenRuleOfAScoreIsReportedInFieldOrder) {
  EXPECT_TRUE(CheckScore(ValidScore()).empty());
  ScoreRecord bad = ValidScore();
  bad.code = "";
  bad.year = 1899;
  bad.dimensions[0] = 101;
  bad.dimensions[5] = -1;
  bad.committee_grade = Grade::kD;
  EXPECT_EQ(
      Found(CheckScore(bad)),
      (std::vector<std::string>{"code:empty", "year:year_out_of_range", "team:score_out_of_range",
                                "members:score_out_of_range", "reason:grade_needs_reason"}));
}

}  // namespace
}  // namespace grassroots::core
