// Accounts over HTTP: an administrator creates and changes them, a user changes their own
// password; every change that matters ends the sessions opened before it at once. Each
// password hash costs ~0.3 s (argon2id), so the tests create few accounts.
#include <gtest/gtest.h>

#include "http_harness.h"

namespace grassroots::testing {
namespace {

class HttpAccount : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(admin_.LoginAs("admin").status, 200); }

  Reply Create(const std::string& name, const std::string& role, const nlohmann::json& scope,
               const std::string& password) {
    const nlohmann::json body = {
        {"name", name}, {"role", role}, {"scope", scope}, {"password", password}};
    return admin_.Send("POST", "/api/v1/users", body.dump());
  }
  // The code of a second-level organization (one with a parent).
  std::string Branch() {
    return admin_.Get("/api/v1/organizations?direct=false&limit=1").Json()["items"][0]["code"];
  }
  ::testing::AssertionResult AuditHas(const std::string& action, const std::string& entity) {
    const Reply audit = admin_.Get("/api/v1/audit?limit=50");
    const nlohmann::json items = audit.Json()["items"];
    for (const auto& e : items) {
      if (e["action"] == action && e["entity"] == entity) return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure()
           << "no " << action << " of " << entity << " in " << audit.body.substr(0, 2000);
  }

  Client admin_;
};

TEST_F(HttpAccount, AdminCreatesAnAccountThatCanLogInWithinItsScope) {
  const Reply created = Create("王主任", "unit_admin", {"MH001"}, "一个足够长的密码123");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json()["role"], "unit_admin");
  EXPECT_EQ(created.Json()["scope"], nlohmann::json({"MH001"}));
  EXPECT_EQ(created.body.find("hash"), std::string::npos);
  EXPECT_TRUE(AuditHas("user.create", "user:王主任"));

  Client user;
  ASSERT_EQ(user.Login("王主任", "一个足够长的密码123").status, 200);
  EXPECT_EQ(user.Get("/api/v1/session").Json()["user"]["scope"], nlohmann::json({"MH001"}));
  // The administrator knows this password: nothing else answers until its holder changes it.
  EXPECT_EQ(user.Get("/api/v1/session").Json()["must_change_password"], true);
  const Reply first = user.Get("/api/v1/organizations/MH001");
  EXPECT_EQ(first.status, 403);
  EXPECT_EQ(first.Json()["error"]["reason"], "password_change_required");
  ASSERT_EQ(
      user.Send("PUT", "/api/v1/session/password",
                R"({"old_password":"一个足够长的密码123","new_password":"我自己的新密码2016"})")
          .status,
      200);
  EXPECT_EQ(user.Get("/api/v1/session").Json()["must_change_password"], false);
  EXPECT_EQ(user.Get("/api/v1/organizations/MH001").status, 200);
  // A Chinese name in the path reaches the account.
  const Reply moved = admin_.Send("PUT", "/api/v1/users/王主任", R"({"scope":["MH002"]})");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.Json()["scope"], nlohmann::json({"MH002"}));
  const Reply ended = user.Get("/api/v1/session");
  EXPECT_EQ(ended.status, 401);
  EXPECT_EQ(ended.Json()["error"]["reason"], "session_ended_account_changed");
  ASSERT_EQ(user.Login("王主任", "我自己的新密码2016").status, 200);
  // Not an administrator: may not create accounts.
  const nlohmann::json body = {
      {"name", "x2"}, {"role", "auditor"}, {"password", "long enough 123"}};
  EXPECT_EQ(user.Send("POST", "/api/v1/users", body.dump()).status, 403);
  EXPECT_EQ(user.Get("/api/v1/users").status, 403);
}

