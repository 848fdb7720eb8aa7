// The command line itself: exit codes, where the database is, help.
#include <gtest/gtest.h>

#include <fstream>

#include "cli_runner.h"

namespace grassroots::testing {
namespace {

TEST(Usage, BadUsageExitsWithTwo) {
  Scratch scratch;
  EXPECT_EQ(scratch.Run({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(scratch.Run({"assess"}).exit_code, 2);  // --year missing
  EXPECT_EQ(scratch.Run({"assess", "--year", "abc"}).exit_code, 2);
  EXPECT_EQ(scratch.Run({"assess", "--year", "2016", "--format", "xml"}).exit_code, 2);
  EXPECT_EQ(scratch.Run({"import", "orgs"}).exit_code, 2);  // FILE missing
  EXPECT_EQ(scratch.Run({"import", "teams", "x.csv"}).exit_code, 2);
  EXPECT_EQ(scratch.RunRaw({}).exit_code, 2);
}

TEST(Usage, EveryCommandHasHelp) {
  Scratch scratch;
  for (const auto& command : std::vector<std::vector<std::string>>{{"--help"},
                                                                   {"init", "--help"},
                                                                   {"import", "--help"},
                                                                   {"import", "orgs", "--help"},
                                                                   {"assess", "--help"},
                                                                   {"audit", "verify", "--help"},
                                                                   {"audit", "head", "--help"},
                                                                   {"demo", "--help"}}) {
    const auto outcome = scratch.RunRaw(command);
    EXPECT_EQ(outcome.exit_code, 0) << command[0];
    EXPECT_NE(outcome.out.find("Usage"), std::string::npos) << command[0];
  }
}

TEST(Usage, DatabaseOptionMayFollowTheCommandName) {
  Scratch scratch;
  EXPECT_EQ(scratch.RunRaw({"init", "--db", scratch.Path("after.db")}).exit_code, 0);
  EXPECT_EQ(scratch.RunRaw({"--db", scratch.Path("before.db"), "init"}).exit_code, 0);
  // Each named file became a migrated database; the default one was never created.
  for (const char* name : {"after.db", "before.db"}) {
    const Outcome head = scratch.RunRaw({"audit", "head", "--db", scratch.Path(name)});
    EXPECT_EQ(head.exit_code, 0) << name << ": " << head.err;
    EXPECT_EQ(head.out, "0:" + std::string(64, '0') + "\n") << name;
  }
  EXPECT_FALSE(std::ifstream(scratch.Path("grassroots.db")).good());
}

TEST(Usage, DatabaseComesFromTheEnvironmentThenTheWorkingDirectory) {
  Scratch scratch;
  EXPECT_EQ(scratch.RunRaw({"init"}, "GRASSROOTS_DB=" + scratch.Path("env.db")).exit_code, 0);
  EXPECT_TRUE(std::ifstream(scratch.Path("env.db")).good());
  EXPECT_EQ(scratch.RunRaw({"init"}).exit_code, 0);
  EXPECT_TRUE(std::ifstream(scratch.Path("grassroots.db")).good());
}

TEST(Usage, BrokenPolicyFileIsBadInputNamingTheKey) {
  Scratch scratch;
  const std::string path = scratch.Write("p.toml", "name = \"x\"\n[weights]\nteam = 1\n");
  const auto outcome = scratch.Run({"--policy", path, "assess", "--year", "2016"});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_NE(outcome.err.find("weights.leader"), std::string::npos) << outcome.err;
}

TEST(Usage, BrokenChecklistsFileIsBadInputNamingTheLineAndKey) {
  Scratch scratch;
  const std::string path =
      scratch.Write("c.toml",
                    "name = \"x\"\n[[checklist]]\nid = \"v\"\nname = \"V\"\nfeeds = \"venu\"\n"
                    "items = [{ key = \"a\", text = \"A\" }]\n");
  const auto outcome = scratch.Run({"--checklists", path, "demo", "--no-serve"});
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_NE(outcome.err.find(":5: key \"checklist[1].feeds\": unknown dimension \"venu\""),
            std::string::npos)
      << outcome.err;
}

}  // namespace
}  // namespace grassroots::testing
