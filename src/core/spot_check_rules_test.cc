#include "core/spot_check_rules.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

TEST(SpotCheckRules, UnderRectificationIsSelectedWithItsPlanNotFinished) {
  EXPECT_FALSE(UnderRectification(false, std::nullopt));
  EXPECT_TRUE(UnderRectification(true, std::nullopt));           // no plan yet
  EXPECT_TRUE(UnderRectification(true, PlanProgress{0, 0, 0}));  // an empty plan is not done
  EXPECT_TRUE(UnderRectification(true, PlanProgress{3, 2, 0}));
  EXPECT_FALSE(UnderRectification(true, PlanProgress{3, 3, 0}));
}

TEST(SpotCheckRules, ADerivedSeedIsTheFirstEightBytesOfTheHashBigEndian) {
  EXPECT_EQ(SeedMaterial("2016-05", "12:ab"), "2016-05|12:ab");
  EXPECT_EQ(SeedFromSha256Hex("0000000000000102ffff"), std::optional<std::uint64_t>(258));
  EXPECT_EQ(SeedFromSha256Hex("ffffffffffffffff"),
            std::optional<std::uint64_t>(18446744073709551615u));
  EXPECT_FALSE(SeedFromSha256Hex("0123"));
  EXPECT_FALSE(SeedFromSha256Hex("0123456789ABCDEF"));  // lower case only, as Sha256Hex writes
}

TEST(SpotCheckRules, ASeedIsAnUnsigned64BitDecimal) {
  EXPECT_EQ(ParseSeed("--seed", "0").value(), 0u);
  EXPECT_EQ(ParseSeed("--seed", "18446744073709551615").value(), 18446744073709551615u);
  for (const char* bad : {"", "-1", "1.5", "18446744073709551616", "12a", " 1"}) {
    SCOPED_TRACE(bad);
    const Result<std::uint64_t> seed = ParseSeed("--seed", bad);
    ASSERT_FALSE(seed.ok());
    EXPECT_EQ(seed.error().field, "--seed");
    EXPECT_EQ(seed.error().reason, "invalid_seed");
  }
}

TEST(SpotCheckRules, CandidateLinesAreByCodeWithFlags) {
  EXPECT_EQ(
      CandidateLines({{"B", OrgType::kSoe, true, false}, {"A", OrgType::kVillage, false, true}}),
      "A\tvillage\t0\t1\nB\tsoe\t1\t0\n");
}

TEST(SpotCheckRules, TheFirstCandidateDifferenceIsByCode) {
  const std::vector<SpotCandidate> stored = {{"A", OrgType::kVillage, false, false},
                                             {"C", OrgType::kVillage, true, false}};
  EXPECT_FALSE(FirstCandidateDifference(stored, {stored[1], stored[0]}));
  auto added =
      FirstCandidateDifference(stored, {stored[0], {"B", OrgType::kSoe, false, false}, stored[1]});
  ASSERT_TRUE(added);
  EXPECT_EQ(added->code, "B");
  EXPECT_EQ(added->what, "added");
  auto removed = FirstCandidateDifference(stored, {stored[1]});
  ASSERT_TRUE(removed);
  EXPECT_EQ(removed->code, "A");
  EXPECT_EQ(removed->what, "removed");
  auto finished =
      FirstCandidateDifference(stored, {stored[0], {"C", OrgType::kVillage, false, false}});
  ASSERT_TRUE(finished);
  EXPECT_EQ(finished->what, "under_rectification");
  EXPECT_EQ(finished->stored, "1");
  EXPECT_EQ(finished->now, "0");
}

TEST(SpotCheckRules, AProblemNeedsANote) {
  EXPECT_TRUE(CheckFindingNote(SpotOutcome::kFine, "").ok());
  EXPECT_FALSE(CheckFindingNote(SpotOutcome::kProblemFound, "  ").ok());
  EXPECT_TRUE(CheckFindingNote(SpotOutcome::kProblemFound, "台账缺失").ok());
  EXPECT_EQ(ParseSpotOutcome("problem_found").value(), SpotOutcome::kProblemFound);
  EXPECT_EQ(ParseSpotOutcome("bad").error().field, "outcome");
}

TEST(SpotCheckRules, OnlyAdminRunsAndAdminOrTheUnitAdminAboveRecords) {
  const Principal admin{1, "a", Role::kAdmin, {}};
  const Principal unit{2, "u", Role::kUnitAdmin, {"D1"}};
  const Principal auditor{3, "x", Role::kAuditor, {}};
  const Principal secretary{4, "s", Role::kSecretary, {"O1"}};
  EXPECT_TRUE(MayRunSpotCheck(admin));
  EXPECT_FALSE(MayRunSpotCheck(unit));
  const std::vector<std::string> inside = {"O1", "D1"};
  const std::vector<std::string> outside = {"O2", "D2"};
  EXPECT_TRUE(MayRecordSpotFinding(admin, outside));
  EXPECT_TRUE(MayRecordSpotFinding(unit, inside));
  EXPECT_FALSE(MayRecordSpotFinding(unit, outside));
  EXPECT_FALSE(MayRecordSpotFinding(auditor, inside));
  EXPECT_FALSE(MayRecordSpotFinding(secretary, inside));
}

}  // namespace
}  // namespace grassroots::core
