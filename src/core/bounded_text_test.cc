#include "core/bounded_text.h"

#include <gtest/gtest.h>

#include <string>

namespace grassroots::core {
namespace {

TEST(Utf8Prefix, TextThatFitsIsKeptWhole) {
  EXPECT_EQ(Utf8Prefix("wang", 64), "wang");
  EXPECT_EQ(Utf8Prefix("", 0), "");
  EXPECT_EQ(Utf8Prefix("王书记", 9), "王书记");
}

TEST(Utf8Prefix, ACutNeverSplitsACharacter) {
  // Each of 王, 书, 记 is three bytes.
  EXPECT_EQ(Utf8Prefix("王书记", 8), "王书");
  EXPECT_EQ(Utf8Prefix("王书记", 7), "王书");
  EXPECT_EQ(Utf8Prefix("王书记", 6), "王书");
  EXPECT_EQ(Utf8Prefix("王书记", 2), "");
  EXPECT_EQ(Utf8Prefix("a😀b", 4), "a");  // a four-byte character
  EXPECT_EQ(Utf8Prefix("a😀b", 5), "a😀");
}

TEST(Utf8Prefix, LongInputIsBoundedByTheLimit) {
  const std::string long_name(100'000, 'x');
  EXPECT_EQ(Utf8Prefix(long_name, 64).size(), 64u);
  std::string chinese;
  for (int i = 0; i < 100; ++i) chinese += "党";
  EXPECT_EQ(Utf8Prefix(chinese, 64), chinese.substr(0, 63));
}

}  // namespace
}  // namespace grassroots::core
