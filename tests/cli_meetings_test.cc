// `grassroots meetings import` (issue 14) on the demo database: a quarter's meetings are written
// all or nothing, each bad row named as FILE:LINE with its field; a dry run writes nothing; files
// as Excel and WPS save them (UTF-8 with a BOM, GB18030) read the same. The demo's own meetings
// and village economies are there.
#include <gtest/gtest.h>

#include <string>

#include "cli_runner.h"

namespace grassroots::testing {
namespace {

class MeetingsCli : public ::testing::Test {
 protected:
  void SetUp() override { BuildDemo(scratch_); }
  long Meetings() const { return scratch_.Count("party_meetings"); }
  Scratch scratch_;
};

TEST_F(MeetingsCli, TheDemoHoldsMeetingsAndVillageEconomies) {
  EXPECT_GT(Meetings(), 100);
  EXPECT_GT(scratch_.Count("collective_economy"), 5);
}

TEST_F(MeetingsCli, ABadLineNamesFileAndLineAndNothingIsWritten) {
  const long before = Meetings();
  const std::string path = scratch_.Write("q3.csv",
                                          "org_code,kind,date,attended,expected,topic\n"
                                          "MH001-01,党课,2015-08-06,10,12,党史学习\n"
                                          "MH001-01,picnic,2015-08-07,10,12,党史学习\n"
                                          "MH001-01,支委会,2015-08-32,5,,研究工作\n"
                                          "MH001,支委会,2015-08-03,5,,研究工作\n"
                                          "MH001-01,党课,2015-08-06,10,12,党史学习\n");
  const Outcome outcome = scratch_.Run({"meetings", "import", path});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_NE(outcome.err.find(path + ":3: unknown kind \"picnic\""), std::string::npos)
      << outcome.err;
  EXPECT_NE(outcome.err.find(path + ":4: date: \"2015-08-32\" is not a date"), std::string::npos)
      << outcome.err;
  EXPECT_NE(outcome.err.find(path + ":5: MH001 is a Party committee"), std::string::npos)
      << outcome.err;
  EXPECT_NE(outcome.err.find(path + ":6: this meeting is in the file twice"), std::string::npos)
      << outcome.err;
  EXPECT_EQ(outcome.err.find(path + ":2:"), std::string::npos) << outcome.err;
  EXPECT_NE(outcome.err.find("nothing imported"), std::string::npos);
  EXPECT_EQ(Meetings(), before);
}

TEST_F(MeetingsCli, ADryRunWritesNothingAndAGoodFileIsWrittenOnce) {
  const long before = Meetings();
  const std::string path = scratch_.Write("q2.csv",
                                          "\xef\xbb\xbf组织代码,会议类型,召开日期,实到人数,主题\n"
                                          "MH001-01,党课,2015-05-06,10,党史学习\n"
                                          "MH001-01,党小组会,2015-05-16,8,学习党章\n");
  const Outcome dry = scratch_.Run({"meetings", "import", "--dry-run", path});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("2 meetings would be imported"), std::string::npos) << dry.out;
  EXPECT_EQ(Meetings(), before);
  const Outcome done = scratch_.Run({"meetings", "import", path});
  ASSERT_EQ(done.exit_code, 0) << done.err;
  EXPECT_EQ(Meetings(), before + 2);
  const Outcome again = scratch_.Run({"meetings", "import", path});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find(path + ":2: this meeting is logged already"), std::string::npos)
      << again.err;
  EXPECT_EQ(Meetings(), before + 2);
}

TEST_F(MeetingsCli, AGb18030FileAsExcelSavesItIsRead) {
  const long before = Meetings();
  const std::string path =
      scratch_.Write("gbk.csv",
                     "org_code,kind,date,attended,topic\n"
                     "MH001-01,\xb5\xb3\xbf\xce,2015-08-06,10,\xb5\xb3\xca\xb7\xd1\xa7\xcf\xb0\n");
  const Outcome outcome = scratch_.Run({"meetings", "import", path});
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_EQ(Meetings(), before + 1);
  EXPECT_EQ(scratch_.Dump("SELECT kind || ' ' || topic FROM party_meetings WHERE held_on = "
                          "'2015-08-06'"),
            "party_lecture 党史学习\n");
}

}  // namespace
}  // namespace grassroots::testing
