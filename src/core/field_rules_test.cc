#include "core/field_rules.h"

#include <gtest/gtest.h>

#include <string>

#include "core/organization.h"
#include "core/test_support.h"

namespace grassroots::core {
namespace {

std::string Param(const Status& status, const std::string& name) {
  for (const auto& [key, value] : status.error().params) {
    if (key == name) return value;
  }
  return "<none>";
}

std::string Repeat(std::string_view text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

TEST(FieldRules, CodesAreOneToSixtyFourCharactersWithoutPathCharacters) {
  const struct {
    std::string code;
    const char* reason;
  } cases[] = {
      {"MH001-02", "ok"},
      {"北极镇", "ok"},
      {std::string(64, 'x'), "ok"},
      {Repeat("党", 64), "ok"},  // 64 characters, 192 bytes
      {Repeat("党", 65), "too_long"},
      {"", "empty"},
      {std::string(65, 'x'), "too_long"},
      {"a/b", "invalid_code"},
      {"a\\b", "invalid_code"},
      {"a\tb", "invalid_code"},
      {std::string("a\0b", 3), "invalid_code"},
      {".", "invalid_code"},
      {"..", "invalid_code"},
      {"\xFF", "invalid_code"},
  };
  for (const auto& c : cases) {
    const Status status = CheckCode("code", c.code);
    EXPECT_EQ(ReasonOf(status), c.reason) << c.code;
    EXPECT_EQ(IsValidCode(c.code), status.ok()) << c.code;
    if (!status.ok()) {
      EXPECT_EQ(status.error().field, "code");
      EXPECT_EQ(status.error().code, ErrorCode::kInvalid);
    }
  }
  EXPECT_EQ(Param(CheckCode("parent", std::string(65, 'x')), "max"), "64");
  EXPECT_EQ(CheckCode("parent", "").error().message, "parent is empty");
}

TEST(FieldRules, NamesAreCountedInCharactersAndHoldNoControlCharacters) {
  const std::string hundred = Repeat("党", 100);  // 300 bytes, 100 characters
  EXPECT_TRUE(CheckName("name", hundred, true).ok());
  const Status long_name = CheckName("name", hundred + "x", true);
  EXPECT_EQ(ReasonOf(long_name), "too_long");
  EXPECT_EQ(Param(long_name, "max"), "100");
  EXPECT_EQ(long_name.error().message, "name is longer than 100 characters");
  EXPECT_EQ(ReasonOf(CheckName("name", std::string(600 * 1024, 'x'), true)), "too_long");
  EXPECT_EQ(ReasonOf(CheckName("name", "", true)), "empty");
  EXPECT_EQ(ReasonOf(CheckName("secretary", "", false)), "ok");
  EXPECT_EQ(ReasonOf(CheckName("name", "a\nb", true)), "control_characters");
  EXPECT_EQ(ReasonOf(CheckName("name", "a\x7f", true)), "control_characters");
}

TEST(FieldRules, EachPredicateAgreesWithItsCheck) {
  for (const std::string& text :
       {std::string(), std::string("北极村"), Repeat("党", 100), Repeat("党", 101),
        std::string("a\nb"), std::string("a\tb"), std::string(2001, 'x')}) {
    EXPECT_EQ(FitsName(text), CheckName("name", text, false).ok()) << text;
    EXPECT_EQ(FitsText(text, 2000), CheckText("reason", text, 2000).ok()) << text;
  }
  for (long long year : {1899LL, 1900LL, 2016LL, 2200LL, 2201LL}) {
    EXPECT_EQ(IsValidYear(year), CheckYear("year", year).ok()) << year;
  }
}

TEST(FieldRules, FreeTextMaySpanLinesWithinItsLimit) {
  EXPECT_TRUE(CheckText("reason", "第一行\n第二行\tx\r\n", 2000).ok());
  EXPECT_EQ(ReasonOf(CheckText("reason", std::string(2001, 'x'), 2000)), "too_long");
  EXPECT_EQ(ReasonOf(CheckText("reason", std::string("a\0b", 3), 2000)), "control_characters");
}

TEST(FieldRules, YearsLieWithin1900To2200) {
  EXPECT_TRUE(CheckYear("year", 1900).ok());
  EXPECT_TRUE(CheckYear("year", 2200).ok());
  const Status early = CheckYear("year", 1899);
  EXPECT_EQ(ReasonOf(early), "year_out_of_range");
  EXPECT_EQ(early.error().message, "year: 1899 is outside [1900, 2200]");
  EXPECT_EQ(early.error().params, (Params{{"value", "1899"}, {"min", "1900"}, {"max", "2200"}}));
  EXPECT_EQ(ReasonOf(CheckYear("year", 99999999999LL)), "year_out_of_range");
}

TEST(FieldRules, DatesAreRealDaysNotAfterTheLatest) {
  const CivilDate today{2016, 7, 1};
  EXPECT_TRUE(CheckDate("joined", "2016-02-29", today).ok());
  EXPECT_TRUE(CheckDate("joined", "2016-07-01", today).ok()) << "today itself";
  EXPECT_TRUE(CheckDate("joined", "1900-01-01", today).ok());
  EXPECT_TRUE(CheckDate("joined", "2000-02-29", today).ok());
  for (const char* text :
       {"2016-02-30", "2015-02-29", "1900-02-29", "2016-04-31", "2016-13-01", "2016-00-10",
        "2016-01-00", "not-a-date", "2016/01/05", "2016-1-5", "16-01-05", "2016-01-05 ", "",
        "2016-01-0x", "2016-0a-05", "2016-01-+5", "20160105"}) {
    const Status status = CheckDate("joined", text, today);
    EXPECT_EQ(ReasonOf(status), "not_a_date") << text;
  }
  EXPECT_EQ(CheckDate("joined", "2015-02-29", today).error().message,
            "joined: \"2015-02-29\" is not a date (expected YYYY-MM-DD)");
  const Status future = CheckDate("joined", "2016-07-02", today);
  EXPECT_EQ(ReasonOf(future), "date_out_of_range");
  EXPECT_EQ(future.error().params,
            (Params{{"value", "2016-07-02"}, {"min", "1900-01-01"}, {"max", "2016-07-01"}}));
  EXPECT_EQ(ReasonOf(CheckDate("joined", "1899-12-31", today)), "date_out_of_range");
}

TEST(FieldRules, AnUnknownNameListsTheAcceptedOnes) {
  const auto unknown = ReadVocabulary<OrgType>("type", "farm", ParseOrgType, "village or 农村");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().reason, "unknown_value");
  EXPECT_EQ(unknown.error().field, "type");
  EXPECT_EQ(unknown.error().params, (Params{{"value", "farm"}, {"accepted", "village or 农村"}}));
  EXPECT_EQ(unknown.error().message, "unknown type \"farm\" (expected village or 农村)");
  const auto empty = ReadVocabulary<OrgType>("type", "", ParseOrgType, "village");
  EXPECT_EQ(empty.error().reason, "empty");
  EXPECT_EQ(empty.error().message, "type is empty (expected village)");
  const auto huge = ReadVocabulary<OrgType>("type", std::string(100000, 'x'), ParseOrgType, "v");
  EXPECT_LT(huge.error().message.size(), 200u) << "a long value is quoted in part";
  EXPECT_EQ(ReadVocabulary<OrgType>("type", "农村", ParseOrgType, "").value(), OrgType::kVillage);
}

}  // namespace
}  // namespace grassroots::core
