#include "http/json_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <vector>

namespace grassroots::http {
namespace {

std::string NlohmannDump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

TEST(JsonWriterTest, WritesTheSameTextAsNlohmannForValidStrings) {
  for (const std::string& text : std::vector<std::string>{
           "", "plain", "马河镇第一村党支部", "quote \" backslash \\ slash /", "tab\tnew\nline\r",
           std::string("nul\0byte", 8), "\x01\x1f\x7f", "\b\f", "emoji \xF0\x9F\x98\x80"}) {
    JsonWriter writer;
    writer.String(text);
    EXPECT_EQ(writer.Take(), NlohmannDump(text)) << text;
  }
}

// Plain runs are copied eight bytes at a time: a byte that needs escaping or checking must be
// found wherever it falls in such a run, and text longer than the writer's first buffer must
// come out whole.
TEST(JsonWriterTest, EscapesWhereverTheByteFallsInALongText) {
  for (const std::string& special :
       std::vector<std::string>{"\"", "\\", "\n", std::string(1, '\0'), "\x1f", "\x7f", "马",
                                "\xF0\x9F\x98\x80", "\xC3\xA9"}) {
    for (std::size_t at = 0; at <= 24; ++at) {
      const std::string text = std::string(at, 'a') + special + std::string(24 - at, 'b');
      JsonWriter writer;
      writer.String(text);
      EXPECT_EQ(writer.Take(), NlohmannDump(text)) << at;
    }
  }
  const std::string long_text(100'000, 'x');
  JsonWriter writer;
  writer.BeginArray().String(long_text).String("马河镇" + long_text).Int(7).EndArray();
  EXPECT_EQ(writer.Take(),
            NlohmannDump(nlohmann::json::array({long_text, "马河镇" + long_text, 7})));
}

TEST(JsonWriterTest, NestsObjectsAndArraysWithCommas) {
  JsonWriter writer;
  writer.BeginObject()
      .Key("items")
      .BeginArray()
      .BeginObject()
      .Field("code", "A1")
      .Key("parent")
      .StringOrNull("")
      .EndObject()
      .BeginObject()
      .Key("n")
      .Int(-42)
      .Key("ok")
      .Bool(true)
      .Key("raw")
      .Raw("[1,2]")
      .EndObject()
      .EndArray()
      .Key("total")
      .Int(2)
      .Key("empty")
      .BeginArray()
      .EndArray()
      .EndObject();
  const std::string text = writer.Take();
  EXPECT_EQ(text, R"({"items":[{"code":"A1","parent":null},{"n":-42,"ok":true,"raw":[1,2]}],)"
                  R"("total":2,"empty":[]})");
  EXPECT_TRUE(nlohmann::json::accept(text));
}

TEST(JsonWriterTest, WritesDoublesLikeNlohmann) {
  for (double value : {0.0, 85.0, 85.5, 72.33, 100.0, 59.99, -3.25, 0.1, 1e-7, 123456.78}) {
    JsonWriter writer;
    writer.Double(value);
    EXPECT_EQ(writer.Take(), NlohmannDump(value)) << value;
  }
  JsonWriter writer;
  writer.Double(std::nan(""));
  EXPECT_EQ(writer.Take(), "null");
}

TEST(JsonWriterTest, ReplacesBytesThatAreNotUtf8) {
  for (const std::string& text : std::vector<std::string>{
           "\xFF", "a\xC3",
           "\xE4\xB8"
           "a",
           "\xED\xA0\x80", "\xC0\xAF", "\xF4\x90\x80\x80", "ok \xE9\xA9\xAC \x80 end"}) {
    JsonWriter writer;
    writer.String(text);
    const std::string json = writer.Take();
    nlohmann::json parsed;
    ASSERT_NO_THROW(parsed = nlohmann::json::parse(json)) << json;
    EXPECT_NE(parsed.get<std::string>().find("\xEF\xBF\xBD"), std::string::npos) << json;
  }
}

}  // namespace
}  // namespace grassroots::http
