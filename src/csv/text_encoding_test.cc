#include "csv/text_encoding.h"

#include <gtest/gtest.h>

#include <string>

namespace grassroots::csv {
namespace {

// 漠河县 in GBK (and so in GB18030): 漠 C4 AE, 河 BA D3, 县 CF D8.
constexpr std::string_view kMoheGbk = "\xC4\xAE\xBA\xD3\xCF\xD8";
// 代码 B4 FA C2 EB, 年度 C4 EA B6 C8.
constexpr std::string_view kHeaderGbk = "\xB4\xFA\xC2\xEB,\xC4\xEA\xB6\xC8\r\n";

TEST(TextEncoding, Utf8IsReadAsUtf8) {
  const DecodedText decoded = DecodeText("代码,名称\nMH001,漠河县\n");
  ASSERT_FALSE(decoded.error);
  EXPECT_EQ(decoded.encoding, TextEncoding::kUtf8);
  EXPECT_EQ(decoded.text, "代码,名称\nMH001,漠河县\n");
}

TEST(TextEncoding, AUtf8BomIsDropped) {
  const DecodedText decoded = DecodeText("\xEF\xBB\xBF代码\n");
  ASSERT_FALSE(decoded.error);
  EXPECT_EQ(decoded.encoding, TextEncoding::kUtf8);
  EXPECT_EQ(decoded.text, "代码\n");
}

TEST(TextEncoding, GbkBytesAreReadAsGb18030) {
  const DecodedText decoded =
      DecodeText(std::string(kHeaderGbk) + "MH001," + std::string(kMoheGbk) + "\r\n");
  ASSERT_FALSE(decoded.error) << decoded.error->message;
  EXPECT_EQ(decoded.encoding, TextEncoding::kGb18030);
  EXPECT_EQ(decoded.text, "代码,年度\r\nMH001,漠河县\r\n");
}

TEST(TextEncoding, FourByteGb18030IsRead) {
  // U+20000 (𠀀), outside GBK: 95 32 82 36.
  const DecodedText decoded = DecodeText("\x95\x32\x82\x36,\xC4\xAE\n");
  ASSERT_FALSE(decoded.error);
  EXPECT_EQ(decoded.text, "\xF0\xA0\x80\x80,漠\n");
}

TEST(TextEncoding, BytesThatAreNeitherAreRefusedAtTheLineOfTheBadByte) {
  // Lines 1 and 2 are GBK; line 3 ends in 0xFF, which no GB18030 sequence holds.
  const std::string bytes = std::string(kHeaderGbk) + std::string(kMoheGbk) + "\r\nMH002,\xFF\r\n";
  const DecodedText decoded = DecodeText(bytes);
  ASSERT_TRUE(decoded.error);
  EXPECT_EQ(decoded.error->line, 3);
  EXPECT_EQ(decoded.error->reason, "not_text");
  EXPECT_NE(decoded.error->message.find("0xFF"), std::string::npos);
  EXPECT_TRUE(decoded.text.empty());
}

TEST(TextEncoding, AUtf8FileWithOneBrokenByteIsRefusedWhereUtf8Stops) {
  // UTF-8 stops at the stray 0x80 on line 2; GB18030 pairs the UTF-8 bytes up to it and
  // stops there too (0x80 begins no GB18030 character).
  const DecodedText decoded = DecodeText("代码,名称\nMH001,漠河\x80\n");
  ASSERT_TRUE(decoded.error);
  EXPECT_EQ(decoded.error->line, 2);
}

TEST(TextEncoding, Utf8WithChineseAndOneStrayByteIsRefusedNotGarbled) {
  // A Latin-1 é (0xE9) pasted into a UTF-8 file: GB18030 would read all of it, wrongly.
  const DecodedText decoded = DecodeText("代码,名称\nMH001,漠河县\nMH002,caf\xE9,\n");
  ASSERT_TRUE(decoded.error);
  EXPECT_EQ(decoded.error->reason, "bad_utf8");
  EXPECT_EQ(decoded.error->line, 3);
  EXPECT_NE(decoded.error->message.find("0xE9"), std::string::npos);
}

TEST(TextEncoding, GbkWhoseFirstCharacterIsAlsoUtf8IsStillGb18030) {
  // 漠 is C4 AE in GBK, which is also UTF-8 (U+012E); 河 (BA D3) is not.
  const DecodedText decoded = DecodeText("\xC4\xAE\xBA\xD3\n");
  ASSERT_FALSE(decoded.error);
  EXPECT_EQ(decoded.encoding, TextEncoding::kGb18030);
  EXPECT_EQ(decoded.text, "漠河\n");
}

TEST(TextEncoding, Utf16IsRefusedAsSuch) {
  const DecodedText decoded =
      DecodeText(std::string("\xFF\xFE"
                             "c\0o\0",
                             6));
  ASSERT_TRUE(decoded.error);
  EXPECT_EQ(decoded.error->reason, "utf16_text");
  EXPECT_EQ(decoded.error->line, 1);
}

TEST(TextEncoding, FirstInvalidUtf8FindsOverlongsSurrogatesAndTruncation) {
  EXPECT_EQ(FirstInvalidUtf8("abc"), 3u);
  EXPECT_EQ(FirstInvalidUtf8("漠"), 3u);
  EXPECT_EQ(FirstInvalidUtf8("a\xC0\x80"), 1u);         // overlong NUL
  EXPECT_EQ(FirstInvalidUtf8("ab\xED\xA0\x80"), 2u);    // a surrogate
  EXPECT_EQ(FirstInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(FirstInvalidUtf8("xy\xE6\xBC"), 2u);        // cut short
}

// ASCII is read eight bytes at a time: a bad byte is found at every offset within and after
// such a run, and a valid character after one is read through.
TEST(TextEncoding, FirstInvalidUtf8FindsABadByteAnywhereInALongAsciiRun) {
  for (std::size_t at = 0; at < 40; ++at) {
    std::string text(40, 'a');
    text[at] = '\xFF';
    EXPECT_EQ(FirstInvalidUtf8(text), at) << at;
    text[at] = 'a';
    text.insert(at, "漠");
    EXPECT_EQ(FirstInvalidUtf8(text), text.size()) << at;
    text += "\xE6\xBC";
    EXPECT_EQ(FirstInvalidUtf8(text), text.size() - 2) << at;
  }
}

TEST(TextEncoding, LinesCountCrLfLfAndLoneCr) {
  EXPECT_EQ(LineOfOffset("a\r\nb\nc\rd", 0), 1);
  EXPECT_EQ(LineOfOffset("a\r\nb\nc\rd", 3), 2);
  EXPECT_EQ(LineOfOffset("a\r\nb\nc\rd", 5), 3);
  EXPECT_EQ(LineOfOffset("a\r\nb\nc\rd", 7), 4);
}

}  // namespace
}  // namespace grassroots::csv
