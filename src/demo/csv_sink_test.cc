#include "demo/csv_sink.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace grassroots::demo {
namespace {

namespace fs = std::filesystem;

class CsvSinkTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("grassroots_csv_sink_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string Read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  static std::size_t Lines(const std::string& text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  }

  fs::path dir_;
};

TEST_F(CsvSinkTest, WritesTheCountyAsThreeFiles) {
  auto sink = CsvSink::Open(dir_ / "county");
  ASSERT_TRUE(sink.ok()) << sink.error().message;
  GenerateDemo(Scale::kCounty, kDefaultSeed, *sink.value());
  ASSERT_TRUE(sink.value()->Finish().ok());

  const std::string orgs = Read(dir_ / "county" / "orgs.csv");
  EXPECT_EQ(orgs.rfind("code,name,type,kind,parent,secretary,unit\nMH001,西林吉镇党委,village,"
                       "committee,,",
                       0),
            0u);
  EXPECT_EQ(Lines(orgs), 1u + 228u);
  EXPECT_EQ(Lines(Read(dir_ / "county" / "members.csv")), 1u + 2'754u);
  const std::string scores = Read(dir_ / "county" / "scores.csv");
  EXPECT_EQ(Lines(scores), 1u + 2u * 228u);
  EXPECT_NE(scores.find(",D,党组织书记长期不在岗"), std::string::npos);
}

TEST_F(CsvSinkTest, QuotesFieldsAsRfc4180) {
  auto sink = CsvSink::Open(dir_);
  ASSERT_TRUE(sink.ok());
  core::Organization org;
  org.code = "X1";
  org.name = "西林吉村党支部, \"二组\"";
  org.secretary = "王\n建国";
  sink.value()->OnOrganization(org);
  core::ScoreRecord score;
  score.code = "X1";
  score.year = 2016;
  score.dimensions = {85.5, 90, 70.25, 60, 100, 40.1};
  sink.value()->OnScore(score);
  ASSERT_TRUE(sink.value()->Finish().ok());

  const std::string orgs = Read(dir_ / "orgs.csv");
  EXPECT_NE(orgs.find("X1,\"西林吉村党支部, \"\"二组\"\"\",village,branch,,\"王\n建国\",\n"),
            std::string::npos)
      << orgs;
  EXPECT_NE(Read(dir_ / "scores.csv").find("X1,2016,85.5,90,70.25,60,100,40.1,,\n"),
            std::string::npos);
  EXPECT_NE(orgs.substr(0, 3), "\xEF\xBB\xBF") << "no BOM";
}

TEST_F(CsvSinkTest, NamesTheDirectoryItCannotCreate) {
  fs::create_directories(dir_);
  std::ofstream(dir_ / "blocker") << "a file where a directory should be";
  auto sink = CsvSink::Open(dir_ / "blocker" / "out");
  ASSERT_FALSE(sink.ok());
  EXPECT_EQ(sink.error().code, core::ErrorCode::kUnavailable);
  EXPECT_NE(sink.error().message.find("blocker"), std::string::npos);
}

}  // namespace
}  // namespace grassroots::demo
