#include "core/password_rules.h"

#include <gtest/gtest.h>

#include <string>

#include "core/test_support.h"

namespace grassroots::core {
namespace {

TEST(PasswordRules, LengthCountsCharactersAndBoundsBytes) {
  EXPECT_EQ(ReasonOf(CheckPassword("", "li")), "password_too_short");
  EXPECT_EQ(ReasonOf(CheckPassword("Tr7-x9-kQ", "li")), "password_too_short");
  EXPECT_EQ(CheckPassword("Tr7-x9-kQ", "li").error().field, "password");
  EXPECT_EQ(CheckPassword("Tr7-x9-kQ", "li").error().params,
            (Params{{"min", std::to_string(kPasswordMinCharacters)}}));
  EXPECT_TRUE(CheckPassword("Tr7-x9-kQ2", "li").ok());
  // Ten Chinese characters are ten characters, not thirty bytes short of anything.
  EXPECT_TRUE(CheckPassword("基层党组织软弱涣散整", "li").ok());
  EXPECT_EQ(ReasonOf(CheckPassword("基层党组织软弱涣散", "li")), "password_too_short");
  EXPECT_TRUE(CheckPassword("ab" + std::string(254, 'x'), "li").ok());
  EXPECT_EQ(ReasonOf(CheckPassword("ab" + std::string(255, 'x'), "li")), "password_too_long");
}

TEST(PasswordRules, OneCharacterRepeatedIsRefused) {
  EXPECT_EQ(ReasonOf(CheckPassword("1111111111", "li")), "password_one_character");
  EXPECT_EQ(ReasonOf(CheckPassword("aaaaAAAAaaaa", "li")), "password_one_character");
  EXPECT_EQ(ReasonOf(CheckPassword("党党党党党党党党党党", "li")), "password_one_character");
  EXPECT_TRUE(CheckPassword("1111111112x", "li").ok());
}

TEST(PasswordRules, RunsOfDigitsLettersAndKeyboardRowsAreRefusedBothWays) {
  for (const char* run : {"1234567890", "0123456789", "9876543210", "0987654321", "abcdefghij",
                          "ABCDEFGHIJK", "zyxwvutsrq", "qwertyuiop", "POIUYTREWQ", "4567890123"}) {
    SCOPED_TRACE(run);
    EXPECT_EQ(ReasonOf(CheckPassword(run, "li")), "password_sequence");
  }
  EXPECT_TRUE(CheckPassword("1234567890x", "li").ok());
  EXPECT_TRUE(CheckPassword("13579abcde", "li").ok());
}

TEST(PasswordRules, TheAccountNameIsRefusedInAnyCase) {
  EXPECT_EQ(ReasonOf(CheckPassword("zhangwei2016!", "ZhangWei")), "password_contains_name");
  EXPECT_EQ(ReasonOf(CheckPassword("我是王小明的密码啊", "王小明")), "password_too_short");
  EXPECT_EQ(ReasonOf(CheckPassword("我是王小明的密码啊啊", "王小明")), "password_contains_name");
  // A short name is refused only as the whole password.
  EXPECT_TRUE(CheckPassword("li-Tr7x9kQ2", "li").ok());
  EXPECT_EQ(ReasonOf(CheckPassword("Tr7x9kQ2zz", "tr7x9kq2zz")), "password_contains_name");
}

}  // namespace
}  // namespace grassroots::core
