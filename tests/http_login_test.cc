// Logging in: JSON bodies only, failed logins recorded as bounded data under the anonymous
// actor, and throttling that slows a guesser without locking the account's owner out.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "server_process.h"

namespace grassroots::testing {
namespace {

using namespace std::chrono_literals;

std::string Login(const std::string& name, const std::string& password) {
  return nlohmann::json({{"name", name}, {"password", password}}).dump();
}

// A login posted from `source` with `content_type` ("" sends none).
RawReply PostLogin(int port, const std::string& source, const std::string& body,
                   const std::string& content_type = "application/json",
                   const std::string& forwarded_for = "") {
  std::string request = "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
  if (!forwarded_for.empty()) request += "X-Forwarded-For: " + forwarded_for + "\r\n";
  if (!content_type.empty()) request += "Content-Type: " + content_type + "\r\n";
  request += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  return RawExchange(source, port, request);
}

nlohmann::json BodyOf(const RawReply& reply) {
  const std::size_t at = reply.text.find("\r\n\r\n");
  return nlohmann::json::parse(at == std::string::npos ? "" : reply.text.substr(at + 4), nullptr,
                               false);
}

TEST(HttpLogin, OnlyAJsonBodyLogsInAndOthersAreRefusedBeforeAnyPasswordWork) {
  ServerProcess server;
  const std::string right = Login(ServerProcess::kAdmin, ServerProcess::kAdminPassword);
  const std::string form =
      std::string("name=") + ServerProcess::kAdmin + "&password=" + ServerProcess::kAdminPassword;
  for (const auto& [body, type] :
       std::vector<std::pair<std::string, std::string>>{{form, "application/x-www-form-urlencoded"},
                                                        {form, "multipart/form-data; boundary=x"},
                                                        {right, "text/plain"},
                                                        {right, ""},
                                                        {right, "application/jsonp"}}) {
    SCOPED_TRACE(type);
    const RawReply reply = PostLogin(server.port(), "127.0.0.1", body, type);
    EXPECT_EQ(reply.status, 415) << reply.text;
    EXPECT_EQ(BodyOf(reply)["error"]["reason"], "json_required");
    EXPECT_EQ(reply.text.find("Set-Cookie"), std::string::npos);
    EXPECT_LT(reply.took, 150ms);  // a password check alone takes about 300 ms
  }
  EXPECT_EQ(PostLogin(server.port(), "127.0.0.1", right, "application/json; charset=utf-8").status,
            200);
  EXPECT_EQ(PostLogin(server.port(), "127.0.0.1", right, "Application/JSON").status, 200);
}

TEST(HttpLogin, AFailedLoginRecordsTheTypedNameBoundedUnderTheAnonymousActor) {
  ServerProcess server;
  std::string typed;
  for (int i = 0; i < 100; ++i) typed += "党";  // 300 bytes
  EXPECT_EQ(PostLogin(server.port(), "127.0.0.1", Login(typed, "secret-guess-1")).status, 401);
  EXPECT_EQ(PostLogin(server.port(), "127.0.0.1", Login("nobody", "secret-guess-2")).status, 401);

  const RawReply login = PostLogin(server.port(), "127.0.0.1",
                                   Login(ServerProcess::kAdmin, ServerProcess::kAdminPassword));
  ASSERT_EQ(login.status, 200);
  const std::size_t at = login.text.find("grassroots_session=");
  const std::string cookie = login.text.substr(at, login.text.find(';', at) - at);
  httplib::Client client("127.0.0.1", server.port());
  auto audit = client.Get("/api/v1/audit?limit=10", {{"Cookie", cookie}});
  ASSERT_TRUE(audit && audit->status == 200);
  EXPECT_EQ(audit->body.find("secret-guess"), std::string::npos);  // passwords never
  const nlohmann::json entries = nlohmann::json::parse(audit->body)["items"];
  std::vector<nlohmann::json> failed;
  for (const auto& entry : entries) {
    if (entry["action"] == "login_failed") failed.push_back(entry);
  }
  ASSERT_EQ(failed.size(), 2u);  // newest first
  EXPECT_EQ(failed[0]["actor"], "anonymous");
  EXPECT_EQ(failed[0]["entity"], "session");
  EXPECT_EQ(failed[0]["after"]["name"], "nobody");
  EXPECT_FALSE(failed[0]["after"].contains("truncated"));
  EXPECT_EQ(failed[1]["actor"], "anonymous");
  EXPECT_EQ(failed[1]["after"]["name"], typed.substr(0, 63));  // 21 whole characters
  EXPECT_EQ(failed[1]["after"]["truncated"], true);
  EXPECT_EQ(failed[1]["entity"], "session");
}

TEST(HttpLogin, GuessingFromOneAddressSlowsThatAddressAndNotTheOwnerFromAnother) {
  ServerProcess server;
  const std::string wrong = Login(ServerProcess::kAdmin, "wrong-password-1");
  for (int i = 0; i < 6; ++i) EXPECT_EQ(PostLogin(server.port(), "127.0.0.1", wrong).status, 401);
  const RawReply slowed = PostLogin(server.port(), "127.0.0.1", wrong);
  ASSERT_EQ(slowed.status, 429) << slowed.text;
  EXPECT_NE(slowed.text.find("Retry-After: 1\r\n"), std::string::npos) << slowed.text;
  EXPECT_EQ(BodyOf(slowed)["error"]["reason"], "too_many_failed_logins");
  EXPECT_EQ(BodyOf(slowed)["error"]["params"]["seconds"], "1");
  // The owner, from another address, signs in at once.
  const RawReply owner = PostLogin(server.port(), "127.0.0.2",
                                   Login(ServerProcess::kAdmin, ServerProcess::kAdminPassword));
  EXPECT_EQ(owner.status, 200) << owner.text;
}

// Behind a proxy every request comes from the proxy's address: with --trusted-proxy the
// client's address is the one the proxy appends to X-Forwarded-For, so a guesser there does not
// slow the account's owner; without it the header is the client's own words and is ignored.
TEST(HttpLogin, BehindATrustedProxyTheForwardedAddressIsTheClients) {
  const std::string wrong = Login(ServerProcess::kAdmin, "wrong-password-1");
  const std::string right = Login(ServerProcess::kAdmin, ServerProcess::kAdminPassword);
  ServerProcess proxied({"--trusted-proxy", "127.0.0.1"});
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(
        PostLogin(proxied.port(), "127.0.0.1", wrong, "application/json", "10.0.0.9, 203.0.113.5")
            .status,
        401);
  }
  EXPECT_EQ(PostLogin(proxied.port(), "127.0.0.1", wrong, "application/json", "203.0.113.5").status,
            429);
  EXPECT_EQ(
      PostLogin(proxied.port(), "127.0.0.1", right, "application/json", "198.51.100.7").status,
      200);

  ServerProcess direct;
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(
        PostLogin(direct.port(), "127.0.0.1", wrong, "application/json", "203.0.113.5").status,
        401);
  }
  EXPECT_EQ(PostLogin(direct.port(), "127.0.0.1", right, "application/json", "198.51.100.7").status,
            429);
}

}  // namespace
}  // namespace grassroots::testing