TEST_F(HttpAccount, BadAccountsAreRefusedNamingTheFieldAndNothingIsCreated) {
  const std::string users_before = admin_.Get("/api/v1/users").body;
  const nlohmann::json none = nlohmann::json::array();
  struct Case {
    Reply reply;
    int status;
    const char* field;
  } cases[] = {
      {Create("admin", "auditor", none, "long enough 123"), 409, "name"},
      {Create("short", "auditor", none, "123456789"), 422, "password"},
      {Create("a b", "auditor", none, "long enough 123"), 422, "name"},
      {Create("nobody", "root", none, "long enough 123"), 422, "role"},
      {Create("nowhere", "leader", {"NO-SUCH-ORG"}, "long enough 123"), 422, "scope"},
      {Create("noscope", "secretary", none, "long enough 123"), 422, "scope"},
      {Create("scoped", "auditor", {"MH001"}, "long enough 123"), 422, "scope"},
      {Create("branchadmin", "unit_admin", {Branch()}, "long enough 123"), 422, "scope"},
      {Create("badscope", "leader", {1, 2}, "long enough 123"), 422, "scope"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(c.reply.status, c.status) << c.reply.body;
    EXPECT_EQ(Field(c.reply), c.field) << c.reply.body;
  }
  EXPECT_EQ(admin_.Send("POST", "/api/v1/users", R"({"name":"x","role":"auditor"})").status, 422);
  EXPECT_EQ(admin_.Send("POST", "/api/v1/users", "{nope").status, 400);
  EXPECT_EQ(admin_.Get("/api/v1/users").body, users_before);
}

TEST_F(HttpAccount, ChangingRoleScopeOrPasswordEndsTheUsersSessionsAtOnce) {
  ASSERT_EQ(Create("li", "leader", {"MH001"}, "first password 1").status, 201);
  Client li;
  ASSERT_EQ(li.Login("li", "first password 1").status, 200);
  ASSERT_EQ(li.Get("/api/v1/session").status, 200);  // remembered by the server now

  Reply changed = admin_.Send("PUT", "/api/v1/users/li", R"({"role":"auditor","scope":[]})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.Json()["role"], "auditor");
  EXPECT_EQ(li.Get("/api/v1/session").status, 401);
  EXPECT_TRUE(AuditHas("user.update", "user:li"));

  ASSERT_EQ(li.Login("li", "first password 1").status, 200);
  EXPECT_EQ(li.Get("/api/v1/session").Json()["user"]["role"], "auditor");
  changed = admin_.Send("PUT", "/api/v1/users/li", R"({"password":"second password 2"})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(li.Get("/api/v1/session").status, 401);
  EXPECT_EQ(li.Login("li", "first password 1").status, 401);
  EXPECT_EQ(li.Login("li", "second password 2").status, 200);

  // A role whose scope no longer fits is refused, and the sessions survive a refusal.
  Reply misfit = admin_.Send("PUT", "/api/v1/users/li", R"({"role":"secretary"})");
  EXPECT_EQ(misfit.status, 422);
  EXPECT_EQ(Field(misfit), "scope");
  EXPECT_EQ(li.Get("/api/v1/session").status, 200);
  EXPECT_EQ(admin_.Send("PUT", "/api/v1/users/li", R"({"password":"short"})").status, 422);
  EXPECT_EQ(admin_.Send("PUT", "/api/v1/users/li", "{}").status, 422);
  EXPECT_EQ(admin_.Send("PUT", "/api/v1/users/nobody", R"({"role":"auditor"})").status, 404);
}

TEST_F(HttpAccount, AnAdminMayNotTakeAwayTheirOwnAdminRole) {
  const Reply reply = admin_.Send("PUT", "/api/v1/users/admin", R"({"role":"auditor"})");
  EXPECT_EQ(reply.status, 403);
  EXPECT_EQ(Field(reply), "role");
  EXPECT_EQ(admin_.Get("/api/v1/session").Json()["user"]["role"], "admin");
  EXPECT_EQ(admin_.Get("/api/v1/users").status, 200);
}

TEST_F(HttpAccount, OwnPasswordChangeKeepsThisSessionAndEndsTheOthers) {
  ASSERT_EQ(Create("zhao", "auditor", nlohmann::json::array(), "quiet river 1").status, 201);
  Client here, elsewhere;
  ASSERT_EQ(here.Login("zhao", "quiet river 1").status, 200);
  ASSERT_EQ(elsewhere.Login("zhao", "quiet river 1").status, 200);
  ASSERT_EQ(elsewhere.Get("/api/v1/session").status, 200);

  Reply wrong = here.Send("PUT", "/api/v1/session/password",
                          R"({"old_password":"not it at all","new_password":"quiet river 2"})");
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(Field(wrong), "old_password");
  Reply weak = here.Send("PUT", "/api/v1/session/password",
                         R"({"old_password":"quiet river 1","new_password":"short"})");
  EXPECT_EQ(weak.status, 422);
  EXPECT_EQ(Field(weak), "new_password");
  EXPECT_EQ(here.Send("PUT", "/api/v1/session/password",
                      R"({"old_password":"quiet river 1","new_password":"quiet river 2"})", false)
                .status,
            403);  // no CSRF token

  Reply done = here.Send("PUT", "/api/v1/session/password",
                         R"({"old_password":"quiet river 1","new_password":"quiet river 2"})");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(here.Get("/api/v1/session").status, 200);
  EXPECT_EQ(elsewhere.Get("/api/v1/session").status, 401);
  EXPECT_EQ(Client().Login("zhao", "quiet river 1").status, 401);
  EXPECT_EQ(Client().Login("zhao", "quiet river 2").status, 200);
  EXPECT_TRUE(AuditHas("user.update", "user:zhao"));
}

TEST_F(HttpAccount, WrongCurrentPasswordsAreThrottledLikeLogins) {
  Client auditor;
  ASSERT_EQ(auditor.LoginAs("auditor").status, 200);
  const char* guess = R"({"old_password":"guess guess 1","new_password":"whatever long 1"})";
  int refused = 0;
  Reply reply;
  for (int i = 0; i < 8 && reply.status != 429; ++i) {
    reply = auditor.Send("PUT", "/api/v1/session/password", guess);
    if (reply.status == 403) ++refused;
  }
  EXPECT_EQ(reply.status, 429) << reply.body;
  EXPECT_GE(refused, 3);
  EXPECT_FALSE(reply.Header("Retry-After").empty());
  // The account's logins are throttled as well: the guesses counted against it.
  EXPECT_EQ(Client().LoginAs("auditor").status, 429);
}

TEST_F(HttpAccount, ADisabledAccountIsRefusedAtOnceKeptAndCanBeEnabledAgain) {
  ASSERT_EQ(Create("停用测试", "auditor", nlohmann::json::array(), "given by admin 1").status, 201);
  Client user;
  ASSERT_EQ(user.Login("停用测试", "given by admin 1").status, 200);
  ASSERT_EQ(user.Send("PUT", "/api/v1/session/password",
                      R"({"old_password":"given by admin 1","new_password":"disable me please 1"})")
                .status,
            200);
  ASSERT_EQ(user.Get("/api/v1/organizations").status, 200);  // the session is now remembered
  const Reply disabled = admin_.Send("PUT", "/api/v1/users/停用测试", R"({"disabled":true})");
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_EQ(disabled.Json()["disabled"], true);
  EXPECT_FALSE(disabled.Json()["disabled_at"].is_null());
  // Refused at once, not when the remembered session runs out, and told why.
  const Reply refused = user.Get("/api/v1/organizations");
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(refused.Json()["error"]["reason"], "session_ended_account_disabled");
  // The right password is told the account is disabled; a wrong one learns nothing new.
  const Reply right = Client().Login("停用测试", "disable me please 1");
  EXPECT_EQ(right.status, 403);
  EXPECT_EQ(right.Json()["error"]["reason"], "account_disabled");
  const Reply wrong = Client().Login("停用测试", "not the password 1");
  const Reply unknown = Client().Login("没有这个人", "not the password 1");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.body, unknown.body);
  // Kept, and shown as disabled.
  bool listed = false;
  const nlohmann::json users = admin_.Get("/api/v1/users").Json()["items"];
  for (const auto& u : users) {
    if (u["name"] == "停用测试") listed = u["disabled"] == true;
  }
  EXPECT_TRUE(listed);
  EXPECT_TRUE(AuditHas("user.disable", "user:停用测试"));
  const Reply enabled = admin_.Send("PUT", "/api/v1/users/停用测试", R"({"disabled":false})");
  ASSERT_EQ(enabled.status, 200) << enabled.body;
  EXPECT_EQ(enabled.Json()["disabled"], false);
  EXPECT_TRUE(AuditHas("user.enable", "user:停用测试"));
  EXPECT_EQ(user.Login("停用测试", "disable me please 1").status, 200);
}

TEST_F(HttpAccount, AnAdminMayNotDisableTheirOwnAccount) {
  const Reply reply = admin_.Send("PUT", "/api/v1/users/admin", R"({"disabled":true})");
  EXPECT_EQ(reply.status, 403);
  EXPECT_EQ(reply.Json()["error"]["reason"], "own_account_disabled");
  EXPECT_EQ(admin_.Get("/api/v1/session").status, 200);
}

}  // namespace
}  // namespace grassroots::testing
