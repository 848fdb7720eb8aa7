// Standardized branches (core/standards.h): a batch's fields, every refused code with its
// reason (the year's rectification selection above all), the conflict flag and revocations.
#include "core/standards.h"

#include <gtest/gtest.h>

namespace grassroots::core {
namespace {

const CivilDate kStandardsToday{2017, 3, 1};

StandardBatchInput ValidBatch() { return {2016, "2016年第一批", "2016-12-20", {"V01", "V02"}}; }

DesignationFacts Fine(std::string code) { return {std::move(code), true, false, false, false}; }

TEST(StandardBatch, AValidBatchKeepsItsYearDayAndCodes) {
  auto batch = CheckBatch(ValidBatch(), kStandardsToday);
  ASSERT_TRUE(batch.ok()) << batch.error().message;
  EXPECT_EQ(batch.value().year, 2016);
  EXPECT_EQ(batch.value().on, (CivilDate{2016, 12, 20}));
  EXPECT_EQ(batch.value().codes, (std::vector<std::string>{"V01", "V02"}));
}

TEST(StandardBatch, EachFieldRuleNamesItsField) {
  const auto field_of = [](StandardBatchInput input) {
    auto checked = CheckBatch(input, kStandardsToday);
    return checked.ok() ? std::string("ok") : checked.error().field + ":" + checked.error().reason;
  };
  StandardBatchInput in = ValidBatch();
  in.year = 1800;
  EXPECT_EQ(field_of(in), "year:year_out_of_range");
  in = ValidBatch();
  in.name.clear();
  EXPECT_EQ(field_of(in), "name:empty");
  in = ValidBatch();
  in.on = "2017-03-02";  // after today
  EXPECT_EQ(field_of(in), "on:date_out_of_range");
  in = ValidBatch();
  in.on = "2016-02-30";
  EXPECT_EQ(field_of(in), "on:not_a_date");
  in = ValidBatch();
  in.codes.clear();
  EXPECT_EQ(field_of(in), "codes:empty");
  in = ValidBatch();
  in.codes = {"V01", "../x"};
  EXPECT_EQ(field_of(in), "codes:invalid_code");
}

TEST(StandardBatch, AnOrganizationSelectedForRectificationThatYearIsRefusedWithTheYear) {
  DesignationFacts selected = Fine("V02");
  selected.selected = true;
  const auto refused = RefusedCodes(2016, {Fine("V01"), selected});
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].line, 2);
  EXPECT_EQ(refused[0].field, "codes");
  EXPECT_EQ(refused[0].reason, "selected_for_rectification");
  EXPECT_EQ(refused[0].params, (Params{{"code", "V02"}, {"year", "2016"}}));
  EXPECT_NE(refused[0].message.find("rectification"), std::string::npos);
}

TEST(StandardBatch, EveryRefusedCodeIsNamedInTheBatchsOrder) {
  DesignationFacts unknown{"X9", false, false, false, false};
  DesignationFacts ended = Fine("V03");
  ended.ended = true;
  DesignationFacts holds = Fine("V04");
  holds.holds_title = true;
  const auto refused = RefusedCodes(2016, {Fine("V01"), unknown, ended, holds, Fine("V01")});
  ASSERT_EQ(refused.size(), 4u);
  EXPECT_EQ(refused[0].reason, "organization_not_found");
  EXPECT_EQ(refused[1].reason, "organization_ended");
  EXPECT_EQ(refused[2].reason, "already_standardized");
  EXPECT_EQ(refused[3].reason, "duplicate_code");
  EXPECT_EQ(refused[3].line, 5);
  EXPECT_TRUE(RefusedCodes(2016, {Fine("V01"), Fine("V02")}).empty());
}

TEST(StandardBatch, OnlyACurrentTitleStandsAgainstTheSelection) {
  EXPECT_TRUE(InConflict(true, true));
  EXPECT_FALSE(InConflict(false, true));  // revoked
  EXPECT_FALSE(InConflict(true, false));
}

TEST(StandardRevocation, NeedsAReasonAndADayFromTheDesignationToToday) {
  const CivilDate designated{2016, 12, 20};
  auto ok = CheckRevocation({"2017-02-01", "班子涣散"}, false, designated, kStandardsToday);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value().on, (CivilDate{2017, 2, 1}));
  EXPECT_EQ(CheckRevocation({"2017-02-01", ""}, false, designated, kStandardsToday).error().reason,
            "empty");
  EXPECT_EQ(CheckRevocation({"2016-12-19", "x"}, false, designated, kStandardsToday).error().reason,
            "date_out_of_range");
  EXPECT_EQ(CheckRevocation({"2017-03-02", "x"}, false, designated, kStandardsToday).error().reason,
            "date_out_of_range");
  auto twice = CheckRevocation({"2017-02-01", "x"}, true, designated, kStandardsToday);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(twice.error().reason, "already_revoked");
}

TEST(StandardRights, OnlyTheDepartmentDesignates) {
  Principal who;
  who.role = Role::kAdmin;
  EXPECT_TRUE(MayManageStandards(who));
  for (Role role : {Role::kUnitAdmin, Role::kSecretary, Role::kAuditor, Role::kLeader}) {
    who.role = role;
    EXPECT_FALSE(MayManageStandards(who)) << ToString(role);
  }
}

}  // namespace
}  // namespace grassroots::core
