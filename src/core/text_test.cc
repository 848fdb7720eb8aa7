#include "core/text.h"

#include <gtest/gtest.h>

#include <string>

namespace grassroots::core {
namespace {

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii text that is longer than eight bytes"));
  EXPECT_TRUE(IsValidUtf8("é 党支部 \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"));
}

TEST(Utf8, RejectsMalformedSequences) {
  EXPECT_FALSE(IsValidUtf8("\x80"));              // a lone continuation byte
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xE0\x9F\xBF"));      // overlong 3-byte form
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // a UTF-16 surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(IsValidUtf8("abc\xE5\x85"));       // cut short at the end
  EXPECT_FALSE(
      IsValidUtf8("\xE5\x85"
                  "a"));  // cut short before ASCII
}

TEST(Text, CharactersAreCodePointsNotBytes) {
  EXPECT_EQ(CharacterCount(""), 0u);
  EXPECT_EQ(CharacterCount("abc"), 3u);
  EXPECT_EQ(CharacterCount("北极镇党委"), 5u);
  EXPECT_EQ(CharacterCount("a\xF0\x9F\x98\x80"), 2u);
  EXPECT_EQ(CharacterCount("\xFF\xFE"), 2u) << "each stray byte counts once";
}

TEST(Text, AnExcerptCutsLongTextAtACharacterBoundary) {
  EXPECT_EQ(Excerpt("short"), "short");
  EXPECT_EQ(Excerpt(std::string(64, 'x')), std::string(64, 'x')) << "a full code is never cut";
  EXPECT_EQ(Excerpt(std::string(600000, 'x')), std::string(64, 'x') + "…");
  EXPECT_EQ(Excerpt("北极镇党委", 2), "北极…");
  EXPECT_EQ(Quoted("V01"), "\"V01\"");
}

TEST(Text, TrimmingDropsSpacesTabsAndLineBreaksAround) {
  EXPECT_EQ(TrimSpace("  a b \t\r\n"), "a b");
  EXPECT_EQ(TrimSpace(" \t "), "");
  EXPECT_EQ(TrimSpace("党委"), "党委");
}

}  // namespace
}  // namespace grassroots::core
