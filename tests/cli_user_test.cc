// Accounts and the audit check from the command line. Each password hash costs ~0.3 s
// (argon2id), so the tests hash as few passwords as they can.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <regex>

#include "cli_runner.h"
#include "sqlite_exec.h"

namespace grassroots::testing {
namespace {

class UserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(scratch_.Run({"init"}).exit_code, 0);
    const std::string orgs =
        scratch_.Write("orgs.csv",
                       "code,name,type,kind,parent,secretary\nT1,一镇党委,village,committee,,王\n"
                       "V1,一村,village,branch,T1,李\nV2,二村,village,branch,T1,张\n");
    ASSERT_EQ(scratch_.Run({"import", "orgs", orgs}).exit_code, 0);
  }

  // Runs `grassroots --db DB ARGS...` with `input` on stdin (Scratch::Run reads /dev/null).
  Outcome RunWithInput(const std::vector<std::string>& args, const std::string& input) const {
    const std::string in = scratch_.Write(".in", input);
    std::string command = std::string(GRASSROOTS_BIN) + " --db " + ShellQuote(scratch_.Db());
    for (const auto& arg : args) command += " " + ShellQuote(arg);
    command += " <" + ShellQuote(in) + " >" + ShellQuote(scratch_.Path(".out")) + " 2>" +
               ShellQuote(scratch_.Path(".err"));
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFile(scratch_.Path(".out")),
            ReadFile(scratch_.Path(".err"))};
  }

  Scratch scratch_;
};

// The generated password, printed once as "password: XXXX".
std::string PrintedPassword(const std::string& out) {
  std::smatch match;
  return std::regex_search(out, match, std::regex("password: (\\S+)\\n")) ? match[1].str() : "";
}

TEST_F(UserTest, FirstAdminGetsAFreshPasswordAndNamesAreUnique) {
  const auto first = scratch_.Run({"user", "add", "root", "--role", "admin"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::string password = PrintedPassword(first.out);
  EXPECT_EQ(password.size(), 16u) << first.out;
  EXPECT_EQ(password.find_first_of("0O1lI"), std::string::npos);

  const auto again = scratch_.Run({"user", "add", "root", "--role", "auditor"});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("already exists"), std::string::npos) << again.err;

  const auto secretary = RunWithInput(
      {"user", "add", "李一", "--role", "secretary", "--scope", "V1,V2", "--password-stdin"},
      "a long enough secret\n");
  ASSERT_EQ(secretary.exit_code, 0) << secretary.err;
  EXPECT_EQ(PrintedPassword(secretary.out), "") << "a chosen password is not echoed";

  const auto list = scratch_.Run({"user", "list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("name"), std::string::npos) << list.out;
  EXPECT_TRUE(std::regex_search(list.out, std::regex("root +admin +- +\\S"))) << list.out;
  EXPECT_TRUE(std::regex_search(list.out, std::regex("李一 +secretary +V1,V2 +\\S"))) << list.out;
  EXPECT_EQ(list.out.find(password), std::string::npos);
}

TEST_F(UserTest, ScopeMustFitTheRoleAndExist) {
  // All of these fail before any password is hashed.
  EXPECT_EQ(scratch_.Run({"user", "add", "a", "--role", "secretary"}).exit_code, 2);
  EXPECT_EQ(scratch_.Run({"user", "add", "a", "--role", "admin", "--scope", "T1"}).exit_code, 2);
  EXPECT_EQ(scratch_.Run({"user", "add", "a", "--role", "auditor", "--scope", "T1"}).exit_code, 2);
  EXPECT_EQ(scratch_.Run({"user", "add", "a", "--role", "root"}).exit_code, 2);
  EXPECT_EQ(scratch_.Run({"user", "add", "a"}).exit_code, 2);
  const auto unknown = scratch_.Run({"user", "add", "a", "--role", "leader", "--scope", "V1,V9"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("V9"), std::string::npos) << unknown.err;
  const auto spaced = scratch_.Run({"user", "add", "a b", "--role", "auditor"});
  EXPECT_EQ(spaced.exit_code, 1);
  const auto weak =
      RunWithInput({"user", "add", "a", "--role", "auditor", "--password-stdin"}, "short\n");
  EXPECT_EQ(weak.exit_code, 1);
  EXPECT_NE(weak.err.find("password"), std::string::npos) << weak.err;
  const auto list = scratch_.Run({"user", "list"});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(list.out.find("\na "), std::string::npos) << "nothing was created:\n" << list.out;
}

TEST_F(UserTest, PasswdSetsANewPasswordForAnExistingUser) {
  ASSERT_EQ(RunWithInput({"user", "add", "auditor1", "--role", "auditor", "--password-stdin"},
                         "first secret 123\n")
                .exit_code,
            0);
  EXPECT_EQ(scratch_.Run({"user", "passwd", "nobody"}).exit_code, 1);
  EXPECT_EQ(RunWithInput({"user", "passwd", "auditor1", "--password-stdin"}, "short\n").exit_code,
            1);
  const auto changed = scratch_.Run({"user", "passwd", "auditor1"});
  ASSERT_EQ(changed.exit_code, 0) << changed.err;
  EXPECT_EQ(PrintedPassword(changed.out).size(), 16u) << changed.out;
}

TEST_F(UserTest, DisableAndEnableKeepTheAccountAndShowInTheList) {
  ASSERT_EQ(RunWithInput({"user", "add", "zhang", "--role", "auditor", "--password-stdin"},
                         "first secret 123\n")
                .exit_code,
            0);
  const auto disabled = scratch_.Run({"user", "disable", "zhang"});
  ASSERT_EQ(disabled.exit_code, 0) << disabled.err;
  EXPECT_TRUE(std::regex_search(scratch_.Run({"user", "list"}).out,
                                std::regex("zhang +auditor +- +\\S+ +disabled since \\S+")));
  EXPECT_EQ(scratch_.Dump("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1"),
            "user.disable\n");
  const auto enabled = scratch_.Run({"user", "enable", "zhang"});
  ASSERT_EQ(enabled.exit_code, 0) << enabled.err;
  EXPECT_TRUE(std::regex_search(scratch_.Run({"user", "list"}).out,
                                std::regex("zhang +auditor +- +\\S+ +active")));
  const auto unknown = scratch_.Run({"user", "disable", "nobody"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("nobody"), std::string::npos) << unknown.err;
}

TEST_F(UserTest, AuditVerifyFindsTheFirstEditedEntry) {
  const auto intact = scratch_.Run({"audit", "verify"});
  ASSERT_EQ(intact.exit_code, 0) << intact.err;
  EXPECT_TRUE(std::regex_search(intact.out, std::regex("audit log intact: [1-9][0-9]* entries")))
      << intact.out;

  const std::string first = scratch_.Dump("SELECT MIN(id) FROM audit_log");
  const std::string id = first.substr(0, first.find('\n'));
  // As someone with write access to the file would: the database itself refuses the edit.
  ExecuteSql(scratch_.Db(),
             "DROP TRIGGER audit_log_no_update;"
             " UPDATE audit_log SET actor = 'someone else' WHERE id = " +
                 id);
  const auto broken = scratch_.Run({"audit", "verify"});
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.err.find("entry " + id), std::string::npos) << broken.err;
}

}  // namespace
}  // namespace grassroots::testing
