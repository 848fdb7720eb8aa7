// An account's first steps (issue 10): the holder of a password an administrator gave must
// choose their own before anything else, a password is checked by one rule with a reason per
// failure, an account carries its holder's real name and phone, and the server tells a form
// which scope each role takes.
#include <gtest/gtest.h>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

class HttpFirstLogin : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(admin_.LoginAs("admin").status, 200); }

  Reply Create(const nlohmann::json& body) {
    return admin_.Send("POST", "/api/v1/users", body.dump());
  }
  Reply ChangeOwn(Client& client, const std::string& old_password,
                  const std::string& new_password) {
    const nlohmann::json body = {{"old_password", old_password}, {"new_password", new_password}};
    return client.Send("PUT", "/api/v1/session/password", body.dump());
  }

  Client admin_;
};

TEST_F(HttpFirstLogin, AGivenPasswordMustBeChangedBeforeAnythingElse) {
  ASSERT_EQ(
      Create({{"name", "chen"}, {"role", "auditor"}, {"password", "given by admin 1"}}).status,
      201);
  Client chen;
  const Reply login = chen.Login("chen", "given by admin 1");
  ASSERT_EQ(login.status, 200);
  EXPECT_EQ(login.Json()["must_change_password"], true);
  // Who am I and logging out answer; nothing else does, reads and writes alike.
  EXPECT_EQ(chen.Get("/api/v1/session").status, 200);
  for (const char* path : {"/api/v1/organizations", "/api/v1/assessments", "/api/v1/roles"}) {
    const Reply refused = chen.Get(path);
    EXPECT_EQ(refused.status, 403) << path;
    EXPECT_EQ(Reason(refused), "password_change_required") << path;
  }
  EXPECT_EQ(Reason(chen.Send("PUT", "/api/v1/session/profile", R"({"phone":"13800138000"})")),
            "password_change_required");
  // The same password again is not a password of one's own.
  const Reply same = ChangeOwn(chen, "given by admin 1", "given by admin 1");
  EXPECT_EQ(same.status, 422);
  EXPECT_EQ(Reason(same), "password_unchanged");
  EXPECT_EQ(Reason(ChangeOwn(chen, "not my password 1", "picked by myself 2")),
            "wrong_current_password");
  ASSERT_EQ(ChangeOwn(chen, "given by admin 1", "picked by myself 2").status, 200);
  EXPECT_EQ(chen.Get("/api/v1/organizations").status, 200);

  // A reset by an administrator gives a password someone else knows again.
  ASSERT_EQ(admin_.Send("PUT", "/api/v1/users/chen", R"({"password":"reset by admin 3"})").status,
            200);
  ASSERT_EQ(chen.Login("chen", "reset by admin 3").status, 200);
  EXPECT_EQ(Reason(chen.Get("/api/v1/organizations")), "password_change_required");
  ASSERT_EQ(ChangeOwn(chen, "reset by admin 3", "picked by myself 4").status, 200);
  EXPECT_EQ(chen.Get("/api/v1/organizations").status, 200);
  // Demo and console accounts chose their own: they are not held back.
  Client auditor;
  EXPECT_EQ(auditor.LoginAs("auditor").Json()["must_change_password"], false);
}

TEST_F(HttpFirstLogin, AWeakPasswordIsRefusedWithTheRuleItBreaks) {
  struct Case {
    const char* password;
    const char* reason;
  } cases[] = {
      {"short1", "password_too_short"},           {"1111111111", "password_one_character"},
      {"1234567890", "password_sequence"},        {"qwertyuiop", "password_sequence"},
      {"liuyang-2016", "password_contains_name"},
  };
  for (const Case& c : cases) {
    const Reply reply =
        Create({{"name", "liuyang"}, {"role", "auditor"}, {"password", c.password}});
    EXPECT_EQ(reply.status, 422) << c.password;
    EXPECT_EQ(Reason(reply), c.reason) << c.password;
    EXPECT_EQ(reply.Json()["error"]["field"], "password") << c.password;
  }
  EXPECT_EQ(admin_.Get("/api/v1/users").body.find("liuyang"), std::string::npos);
  // The same rule when a user chooses their own, named at the new password.
  Client auditor;
  ASSERT_EQ(auditor.LoginAs("auditor").status, 200);
  const Reply own = ChangeOwn(auditor, HttpServer::Get().Password("auditor"), "0987654321");
  EXPECT_EQ(own.status, 422);
  EXPECT_EQ(Reason(own), "password_sequence");
  EXPECT_EQ(own.Json()["error"]["field"], "new_password");
}

TEST_F(HttpFirstLogin, AnAccountCarriesItsHoldersRealNameAndPhone) {
  const Reply created = Create({{"name", "zhouli"},
                                {"role", "leader"},
                                {"scope", {"MH001"}},
                                {"password", "given by admin 1"},
                                {"real_name", "周立"},
                                {"phone", "13800138000"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json()["real_name"], "周立");
  EXPECT_EQ(created.Json()["must_change_password"], true);
  const Reply bad = admin_.Send("PUT", "/api/v1/users/zhouli", R"({"phone":"call me"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(Reason(bad), "invalid_phone");
  EXPECT_EQ(bad.Json()["error"]["field"], "phone");
  const Reply renamed = admin_.Send("PUT", "/api/v1/users/zhouli", R"({"real_name":"周丽"})");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.Json()["real_name"], "周丽");

  Client zhou;
  ASSERT_EQ(zhou.Login("zhouli", "given by admin 1").status, 200);
  ASSERT_EQ(ChangeOwn(zhou, "given by admin 1", "chosen by zhou 2").status, 200);
  const Reply mine = zhou.Send("PUT", "/api/v1/session/profile", R"({"phone":"0457-2881234"})");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.Json()["phone"], "0457-2881234");
  const nlohmann::json me = zhou.Get("/api/v1/session").Json()["user"];
  EXPECT_EQ(me["real_name"], "周丽");
  EXPECT_EQ(me["phone"], "0457-2881234");
  // A name or phone changes nothing of what the account may do: its sessions stay.
  EXPECT_EQ(zhou.Get("/api/v1/organizations/MH001").status, 200);
  const Reply long_name = zhou.Send("PUT", "/api/v1/session/profile",
                                    nlohmann::json({{"real_name", std::string(40, 'x')}}).dump());
  EXPECT_EQ(Reason(long_name), "too_long");
}

TEST_F(HttpFirstLogin, TheServerSaysWhichScopeEachRoleTakes) {
  const nlohmann::json roles = admin_.Get("/api/v1/roles").Json()["items"];
  std::map<std::string, std::string> scope;
  for (const auto& r : roles) scope[r["role"]] = r["scope"];
  EXPECT_EQ(scope, (std::map<std::string, std::string>{{"admin", "none"},
                                                       {"auditor", "none"},
                                                       {"unit_admin", "direct"},
                                                       {"first_secretary", "village"},
                                                       {"secretary", "any"},
                                                       {"leader", "any"}}));
  // And refuses a misfit with the rule's reason.
  const Reply misfit =
      Create({{"name", "nobody"}, {"role", "secretary"}, {"password", "given by admin 1"}});
  EXPECT_EQ(Reason(misfit), "scope_required");
}

}  // namespace
}  // namespace grassroots::testing
